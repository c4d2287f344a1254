import type { auditTrailQuerySchema, auditTrailResponseSchema } from '@samplan/shared';
import type { z } from 'zod';
import { loadEpisodeRef, requireEpisodeAccess } from '../access.ts';
import { auditOk } from '../audit.ts';
import type { Caller, RecordContext } from '../context.ts';
import { actorName, resolveAuditActors } from './auditActors.ts';

/**
 * GET /api/episodes/:episodeId/audit — who looked at this patient (the whole
 * patient, not only this episode: the question is about the person), each
 * row with who it was as people name them (role, organisation), for the
 * screen to put in plain words. Reading the trail is itself audited.
 */
export async function readAuditTrail(
  ctx: RecordContext,
  caller: Caller,
  episodeId: string,
  query: z.output<typeof auditTrailQuerySchema>,
): Promise<z.output<typeof auditTrailResponseSchema>> {
  const ref = await loadEpisodeRef(ctx.db, episodeId);
  const audit = { action: 'read', resourceType: 'AuditEvent' };
  const { episode } = await requireEpisodeAccess(ctx, caller, ref, { action: 'audit:read', audit });
  const events = await ctx.db.auditEvent.findMany({
    where: { patientId: episode.patientId, ...(query.since === undefined ? {} : { at: { gte: new Date(query.since) } }) },
    orderBy: [{ at: 'desc' }, { id: 'desc' }],
    take: query.limit,
  });
  const actors = await resolveAuditActors(ctx.db, events);
  await auditOk(ctx.db, caller, { ...audit, patientId: episode.patientId });
  return {
    events: events.map((event) => ({
      id: event.id,
      at: event.at.toISOString(),
      actor: { kind: event.actorKind, id: event.actorId, name: actorName(actors.of(event.actorKind, event.actorId)) },
      who: actors.of(event.actorKind, event.actorId),
      action: event.action,
      resourceType: event.resourceType,
      resourceId: event.resourceId,
      via: event.via,
      outcome: event.outcome,
    })),
  };
}
