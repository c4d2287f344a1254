/**
 * What happened after discharge: the reception visit, the follow-up home
 * visit and the day-after check with their checklists, each kept or late
 * against its clock, and every TOBS with its score. The municipality and the
 * GP record them here.
 */
import type { ConferenceView, EpisodeDetail, TobsObservationView, VisitView } from '@samplan/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/endpoints.ts';
import { formatDateTime } from '../../app/format.ts';
import { LoadStatus } from '../../app/LoadStatus.tsx';
import { useLoad } from '../../app/useLoad.ts';
import { TobsForm } from './TobsForm.tsx';
import { VisitForm } from './VisitForm.tsx';

type Open = 'visit' | 'tobs' | null;

export function VisitsCard({ episode, conferences, onRecorded }: { episode: EpisodeDetail; conferences: readonly ConferenceView[]; onRecorded(): void }) {
  const { t } = useTranslation();
  const loaded = useLoad(() => Promise.all([api.visits(episode.id), api.tobs(episode.id)]), episode.id);
  const [open, setOpen] = useState<Open>(null);
  const mayVisit = episode.dischargedAt !== null && episode.allowedActions.includes('visit:record');
  const mayTobs = episode.allowedActions.includes('tobs:record');
  const recorded = () => {
    setOpen(null);
    loaded.reload();
    onRecorded();
  };
  return (
    <section className="card card-wide" aria-labelledby="visits-heading">
      <h2 id="visits-heading">{t('visits.heading')}</h2>
      {loaded.status !== 'ok' ? <LoadStatus loaded={loaded} onRetry={loaded.reload} /> : <VisitList visits={loaded.data[0].visits} observations={loaded.data[1].observations} />}
      {open === 'visit' && <VisitForm episodeId={episode.id} onRecorded={recorded} onCancel={() => setOpen(null)} />}
      {open === 'tobs' && <TobsForm episodeId={episode.id} conferences={conferences} onRecorded={recorded} onCancel={() => setOpen(null)} />}
      {open === null && (mayVisit || mayTobs) && (
        <div className="actions">
          {mayVisit && (
            <button type="button" className="button button-primary" onClick={() => setOpen('visit')}>
              {t('visits.recordVisit')}
            </button>
          )}
          {mayTobs && (
            <button type="button" className="button" onClick={() => setOpen('tobs')}>
              {t('tobs.recordTobs')}
            </button>
          )}
        </div>
      )}
    </section>
  );
}

function VisitList({ visits, observations }: { visits: readonly VisitView[]; observations: readonly TobsObservationView[] }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  // TOBS taken at a visit is shown with it; the rest on their own, in time order with the visits.
  const alone = observations.filter((observation) => observation.visitId === null);
  const entries = [...visits.map((visit) => ({ at: visit.performedAt, visit })), ...alone.map((observation) => ({ at: observation.observedAt, observation }))].sort((a, b) => a.at.localeCompare(b.at));
  if (entries.length === 0) return <p>{t('visits.none')}</p>;
  return (
    <ol className="rows">
      {entries.map((entry) =>
        'visit' in entry ? (
          <li key={entry.visit.id} className="row">
            <span className="row-time">{formatDateTime(entry.visit.performedAt, language)}</span>
            <strong>{t(`visits.kinds.${entry.visit.kind}`)}</strong>
            <span>{t(`visits.modes.${entry.visit.mode}`)}</span>
            {entry.visit.kept !== null && <span className={entry.visit.kept ? 'tag tag-agreed' : 'tag tag-urgent'}>{entry.visit.kept ? t('visits.kept') : t('visits.late')}</span>}
            {entry.visit.due !== null && <span>{t('visits.due', { when: formatDateTime(entry.visit.due, language) })}</span>}
            {entry.visit.tobs && <TobsScore observation={entry.visit.tobs} />}
            <span>{entry.visit.performedBy ? t('visits.performedBy', { name: entry.visit.performedBy }) : t('visits.recordedBy', { name: entry.visit.recordedBy.name })}</span>
            <Checklist visit={entry.visit} />
            {entry.visit.note && <p>{entry.visit.note}</p>}
          </li>
        ) : (
          <li key={entry.observation.id} className="row">
            <span className="row-time">{formatDateTime(entry.observation.observedAt, language)}</span>
            <strong>{t('tobs.onItsOwn')}</strong>
            <TobsScore observation={entry.observation} />
            <span>{t('visits.recordedBy', { name: entry.observation.recordedBy.name })}</span>
          </li>
        ),
      )}
    </ol>
  );
}

function TobsScore({ observation }: { observation: TobsObservationView }) {
  const { t } = useTranslation();
  return <span className={observation.score >= 2 ? 'tag tag-urgent' : 'tag'}>{t('tobs.score', { score: observation.score })}</span>;
}

function Checklist({ visit }: { visit: VisitView }) {
  const { t } = useTranslation();
  return (
    <ul className="visit-checklist">
      {Object.entries(visit.checklist).map(([item, answer]) => (
        <li key={item}>
          {t(`visits.checklist.${item as keyof VisitView['checklist']}`)}: <strong>{t(`visits.answers.${answer}`)}</strong>
        </li>
      ))}
    </ul>
  );
}
