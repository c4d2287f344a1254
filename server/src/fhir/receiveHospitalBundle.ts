import type { Bundle } from '@medplum/fhirtypes';
import type { SystemCaller } from '../auth/systemClient.ts';
import type { RecordContext } from '../record/context.ts';
import { recordAudit } from '../store/auditLog.ts';
import { applyHospitalNotice } from './applyHospitalNotice.ts';
import { InboundRefusal } from './operationOutcome.ts';
import { type HospitalNotice, readHospitalBundle } from './readHospitalBundle.ts';
import { transactionResponse } from './transactionResponse.ts';

/**
 * POST /fhir/R4: a hospital system's transaction Bundle (admission,
 * discharge, relatives). Read and checked, then written in one transaction
 * with its audit rows; the episode's events follow the commit. A refusal
 * stores nothing and is audited on its own, naming the patient when Samplan
 * knows her.
 */
export async function receiveHospitalBundle(ctx: RecordContext, caller: SystemCaller, body: unknown): Promise<Bundle> {
  let notice: HospitalNotice | null = null;
  try {
    notice = readHospitalBundle(body);
    const read = notice;
    const applied = await ctx.db.$transaction((tx) => applyHospitalNotice(tx, caller, read, ctx.now()));
    for (const event of applied.events) await ctx.events.publish(event);
    return transactionResponse(read.entries, applied, ctx.now());
  } catch (error) {
    if (!(error instanceof InboundRefusal)) throw error;
    const patient = notice === null ? null : await ctx.db.patient.findUnique({ where: { cprNumber: notice.patient.cpr.value }, select: { id: true } });
    await recordAudit(ctx.db, {
      actor: { kind: 'system', systemClientId: caller.systemClientId },
      action: 'receive',
      resourceType: 'Bundle',
      patientId: patient?.id ?? null,
      via: caller.via,
      outcome: 'denied',
    });
    throw error;
  }
}
