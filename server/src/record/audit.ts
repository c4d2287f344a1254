import type { Principal } from '../auth/principal.ts';
import { type AuditActor, auditActorId, recordAudit } from '../store/auditLog.ts';
import type { DbClient } from '../store/database.ts';
import type { Caller } from './context.ts';

export function auditActorOf(principal: Principal): AuditActor {
  return principal.kind === 'staff' ? { kind: 'staff', staffId: principal.staffId } : { kind: 'participant', participantId: principal.participantId };
}

export interface AuditedAct {
  /** A stable verb: read, create, update, cancel, invite, take, answer… */
  readonly action: string;
  readonly resourceType: string;
  readonly resourceId?: string | null;
  readonly patientId?: string | null;
}

/** Records a permitted read or write. Pass the write's transaction, so both commit or neither. */
export function auditOk(db: DbClient, caller: Caller, act: AuditedAct) {
  return recordAudit(db, { actor: auditActorOf(caller.principal), via: caller.via, outcome: 'ok', ...act });
}

/** Records a refusal; never inside a transaction that is about to roll back. */
export function auditDenied(db: DbClient, caller: Caller, act: AuditedAct) {
  return recordAudit(db, { actor: auditActorOf(caller.principal), via: caller.via, outcome: 'denied', ...act });
}

/** One row per patient whose data a list showed: "who looked at this patient" must find list views too. */
export async function auditListed(db: DbClient, caller: Caller, act: Omit<AuditedAct, 'patientId' | 'resourceId'>, rows: ReadonlyArray<{ resourceId: string; patientId: string }>) {
  if (rows.length === 0) return;
  const actor = auditActorOf(caller.principal);
  await db.auditEvent.createMany({
    data: rows.map((row) => ({
      actorKind: actor.kind,
      actorId: auditActorId(actor),
      action: act.action,
      resourceType: act.resourceType,
      resourceId: row.resourceId,
      patientId: row.patientId,
      via: caller.via,
      outcome: 'ok' as const,
    })),
  });
}
