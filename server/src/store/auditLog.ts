import { v7 as uuidV7 } from 'uuid';
import type { Db, DbClient } from './database.ts';
import { type AuditOutcome, Prisma } from './generated/client.ts';

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

/**
 * Records one read or write of patient data. Pass the transaction that did
 * the write, so both commit or neither. Outside a transaction, on a client
 * opened with group commits (groupAuditCommits), the row is written together
 * with the others that arrive meanwhile; either way the promise resolves only
 * once the row is committed, so nothing is answered before its audit row
 * stands, and a row that cannot be written fails its own caller.
 */
export async function recordAudit(db: DbClient, event: AuditInput): Promise<{ id: string; at: Date }> {
  const row = auditRowOf(event);
  const group = groups.get(db);
  await (group === undefined ? insertAuditRows(db, [row]) : group.add(row));
  return { id: row.id, at: row.at };
}

interface AuditRow {
  id: string;
  at: Date;
  actorKind: AuditActor['kind'];
  actorId: string | null;
  action: string;
  resourceType: string;
  resourceId: string | null;
  patientId: string | null;
  via: string;
  outcome: AuditOutcome;
}

function auditRowOf(event: AuditInput): AuditRow {
  const at = Date.now();
  return {
    // Version 7, as Prisma's @default(uuid(7)) makes for the rows it writes: ids that sort by time.
    id: uuidV7({ msecs: at }),
    at: new Date(at),
    actorKind: event.actor.kind,
    actorId: auditActorId(event.actor),
    action: event.action,
    resourceType: event.resourceType,
    resourceId: event.resourceId ?? null,
    patientId: event.patientId ?? null,
    via: event.via,
    outcome: event.outcome,
  };
}

/** One statement for any number of rows, in raw SQL: the ORM's create cost about three times the CPU of the insert itself on the embedded database. */
async function insertAuditRows(db: DbClient, rows: readonly AuditRow[]): Promise<void> {
  const values = rows.map(
    (row) =>
      Prisma.sql`(${row.id}::uuid, ${row.at}, ${row.actorKind}::"AuditActorKind", ${row.actorId}::uuid, ${row.action}, ${row.resourceType}, ${row.resourceId}, ${row.patientId}::uuid, ${row.via}, ${row.outcome}::"AuditOutcome")`,
  );
  await db.$executeRaw`
    INSERT INTO "AuditEvent" (id, at, "actorKind", "actorId", action, "resourceType", "resourceId", "patientId", via, outcome)
    VALUES ${Prisma.join(values)}`;
}

/** Rows per statement at most; more wait for the next one. */
const MAX_GROUP = 500;

/**
 * Group commit for the audit rows written outside a transaction, mostly one
 * per read: while one INSERT is under way, the rows that arrive wait and go
 * in the next one together. A quiet server writes each row at once, as
 * before; a busy one writes one statement for many reads instead of one
 * each (on the embedded database every statement costs the one thread that
 * serves everyone).
 */
class AuditGroup {
  readonly #db: Db;
  #waiting: Array<{ row: AuditRow; done: (error?: unknown) => void }> = [];
  #writing = false;

  constructor(db: Db) {
    this.#db = db;
  }

  add(row: AuditRow): Promise<void> {
    return new Promise((resolve, reject) => {
      this.#waiting.push({ row, done: (error) => (error === undefined ? resolve() : reject(error)) });
      if (!this.#writing) void this.#write();
    });
  }

  async #write(): Promise<void> {
    this.#writing = true;
    while (this.#waiting.length > 0) {
      const group = this.#waiting.splice(0, MAX_GROUP);
      try {
        await insertAuditRows(this.#db, group.map((entry) => entry.row));
        for (const entry of group) entry.done();
      } catch (error) {
        // One bad row must not fail the others: write each alone, and fail only the callers whose row was refused.
        if (group.length === 1) group[0]!.done(error);
        else await Promise.all(group.map((entry) => insertAuditRows(this.#db, [entry.row]).then(() => entry.done(), (alone: unknown) => entry.done(alone))));
      }
    }
    this.#writing = false;
  }
}

const groups = new WeakMap<DbClient, AuditGroup>();

/** Lets recordAudit group the rows written through this client outside a transaction (app.ts, for the server's client). */
export function groupAuditCommits(db: Db): void {
  groups.set(db, new AuditGroup(db));
}

/** "Who looked at this patient?": the patient's audit trail, newest first. */
export function patientAuditTrail(db: DbClient, patientId: string, options: { since?: Date; limit?: number } = {}) {
  return db.auditEvent.findMany({
    where: { patientId, ...(options.since ? { at: { gte: options.since } } : {}) },
    orderBy: [{ at: 'desc' }, { id: 'desc' }],
    take: options.limit ?? 100,
  });
}
