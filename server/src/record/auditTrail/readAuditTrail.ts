import type { auditTrailQuerySchema, auditTrailResponseSchema } from '@samplan/shared';
import type { z } from 'zod';
import { loadEpisodeRef, requireEpisodeAccess } from '../access.ts';
import { auditOk } from '../audit.ts';
import type { Caller, RecordContext } from '../context.ts';

/**
 * GET /api/episodes/:episodeId/audit — who looked at this patient (the whole
 * patient, not only this episode: the question is about the person). Reading
 * the trail is itself audited.
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
  const ids = (kind: 'staff' | 'participant') => [...new Set(events.filter((event) => event.actorKind === kind && event.actorId !== null).map((event) => event.actorId as string))];
  const [staff, participants] = await Promise.all([
    ctx.db.staffUser.findMany({ where: { id: { in: ids('staff') } }, select: { id: true, name: true } }),
    ctx.db.participant.findMany({ where: { id: { in: ids('participant') } }, select: { id: true, externalName: true, staffUser: { select: { name: true } } } }),
  ]);
  const names = new Map<string, string>([
    ...staff.map((person) => [person.id, person.name] as const),
    ...participants.map((person) => [person.id, person.externalName ?? person.staffUser?.name ?? ''] as const),
  ]);
  await auditOk(ctx.db, caller, { ...audit, patientId: episode.patientId });
  return {
    events: events.map((event) => ({
      id: event.id,
      at: event.at.toISOString(),
      actor: { kind: event.actorKind, id: event.actorId, name: event.actorId === null ? null : (names.get(event.actorId) ?? null) },
      action: event.action,
      resourceType: event.resourceType,
      resourceId: event.resourceId,
      via: event.via,
      outcome: event.outcome,
    })),
  };
}
