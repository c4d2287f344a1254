/**
 * The first screen after sign-in, read in the five minutes between tasks:
 * my conferences (and who waits to be let in), advice requests with the time
 * left, discharges still without a reception visit, follow-up visits coming
 * due, and my episodes. Polled, so a relative who enters the lobby shows up.
 */
import type { ConferenceView, DayView as DayData, EpisodeSummary } from '@samplan/shared';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/endpoints.ts';
import { formatDateTime, formatTime } from '../app/format.ts';
import { Link } from '../app/Link.tsx';
import { LoadStatus } from '../app/LoadStatus.tsx';
import { pathOf } from '../app/router.ts';
import { useLoad } from '../app/useLoad.ts';
import { Deadline } from './Deadline.tsx';
import { cameAtNight, msUntil } from './deadlines.ts';
import { myTasks, type MyTask } from './myTasks.ts';
import { PatientName } from './PatientName.tsx';
import { ReadmissionTags } from './ReadmissionTags.tsx';
import { useStaff, type StaffPrincipal } from '../app/auth.tsx';

/** The lobby and the queues change by the minute. */
const POLL_MS = 15_000;
/** Tasks change in conferences; every plan read is audited, so they are asked for seldom. */
const TASKS_POLL_MS = 5 * 60_000;

type DayPageData = { day: DayData; conferences: ReadonlyMap<string, ConferenceView>; episodes: EpisodeSummary[] };

async function loadDay(): Promise<DayPageData> {
  const [day, { episodes }] = await Promise.all([api.day(), api.episodes()]);
  // The day view lists conferences without people; the lobby is what a host acts on, so fetch those few.
  const details = await Promise.all(day.conferences.filter((c) => c.involvesMe).map((c) => api.conference(c.id).then((r) => r.conference)));
  return { day, episodes, conferences: new Map(details.map((conference) => [conference.id, conference])) };
}

async function loadTasks(me: StaffPrincipal): Promise<MyTask[]> {
  const { episodes } = await api.episodes();
  const plans = await Promise.all(episodes.map((episode) => api.plan(episode.id).then((plan) => ({ episode, document: plan.document }))));
  return myTasks(plans, me);
}

function usePolled<T>(loaded: { reload(): void } & T, everyMs: number): T {
  const { reload } = loaded;
  useEffect(() => {
    const timer = window.setInterval(reload, everyMs);
    return () => window.clearInterval(timer);
  }, [reload, everyMs]);
  return loaded;
}

export function DayView() {
  const { t } = useTranslation();
  const me = useStaff();
  const loaded = usePolled(useLoad(loadDay, 'day'), POLL_MS);
  const tasks = usePolled(useLoad(() => loadTasks(me), 'tasks'), TASKS_POLL_MS);

  return (
    <div className="staff-page day">
      <h1>{t('day.heading')}</h1>
      {loaded.status !== 'ok' ? <LoadStatus loaded={loaded} onRetry={loaded.reload} /> : <DayContent data={loaded.data} tasks={tasks.status === 'ok' ? tasks.data : []} />}
    </div>
  );
}

function DayContent({ data, tasks }: { data: DayPageData; tasks: readonly MyTask[] }) {
  const { t, i18n } = useTranslation();
  const { day } = data;
  const today = day.conferences.filter((c) => c.when === 'today');
  const week = day.conferences.filter((c) => c.when === 'this_week');
  return (
    <>
      <p className="day-now">{t('day.now', { time: formatDateTime(day.now, i18n.language) })}</p>
      <div className="day-grid">
        <section className="card" aria-labelledby="day-conferences">
          <h2 id="day-conferences">{t('day.conferencesHeading')}</h2>
          <h3>{t('day.today')}</h3>
          <ConferenceList items={today} details={data.conferences} />
          <h3>{t('day.thisWeek')}</h3>
          <ConferenceList items={week} details={data.conferences} />
        </section>

        <section className="card" aria-labelledby="day-tasks">
          <h2 id="day-tasks">{t('day.tasksHeading')}</h2>
          {tasks.length === 0 ? (
            <p>{t('day.noTasks')}</p>
          ) : (
            <ul className="rows">
              {tasks.map(({ episode, task }) => (
                <li key={task.id} className="row">
                  <span className="row-task">{task.what}</span>
                  <Link href={pathOf({ name: 'episode', episodeId: episode.id })}>
                    <PatientName patient={episode.patient} />
                  </Link>
                  {task.due && (
                    <>
                      <span>{t('day.followUpDue', { when: formatDateTime(task.due, i18n.language) })}</span>
                      <Deadline msLeft={msUntil(task.due, day.now)} />
                    </>
                  )}
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

function ConferenceList({ items, details }: { items: DayData['conferences']; details: ReadonlyMap<string, ConferenceView> }) {
  const { t, i18n } = useTranslation();
  if (items.length === 0) return <p>{t('day.noConferences')}</p>;
  return (
    <ul className="rows">
      {items.map((item) => {
        const conference = details.get(item.id);
        const waiting = conference?.participants.filter((p) => p.lobbyState === 'waiting') ?? [];
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
            {conference && (
              <span className="row-people">
                {conference.participants.map((p) => `${p.name} (${t(`lobby.${p.lobbyState}`)})`).join(', ')}
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
