/**
 * Everything about one patient's episode on one page: the patient, the
 * pathway's deadlines, what happened, the conferences and who took part, the
 * plan with its revisions and agreement, consent and who looked. The parts
 * load separately, so a slow audit trail never hides the plan. The server
 * says when the episode changed (a discharge, a conference, a guest in its
 * lobby, an advice request, a visit), and the page reads itself again.
 */
import { useTranslation } from 'react-i18next';
import { api } from '../../api/endpoints.ts';
import { Link } from '../../app/Link.tsx';
import { LoadStatus } from '../../app/LoadStatus.tsx';
import { pathOf } from '../../app/router.ts';
import { useLoad } from '../../app/useLoad.ts';
import { useNotice } from '../../app/useNotice.ts';
import { AuditCard } from './AuditCard.tsx';
import { ClocksCard } from './ClocksCard.tsx';
import { ConferencesCard } from './ConferencesCard.tsx';
import { ConsentCard } from './ConsentCard.tsx';
import { DischargeCard } from './DischargeCard.tsx';
import { PatientCard } from './PatientCard.tsx';
import { RelativesCard } from './RelativesCard.tsx';
import { PlanCard } from './PlanCard.tsx';
import { ScreeningCard } from './ScreeningCard.tsx';
import { ReadmissionTags } from '../ReadmissionTags.tsx';
import { TimelineCard } from './TimelineCard.tsx';
import { VisitsCard } from './VisitsCard.tsx';

export function EpisodePage({ episodeId }: { episodeId: string }) {
  const { t } = useTranslation();
  const episode = useLoad(() => api.episode(episodeId), episodeId);
  const conferences = useLoad(() => api.episodeConferences(episodeId).then((r) => r.conferences), episodeId);
  const readAgain = () => {
    episode.reload();
    conferences.reload();
  };
  useNotice(
    'episode:changed',
    (notice) => {
      // The plan card follows plan revisions itself.
      if (notice.episodeId === episodeId && notice.change !== 'plan') readAgain();
    },
    readAgain,
  );

  if (episode.status !== 'ok') {
    return (
      <div className="staff-page">
        <LoadStatus loaded={episode} onRetry={episode.reload} />
      </div>
    );
  }
  const detail = episode.data;
  const conferenceList = conferences.status === 'ok' ? conferences.data : [];
  return (
    <div className="staff-page episode">
      <div className="page-head">
        <h1>
          {detail.patient.name} <span className="patient-cpr">{detail.patient.cpr}</span> <ReadmissionTags readmission={detail.readmission} />
        </h1>
        {detail.allowedActions.includes('conference:schedule') && (
          <Link className="button button-primary link-button" href={pathOf({ name: 'schedule', episodeId })}>
            {t('episode.schedule')}
          </Link>
        )}
      </div>
      <div className="episode-grid">
        <PatientCard episode={detail} />
        <RelativesCard episodeId={episodeId} relatives={detail.relatives} mayRecord={detail.allowedActions.includes('representation:record')} onChanged={episode.reload} />
        <ClocksCard episode={detail} />
        <DischargeCard episode={detail} onDischarged={episode.reload} />
        <PlanCard episodeId={episodeId} conferences={conferenceList} adviceLineUntil={detail.clocks.adviceWindow.state === 'open' ? detail.clocks.adviceWindow.closesAt : null} />
        {conferences.status === 'ok' ? <ConferencesCard conferences={conferences.data} /> : <LoadStatus loaded={conferences} onRetry={conferences.reload} />}
        {(detail.dischargedAt !== null || detail.allowedActions.includes('tobs:record')) && <VisitsCard episode={detail} conferences={conferenceList} onRecorded={episode.reload} />}
        <TimelineCard episode={detail} />
        <ScreeningCard episode={detail} onChanged={episode.reload} />
        <ConsentCard episodeId={episodeId} consents={detail.consents} mayRecord={detail.allowedActions.includes('consent:record')} onChanged={episode.reload} />
        {detail.allowedActions.includes('audit:read') && <AuditCard episodeId={episodeId} />}
      </div>
    </div>
  );
}
