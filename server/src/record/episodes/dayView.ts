import { adviceWindowAt, type DayView, followUpVisitDue, FOLLOW_UP_HOME_VISIT_FROM, receptionVisitDue, RECEPTION_VISIT_HOURS, startOfLocalDay } from '@samplan/shared';
import type { StaffPrincipal } from '../../auth/principal.ts';
import { auditListed } from '../audit.ts';
import type { Caller, RecordContext } from '../context.ts';
import { patientRef } from '../views.ts';
import { visibleEpisodes } from './visibleEpisodes.ts';

/** "This week" on the day view: today and the six days after it (Copenhagen calendar days). */
const WEEK_DAYS = 7;

/** GET /api/day — the data of a staff member's day, from the episodes they may read. */
export async function dayView(ctx: RecordContext, caller: Caller & { principal: StaffPrincipal }): Promise<DayView> {
  const now = ctx.now();
  const { principal } = caller;
  const visible = await visibleEpisodes(ctx.db, principal, now);
  const byId = new Map(visible.map(({ row }) => [row.id, row]));
  const episodeIds = [...byId.keys()];
  const tomorrow = startOfLocalDay(now, 1);

  const [conferences, advice, followUps, visits] = await Promise.all([
    ctx.db.conference.findMany({
      where: { episodeId: { in: episodeIds }, status: { not: 'cancelled' }, scheduledStart: { gte: startOfLocalDay(now), lt: startOfLocalDay(now, WEEK_DAYS) } },
      select: { id: true, episodeId: true, kind: true, status: true, scheduledStart: true, plannedDurationMinutes: true, hostId: true, participants: { where: { staffUserId: principal.staffId }, select: { id: true } } },
      orderBy: { scheduledStart: 'asc' },
    }),
    ctx.db.adviceRequest.findMany({
      where: { episodeId: { in: episodeIds }, answeredAt: null },
      select: { id: true, episodeId: true, urgency: true, createdAt: true, takenAt: true },
      orderBy: { createdAt: 'asc' },
    }),
    ctx.db.conference.findMany({
      where: { episodeId: { in: episodeIds }, kind: 'follow_up', status: { not: 'cancelled' } },
      select: { id: true, episodeId: true, scheduledStart: true },
      orderBy: { scheduledStart: 'asc' },
    }),
    ctx.db.visit.findMany({
      where: { episodeId: { in: episodeIds }, kind: { in: ['reception_visit', 'follow_up_home_visit'] } },
      select: { episodeId: true, kind: true, performedAt: true },
    }),
  ]);
  /** Made since this discharge: a visit before it belongs to no promise of this discharge. */
  const visited = (episodeId: string, kind: 'reception_visit' | 'follow_up_home_visit', dischargedAt: Date) =>
    visits.some((visit) => visit.episodeId === episodeId && visit.kind === kind && visit.performedAt >= dischargedAt);

  const result: DayView = {
    now: now.toISOString(),
    conferences: conferences.map((conference) => ({
      id: conference.id,
      episodeId: conference.episodeId,
      patient: patientRef(byId.get(conference.episodeId)!.patient),
      kind: conference.kind,
      status: conference.status,
      scheduledStart: conference.scheduledStart.toISOString(),
      plannedDurationMinutes: conference.plannedDurationMinutes,
      when: conference.scheduledStart < tomorrow ? 'today' : 'this_week',
      involvesMe: conference.hostId === principal.staffId || conference.participants.length > 0,
    })),
    openAdviceRequests: advice.flatMap((request) => {
      const episode = byId.get(request.episodeId)!;
      const window = adviceWindowAt(episode.dischargedAt, now);
      if (window.state !== 'open') return [];
      return [{ id: request.id, episodeId: request.episodeId, patient: patientRef(episode.patient), urgency: request.urgency, createdAt: request.createdAt.toISOString(), taken: request.takenAt !== null, windowClosesAt: window.closesAt.toISOString(), msLeft: window.msLeft }];
    }),
    dischargesAwaitingReception: visible.flatMap(({ row }) => {
      const { dischargedAt } = row;
      if (dischargedAt === null || dischargedAt > now || now.getTime() - dischargedAt.getTime() > RECEPTION_VISIT_HOURS * 3_600_000) return [];
      if (visited(row.id, 'reception_visit', dischargedAt)) return [];
      const due = receptionVisitDue(dischargedAt);
      return [{ episodeId: row.id, patient: patientRef(row.patient), dischargedAt: dischargedAt.toISOString(), receptionVisitDue: due.toISOString(), msLeft: due.getTime() - now.getTime() }];
    }),
    followUpsDue: visible.flatMap(({ row }) => {
      const { dischargedAt } = row;
      if (dischargedAt === null || dischargedAt > now) return [];
      const due = followUpVisitDue(dischargedAt);
      if (due <= now || visited(row.id, 'follow_up_home_visit', dischargedAt)) return [];
      const conference = followUps.find((candidate) => candidate.episodeId === row.id && candidate.scheduledStart >= dischargedAt);
      return [
        {
          episodeId: row.id,
          patient: patientRef(row.patient),
          dischargedAt: dischargedAt.toISOString(),
          due: due.toISOString(),
          recommended: row.screeningScore !== null && row.screeningScore >= FOLLOW_UP_HOME_VISIT_FROM,
          followUpConferenceId: conference?.id ?? null,
        },
      ];
    }),
  };

  const shown = new Set([...result.conferences, ...result.openAdviceRequests, ...result.dischargesAwaitingReception, ...result.followUpsDue].map((item) => item.episodeId));
  await auditListed(ctx.db, caller, { action: 'read', resourceType: 'Episode' }, [...shown].map((id) => ({ resourceId: id, patientId: byId.get(id)!.patientId })));
  return result;
}
