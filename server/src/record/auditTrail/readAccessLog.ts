import type { AccessLogEntry, AccessLogResponse, accessLogQuerySchema } from '@samplan/shared';
import type { z } from 'zod';
import { loadEpisodeRef, requireEpisodeAccess } from '../access.ts';
import { auditOk } from '../audit.ts';
import type { Caller, RecordContext } from '../context.ts';
import { type AuditActors, resolveAuditActors } from './auditActors.ts';

/**
 * GET /api/episodes/:episodeId/access-log — the patient's own "who has
 * looked at my record" (sundhed.dk's "Hvem har set mine data"), for her link
 * and for a relative who represents her (shared/src/domain/permissions.ts).
 *
 * Her whole record, like the staff's trail: every episode of hers, no one
 * else's. What was done and by whom, not how: only acts that happened (a
 * refused attempt touched nothing), without routes, ids or addresses. Her own
 * doings and those of her own links are left out (she knows them); a
 * relative's are shown by name. Reading it is audited like any other read.
 */
export async function readAccessLog(ctx: RecordContext, caller: Caller, episodeId: string, query: z.output<typeof accessLogQuerySchema>): Promise<AccessLogResponse> {
  const ref = await loadEpisodeRef(ctx.db, episodeId);
  const audit = { action: 'read', resourceType: 'AuditEvent' };
  const { episode } = await requireEpisodeAccess(ctx, caller, ref, { action: 'access-log:read', audit });
  const ownLinks = await ctx.db.participant.findMany({ where: { role: 'patient', conference: { episode: { patientId: episode.patientId } } }, select: { id: true } });
  const rows = await ctx.db.auditEvent.findMany({
    where: {
      patientId: episode.patientId,
      outcome: 'ok',
      NOT: { actorKind: 'participant', actorId: { in: ownLinks.map((link) => link.id) } },
      ...(query.before === undefined ? {} : { at: { lt: new Date(query.before) } }),
    },
    orderBy: [{ at: 'desc' }, { id: 'desc' }],
    take: query.limit + 1,
    select: { at: true, actorKind: true, actorId: true, action: true, resourceType: true },
  });
  const page = rows.slice(0, query.limit);
  const actors = await resolveAuditActors(ctx.db, page);
  await auditOk(ctx.db, caller, { ...audit, patientId: episode.patientId });
  return { entries: page.flatMap((row) => entryOf(row, actors) ?? []), more: rows.length > query.limit };
}

function entryOf(
  row: { at: Date; actorKind: 'staff' | 'participant' | 'system'; actorId: string | null; action: string; resourceType: string },
  actors: AuditActors,
): AccessLogEntry | null {
  const act = { at: row.at.toISOString(), action: row.action, resourceType: row.resourceType };
  // Staff who joined a call signed in are named as staff (auditActors.ts); a relative by her name; nobody by an id.
  const who = actors.of(row.actorKind, row.actorId);
  switch (who.kind) {
    case 'staff':
      return { ...act, who: { kind: 'staff', name: who.name, role: who.role, organisation: who.organisation } };
    case 'system':
      return { ...act, who: { kind: 'system', organisation: who.organisation } };
    case 'participant':
      return who.role === 'relative' ? { ...act, who: { kind: 'relative', name: who.name } } : null;
    // Someone the record no longer names: shown as that rather than dropped, so the log never looks emptier than it is.
    case 'unknown':
      return { ...act, who: { kind: 'unknown' } };
  }
}
