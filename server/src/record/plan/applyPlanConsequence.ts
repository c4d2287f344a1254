import { applyOperations, type PlanDocument, type PlanOperation, planOperationSchema, type PlanRevision } from '@samplan/shared';
import { recordAudit } from '../../store/auditLog.ts';
import { appendPlanRevision } from '../../store/planRevisions.ts';
import { storedEditor } from './authorship.ts';
import { ensurePlan } from './ensurePlan.ts';
import type { PlanContext } from './planContext.ts';
import { commitUnlessTaken, TAKEN, untilCommitted } from './planWriteQueue.ts';
import { headOf } from './revisions.ts';

export interface PlanConsequence {
  readonly episodeId: string;
  /** The staff member whose act caused it: the revision's author. */
  readonly staffId: string;
  /** The event it follows, for the audit trail. */
  readonly via: string;
  /** Sees the plan as it stands at each attempt; no operations, no revision. */
  decide(doc: PlanDocument): PlanOperation[];
}

/**
 * A consequence in the plan of something recorded elsewhere (the pathway's
 * tasks at discharge, a visit closing its task): authored by the staff
 * member whose act caused it, in no conference, through the same queue and
 * retry as a push, and `plan.revised` like any other revision. The act was
 * checked and audited where it was recorded; the revision it makes is
 * audited here, with it.
 */
export function applyPlanConsequence(ctx: PlanContext, input: PlanConsequence): Promise<PlanRevision | null> {
  const { db } = ctx;
  const { episodeId, staffId, via } = input;
  return ctx.planWrites.run(episodeId, async () => {
    const episode = await db.episode.findUniqueOrThrow({ where: { id: episodeId }, select: { patientId: true } });
    const staff = await db.staffUser.findUniqueOrThrow({ where: { id: staffId }, select: { id: true, name: true, role: true, organisation: { select: { sector: true } } } });
    const by = storedEditor({ staff, participant: null });
    const planId = await ensurePlan(db, episodeId);
    return untilCommitted(async () => {
      const head = await headOf(db, planId);
      const ops = input.decide(head.document).map((op) => planOperationSchema.parse(op));
      if (ops.length === 0) return null;
      const at = ctx.now().toISOString();
      const result = applyOperations(head.document, ops, { by, at });
      if (!result.ok) throw new Error(`a plan consequence does not apply: ${result.rejection.code}`);
      const stored = await commitUnlessTaken(() =>
        db.$transaction(async (tx) => {
          const row = await appendPlanRevision(tx, {
            planId,
            parentNumber: head.number === 0 ? null : head.number,
            document: result.doc,
            operations: ops,
            author: { staffId },
            conferenceId: null,
            createdAt: new Date(at),
          });
          await recordAudit(tx, { actor: { kind: 'staff', staffId }, via, outcome: 'ok', action: 'update', resourceType: 'PlanRevision', resourceId: row.id, patientId: episode.patientId });
          return row;
        }),
      );
      if (stored === TAKEN) return TAKEN;
      const revision: PlanRevision = { revision: stored.number, by, at, ops };
      await ctx.events.publish({ type: 'plan.revised', episodeId, conferenceId: null, revision, origin: undefined });
      return revision;
    }, 'The plan is changing too fast to apply this change; try again.');
  });
}
