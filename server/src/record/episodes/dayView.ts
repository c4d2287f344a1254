import { adviceWindowAt, type DayView, myTasks, followUpVisitDue, FOLLOW_UP_HOME_VISIT_FROM, receptionVisitDue, RECEPTION_VISIT_HOURS, startOfLocalDay } from '@samplan/shared';
import type { StaffPrincipal } from '../../auth/principal.ts';
import { headDocumentsOf } from '../plan/revisions.ts';
import { auditListed } from '../audit.ts';
import type { Caller, RecordContext } from '../context.ts';
import { patientRef } from '../views.ts';
import { visibleEpisodes } from './visibleEpisodes.ts';

/** "This week" on the day view: today and the six days after it (Copenhagen calendar days). */
const WEEK_DAYS = 7;

/**
 * GET /api/day — the data of a staff member's day, from the episodes they may
 * read. It is audited as what it is: one "read day view" row per patient it
 * showed (so each patient's trail still finds it), never a plan read per
 * episode for the tasks in it.
 */
export async function dayView(ctx: RecordContext, caller: Caller & { principal: StaffPrincipal }): Promise<DayView> {
  const now = ctx.now();
  const { principal } = caller;
  const visible = await visibleEpisodes(ctx.db, principal, now);
  const byId = new Map(visible.map(({ row }) => [row.id, row]));
  const episodeIds = [...byId.keys()];
  const tomorrow = startOfLocalDay(now, 1);

  const [conferences, advice, followUps, visits, plans] = await Promise.all([
    ctx.db.conference.findMany({
      where: { episodeId: { in: episodeIds }, status: { not: 'cancelled' }, scheduledStart: { gte: startOfLocalDay(now), lt: startOfLocalDay(now, WEEK_DAYS) } },
      select: { id: true, episodeId: true, kind: true, status: true, scheduledStart: true, plannedDurationMinutes: true, hostId: true, participants: { select: { staffUserId: true, role: true, lobbyState: true, externalName: true, staffUser: { select: { name: true } } }, orderBy: { createdAt: 'asc' } } },
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
    headDocumentsOf(ctx.db, episodeIds),
  ]);
  /** Made since this discharge: a visit before it belongs to no promise of this discharge. */
  const visited = (episodeId: string, kind: 'reception_visit' | 'follow_up_home_visit', dischargedAt: Date) =>
    visits.some((visit) => visit.episodeId === episodeId && visit.kind === kind && visit.performedAt >= dischargedAt);

  const result: DayView = {
    now: now.toISOString(),
    conferences: conferences.map((conference) => {
      const involvesMe = conference.hostId === principal.staffId || conference.participants.some((participant) => participant.staffUserId === principal.staffId);
      return {
        id: conference.id,
        episodeId: conference.episodeId,
        patient: patientRef(byId.get(conference.episodeId)!.patient),
        kind: conference.kind,
        status: conference.status,
        scheduledStart: conference.scheduledStart.toISOString(),
        plannedDurationMinutes: conference.plannedDurationMinutes,
        when: conference.scheduledStart < tomorrow ? 'today' : 'this_week',
        involvesMe,
        people: involvesMe
          ? conference.participants.map((participant) => ({ name: participant.staffUser?.name ?? participant.externalName ?? '', role: participant.role, lobbyState: participant.lobbyState }))
          : null,
      };
    }),
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
    myTasks: myTasks(
      [...plans].map(([episodeId, document]) => ({ episode: byId.get(episodeId)!, document })),
      { name: principal.name, organisationName: principal.organisationName },
    ).map(({ episode, task }) => ({ episodeId: episode.id, patient: patientRef(episode.patient), task })),
  };

  const shown = new Set(
    [...result.conferences, ...result.openAdviceRequests, ...result.dischargesAwaitingReception, ...result.followUpsDue, ...result.myTasks].map((item) => item.episodeId),
  );
  await auditListed(ctx.db, caller, { action: 'read day view', resourceType: 'Episode' }, [...shown].map((id) => ({ resourceId: id, patientId: byId.get(id)!.patientId })));
  return result;
}
