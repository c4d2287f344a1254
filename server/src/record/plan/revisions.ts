import { changesPlanContent, emptyPlan, planDocumentSchema, planOperationSchema, type PlanDocument, type PlanRevision } from '@samplan/shared';
import { z } from 'zod';
import type { DbClient } from '../../store/database.ts';
import { storedEditor } from './authorship.ts';

/**
 * Reading stored revisions back into protocol values. Documents and
 * operations are parsed on the way out as on the way in: a row written by an
 * older server must still mean what the protocol says, or fail loudly.
 */

const storedOpsSchema = z.array(planOperationSchema);

const AUTHOR = {
  authorStaff: { select: { id: true, name: true, role: true, organisation: { select: { sector: true } } } },
  authorParticipant: { select: { id: true, role: true, externalName: true, staffUser: { select: { name: true } } } },
} as const;

export interface Head {
  readonly number: number;
  readonly document: PlanDocument;
}

/** The plan's newest revision; revision 0, the empty plan, before the first. */
export async function headOf(db: DbClient, planId: string | null): Promise<Head> {
  if (planId === null) return { number: 0, document: emptyPlan() };
  const row = await db.planRevision.findFirst({ where: { planId }, orderBy: { number: 'desc' }, select: { number: true, document: true } });
  return row === null ? { number: 0, document: emptyPlan() } : { number: row.number, document: planDocumentSchema.parse(row.document) };
}

/**
 * The newest document of each of these episodes' plans, in one query (the
 * day view's tasks); an episode without a plan yet is absent.
 */
export async function headDocumentsOf(db: DbClient, episodeIds: readonly string[]): Promise<Map<string, PlanDocument>> {
  if (episodeIds.length === 0) return new Map();
  const rows = await db.$queryRaw<Array<{ episodeId: string; document: unknown }>>`
    SELECT DISTINCT ON (p."episodeId") p."episodeId"::text AS "episodeId", r."document"
    FROM "CarePlan" p JOIN "PlanRevision" r ON r."planId" = p."id"
    WHERE p."episodeId" = ANY(${[...episodeIds]}::uuid[])
    ORDER BY p."episodeId", r."number" DESC`;
  return new Map(rows.map((row) => [row.episodeId, planDocumentSchema.parse(row.document)]));
}

export interface StoredRevision extends PlanRevision {
  readonly conferenceId: string | null;
}

/** Revisions after `after` up to and including `upTo`, oldest first. */
export async function revisionsBetween(db: DbClient, planId: string, after: number, upTo: number): Promise<StoredRevision[]> {
  if (upTo <= after) return [];
  const rows = await db.planRevision.findMany({
    where: { planId, number: { gt: after, lte: upTo } },
    orderBy: { number: 'asc' },
    select: { number: true, operations: true, createdAt: true, conferenceId: true, ...AUTHOR },
  });
  return rows.map((row) => ({
    revision: row.number,
    by: storedEditor({ staff: row.authorStaff, participant: row.authorParticipant }),
    at: row.createdAt.toISOString(),
    ops: storedOpsSchema.parse(row.operations),
    conferenceId: row.conferenceId,
  }));
}

/** The documents of revisions from…upTo (0 is the empty plan), by number. */
export async function documentsBetween(db: DbClient, planId: string, from: number, upTo: number): Promise<Map<number, PlanDocument>> {
  const rows = await db.planRevision.findMany({
    where: { planId, number: { gte: Math.max(from, 1), lte: upTo } },
    select: { number: true, document: true },
  });
  const documents = new Map(rows.map((row) => [row.number, planDocumentSchema.parse(row.document)]));
  if (from <= 0) documents.set(0, emptyPlan());
  return documents;
}

/**
 * Whether each revision changed the plan's content (agreement is judged on
 * content, domain/agreement.ts). Revisions never change once stored, so what
 * is known is kept and only newer ones are read, from whichever server wrote them.
 */
export class ContentIndex {
  readonly #flags = new Map<string, boolean[]>();

  async upTo(db: DbClient, planId: string, revision: number): Promise<readonly boolean[]> {
    const known = this.#flags.get(planId) ?? [];
    if (known.length < revision) {
      const rows = await db.planRevision.findMany({
        where: { planId, number: { gt: known.length, lte: revision } },
        orderBy: { number: 'asc' },
        select: { number: true, operations: true },
      });
      // Another request may have filled the list meanwhile; only a contiguous extension is kept.
      const current = this.#flags.get(planId) ?? [];
      for (const row of rows) {
        if (row.number === current.length + 1) current.push(changesPlanContent(storedOpsSchema.parse(row.operations)));
      }
      this.#flags.set(planId, current);
    }
    const flags = this.#flags.get(planId) ?? [];
    if (flags.length < revision) throw new Error(`plan ${planId} has no contiguous revisions up to ${revision}`);
    return flags.slice(0, revision);
  }
}
