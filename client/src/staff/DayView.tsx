/**
 * The first screen after sign-in, read in the five minutes between tasks:
 * my conferences (and who waits to be let in), advice requests with the time
 * left, discharges still without a reception visit, follow-up visits coming
 * due, my open tasks, and my episodes. Read again when the server says my
 * day changed (a discharge, an advice request, a relative entering a lobby)
 * and when a lost connection comes back; never polled. My open tasks come
 * with the day (GET /api/day) and are reported done or not done from here.
 */
import { mayReadIndicators, mayRecordOutcome, SamplanError, type DayView as DayData, type EpisodeSummary, type ParticipantRole, type PlanOperation, type TaskActor } from '@samplan/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/endpoints.ts';
import { formatDateTime, formatTime } from '../app/format.ts';
import { Link } from '../app/Link.tsx';
import { LoadStatus } from '../app/LoadStatus.tsx';
import { pathOf } from '../app/router.ts';
import { useLoad } from '../app/useLoad.ts';
import { useNotice } from '../app/useNotice.ts';
import { Deadline } from './Deadline.tsx';
import { cameAtNight, msUntil } from './deadlines.ts';
import { PatientName } from './PatientName.tsx';
import { ReadmissionTags } from './ReadmissionTags.tsx';
import { useStaff, type StaffPrincipal } from '../app/auth.tsx';
import { ErrorNotice } from '../room/ErrorNotice.tsx';
import { TaskOutcome } from '../plan/TaskOutcome.tsx';
import { uiErrorCodeOf, type UiErrorCode } from '../uiError.ts';

const SECTOR_ROLE: Readonly<Record<StaffPrincipal['organisation']['sector'], ParticipantRole>> = { hospital: 'hospital', municipality: 'municipality', general_practice: 'gp' };

/** Me as the plan sees me: the same role the server puts on my revisions. */
function taskActorOf(me: StaffPrincipal): TaskActor {
  return { role: me.role === 'geriatrician' ? 'geriatrician' : SECTOR_ROLE[me.organisation.sector], name: me.name, organisation: me.organisation.name };
}

/** Pushed against the plan as it is now: a report on one task conflicts with nothing but a report on the same task. */
async function reportOnTask(episodeId: string, ops: PlanOperation[]): Promise<void> {
  const { revision } = await api.plan(episodeId);
  const result = await api.planPush(episodeId, { baseRevision: revision, ops });
  const refused = result.rejected[0];
  // The plan panel words each rejection; here a task is either not mine any more or changed under me.
  if (refused) throw new SamplanError(refused.rejection.code === 'NOT_RESPONSIBLE' || refused.rejection.code === 'FORBIDDEN' ? 'FORBIDDEN' : 'CONFLICT', refused.rejection.code);
}

type DayPageData = { day: DayData; episodes: EpisodeSummary[] };

async function loadDay(): Promise<DayPageData> {
  const [day, { episodes }] = await Promise.all([api.day(), api.episodes()]);
  return { day, episodes };
}

export function DayView() {
  const { t } = useTranslation();
  const me = useStaff();
  const loaded = useLoad(loadDay, 'day');
  const [reportError, setReportError] = useState<UiErrorCode | null>(null);
  const { reload } = loaded;
  useNotice('day:changed', reload, reload);
  const report = (episodeId: string, ops: PlanOperation[]) => {
    setReportError(null);
    reportOnTask(episodeId, ops).then(reload, (failure: unknown) => setReportError(uiErrorCodeOf(failure)));
  };

  return (
    <div className="staff-page day">
      <h1>{t('day.heading')}</h1>
      {mayReadIndicators({ role: me.role, administrator: 'administrator' in me && me.administrator === true }) && (
        <p className="day-figures">
          <Link href={pathOf({ name: 'indicators' })}>{t('indicators.link')}</Link>
        </p>
      )}
            {loaded.status !== 'ok' ? <LoadStatus loaded={loaded} onRetry={loaded.reload} /> : <DayContent data={loaded.data} actor={taskActorOf(me)} onReport={report} reportError={reportError} />}
    </div>
  );
}

type DayContentProps = {
  data: DayPageData;
  actor: TaskActor;
  onReport(episodeId: string, ops: PlanOperation[]): void;
  reportError: UiErrorCode | null;
};

function DayContent({ data, actor, onReport, reportError }: DayContentProps) {
  const { t, i18n } = useTranslation();
  const { day } = data;
  const tasks = day.myTasks;
  const today = day.conferences.filter((c) => c.when === 'today');
  const week = day.conferences.filter((c) => c.when === 'this_week');
  return (
    <>
      <p className="day-now">{t('day.now', { time: formatDateTime(day.now, i18n.language) })}</p>
      <div className="day-grid">
        <section className="card" aria-labelledby="day-conferences">
          <h2 id="day-conferences">{t('day.conferencesHeading')}</h2>
          <h3>{t('day.today')}</h3>
          <ConferenceList items={today} />
          <h3>{t('day.thisWeek')}</h3>
          <ConferenceList items={week} />
        </section>

        <section className="card" aria-labelledby="day-tasks">
          <h2 id="day-tasks">{t('day.tasksHeading')}</h2>
          {reportError && <ErrorNotice code={reportError} />}
          {tasks.length === 0 ? (
            <p>{t('day.noTasks')}</p>
          ) : (
            <ul className="rows">
              {tasks.map(({ episodeId, patient, task }) => (
                <li key={`${episodeId}:${task.id}`} className="row">
                  <span className="row-task">{task.what}</span>
                  <Link href={pathOf({ name: 'episode', episodeId })}>
                    <PatientName patient={patient} />
                  </Link>
                  {task.due && (
                    <>
                      <span>{t('day.followUpDue', { when: formatDateTime(task.due, i18n.language) })}</span>
                      <Deadline msLeft={msUntil(task.due, day.now)} />
                    </>
                  )}
                  {mayRecordOutcome(task, actor) && <TaskOutcome task={task} onOps={(ops) => onReport(episodeId, ops)} />}
                </li>
              ))}
            </ul>
          )}
        </section>

        <section className="card" aria-labelledby="day-advice">
          <h2 id="day-advice">{t('day.adviceHeading')}</h2>
          {day.openAdviceRequests.length === 0 ? (
            <p>{t('day.noAdvice')}</p>
          ) : (
            <ul className="rows">
              {day.openAdviceRequests.map((request) => (
                <li key={request.id} className="row">
                  <Link href={pathOf({ name: 'episode', episodeId: request.episodeId })}>
                    <PatientName patient={request.patient} />
                  </Link>
                  <span className="tags">
                    <span className={`tag tag-${request.urgency}`}>{t(`urgency.${request.urgency}`)}</span>
                    {cameAtNight(request.createdAt) && <span className="tag tag-night">{t('day.atNight')}</span>}
                    {request.taken && <span className="tag">{t('day.taken')}</span>}
                  </span>
                  <span>{formatDateTime(request.createdAt, i18n.language)}</span>
                  <Deadline msLeft={request.msLeft} />
                </li>
              ))}
            </ul>
          )}
        </section>

        <section className="card" aria-labelledby="day-reception">
          <h2 id="day-reception">{t('day.receptionHeading')}</h2>
          {day.dischargesAwaitingReception.length === 0 ? (
            <p>{t('day.noReception')}</p>
          ) : (
            <ul className="rows">
              {day.dischargesAwaitingReception.map((discharge) => (
                <li key={discharge.episodeId} className="row">
                  <Link href={pathOf({ name: 'episode', episodeId: discharge.episodeId })}>
                    <PatientName patient={discharge.patient} />
                  </Link>
                  <span>{t('day.receptionDue', { when: formatDateTime(discharge.receptionVisitDue, i18n.language) })}</span>
                  <Deadline msLeft={discharge.msLeft} />
                </li>
              ))}
            </ul>
          )}
        </section>

        <section className="card" aria-labelledby="day-followup">
          <h2 id="day-followup">{t('day.followUpHeading')}</h2>
          {day.followUpsDue.length === 0 ? (
            <p>{t('day.noFollowUp')}</p>
          ) : (
            <ul className="rows">
              {day.followUpsDue.map((visit) => (
                <li key={visit.episodeId} className="row">
                  <Link href={pathOf({ name: 'episode', episodeId: visit.episodeId })}>
                    <PatientName patient={visit.patient} />
                  </Link>
                  <span className="tags">
                    {visit.recommended && <span className="tag">{t('day.recommended')}</span>}
                    {visit.followUpConferenceId && <span className="tag">{t('day.followUpPlanned')}</span>}
                  </span>
                  <span>{t('day.followUpDue', { when: formatDateTime(visit.due, i18n.language) })}</span>
                  <Deadline msLeft={msUntil(visit.due, day.now)} />
                </li>
              ))}
            </ul>
          )}
        </section>

        <section className="card" aria-labelledby="day-episodes">
          <h2 id="day-episodes">{t('day.episodesHeading')}</h2>
          {data.episodes.length === 0 ? (
            <p>{t('day.noEpisodes')}</p>
          ) : (
            <ul className="rows">
              {data.episodes.map((episode) => (
                <li key={episode.id} className="row">
                  <Link href={pathOf({ name: 'episode', episodeId: episode.id })}>
                    <PatientName patient={episode.patient} />
                  </Link>
                  <span>
                    {episode.dischargedAt
                      ? t('day.dischargedAt', { when: formatDateTime(episode.dischargedAt, i18n.language) })
                      : t('day.admittedSince', { when: formatDateTime(episode.admittedAt, i18n.language) })}
                  </span>
                  <span>{episode.ward.name}</span>
                  <ReadmissionTags readmission={episode.readmission} />
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </>
  );
}

function ConferenceList({ items }: { items: DayData['conferences'] }) {
  const { t, i18n } = useTranslation();
  if (items.length === 0) return <p>{t('day.noConferences')}</p>;
  return (
    <ul className="rows">
      {items.map((item) => {
        const waiting = item.people?.filter((p) => p.lobbyState === 'waiting') ?? [];
        return (
          <li key={item.id} className="row">
            <span className="row-time">{formatTime(item.scheduledStart, i18n.language)}</span>
            <Link href={pathOf({ name: 'conference', conferenceId: item.id })}>
              {t(`kinds.${item.kind}`)} – {item.patient.name}
            </Link>
            <span className="tags">
              <span className="tag">{t(`conferenceStatus.${item.status}`)}</span>
              {waiting.length > 0 && <span className="tag tag-waiting">{t('day.waitingCount', { count: waiting.length })}</span>}
            </span>
            {item.people && (
              <span className="row-people">
                {item.people.map((p) => `${p.name} (${t(`lobby.${p.lobbyState}`)})`).join(', ')}
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
