import type { DbClient } from './database.ts';
import type { AuditOutcome } from './generated/client.ts';

/** A system is Samplan itself (no id) or a hospital system calling in with its API key (the SystemClient's id). */
export type AuditActor = { kind: 'staff'; staffId: string } | { kind: 'participant'; participantId: string } | { kind: 'system'; systemClientId?: string };

export function auditActorId(actor: AuditActor): string | null {
  if (actor.kind === 'staff') return actor.staffId;
  if (actor.kind === 'participant') return actor.participantId;
  return actor.systemClientId ?? null;
}

export interface AuditInput {
  actor: AuditActor;
  /** A stable verb: "read", "create", "update", "agree", "join"… */
  action: string;
  /** A model name, e.g. "PlanRevision". */
  resourceType: string;
  resourceId?: string | null;
  /** The patient whose data it is; never the CPR number, which must not reach the trail. */
  patientId?: string | null;
  /** The route ("GET /api/episodes/:id") or socket event ("plan:push"). */
  via: string;
  outcome: AuditOutcome;
}

/** Records one read or write of patient data. Pass the transaction that did the write, so both commit or neither. */
export function recordAudit(db: DbClient, event: AuditInput) {
  return db.auditEvent.create({
    data: {
      actorKind: event.actor.kind,
      actorId: auditActorId(event.actor),
      action: event.action,
      resourceType: event.resourceType,
      resourceId: event.resourceId ?? null,
      patientId: event.patientId ?? null,
      via: event.via,
      outcome: event.outcome,
    },
  });
}

/** "Who looked at this patient?": the patient's audit trail, newest first. */
export function patientAuditTrail(db: DbClient, patientId: string, options: { since?: Date; limit?: number } = {}) {
  return db.auditEvent.findMany({
    where: { patientId, ...(options.since ? { at: { gte: options.since } } : {}) },
    orderBy: [{ at: 'desc' }, { id: 'desc' }],
    take: options.limit ?? 100,
  });
}
