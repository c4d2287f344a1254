/**
 * One acute assessment, for the doctor who asked and the acute team: the
 * request, its call, the TOBS the nurse enters in the home (the doctor's
 * screen reads again at each, so the score and what it calls for show at
 * once), and the doctor's decision. The nurse's call has the guest's big
 * controls: she holds a tablet in someone's living room.
 */
import type { AcuteAssessmentView } from '@samplan/shared';
import { type ReactNode, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/endpoints.ts';
import { useStaff } from '../../app/auth.tsx';
import { Link } from '../../app/Link.tsx';
import { formatDateTime } from '../../app/format.ts';
import { LoadStatus } from '../../app/LoadStatus.tsx';
import { pathOf } from '../../app/router.ts';
import { useLoad } from '../../app/useLoad.ts';
import { useNotice } from '../../app/useNotice.ts';
import { CallLayout } from '../../room/CallLayout.tsx';
import { RoomClient } from '../../room/RoomClient.ts';
import { RoomView } from '../../room/RoomView.tsx';
import { useRoomState } from '../../room/useRoom.ts';
import { useCallLifetime } from '../conference/useCallLifetime.ts';
import { PatientName } from '../PatientName.tsx';
import { AcuteDecisionForm } from './AcuteDecisionForm.tsx';
import { AcutePullIn } from './AcutePullIn.tsx';
import { AcuteTobsEntry, AcuteTobsSeen } from './AcuteTobs.tsx';
import { TeamHours } from './AcutePage.tsx';
import { onAcuteTeam } from './acuteRoles.ts';

export function AcuteAssessmentPage({ acuteAssessmentId }: { acuteAssessmentId: string }) {
  const { t, i18n } = useTranslation();
  const me = useStaff();
  const loaded = useLoad(() => api.acuteAssessment(acuteAssessmentId).then((answer) => answer.acuteAssessment), `acute-${acuteAssessmentId}`);
  const reload = loaded.reload;
  useNotice(
    'day:changed',
    (notice) => {
      if (notice.change === 'acute') reload();
    },
    reload,
  );
  useNotice(
    'conference:changed',
    (notice) => {
      if (loaded.status === 'ok' && loaded.data.conference?.id === notice.conferenceId) reload();
    },
    reload,
  );
  const [client, setClient] = useState<RoomClient | null>(null);
  const left = useCallback(() => setClient(null), []);

  if (loaded.status !== 'ok') return <LoadStatus loaded={loaded} onRetry={reload} />;
  const assessment = loaded.data;
  const nurse = onAcuteTeam(me);
  const doctor = assessment.requestedBy.id === me.staffId;
  const conference = assessment.conference;

  const join = () => {
    if (conference === null) return;
    const joining = new RoomClient({ getToken: () => api.roomToken(conference.id).then((answer) => answer.token) });
    void joining.join(me.name);
    setClient(joining);
  };

  const aside = (
    <aside className="plan-panel acute-aside" aria-label={t('acute.assessment')}>
      <AcuteTobsSeen assessment={assessment} />
      {nurse && assessment.state === 'taken' && <AcuteTobsEntry acuteAssessmentId={assessment.id} onRecorded={reload} />}
      {(nurse || doctor) && assessment.state === 'taken' && <AcutePullIn acuteAssessmentId={assessment.id} onPulledIn={reload} />}
      {doctor && assessment.state !== 'decided' && <AcuteDecisionForm assessment={assessment} onDecided={reload} />}
      <AcuteDecisionShown assessment={assessment} />
    </aside>
  );

  if (client !== null) {
    return (
      <div className={nurse ? 'conference conference-in-call acute-home' : 'conference conference-in-call'}>
        <AcuteCall client={client} aside={aside} onLeft={left} />
      </div>
    );
  }
  return (
    <div className="staff-page acute">
      <h1>
        {t('acute.assessment')}: <PatientName patient={assessment.patient} />, {t('acute.age', { years: assessment.patient.ageYears })}
      </h1>
      <TeamHours team={assessment.team} />
      <p className="tags">
        <span className="tag">{t(`acute.state.${assessment.state}`)}</span>
        <span className="tag">{t('acute.waited', { minutes: assessment.waitedMinutes })}</span>
        <span className="tag">{t('acute.answerBy', { when: formatDateTime(assessment.answerBy, i18n.language) })}</span>
        {assessment.takenBy && <span className="tag">{t('acute.takenBy', { name: assessment.takenBy.name })}</span>}
      </p>
      <p>{t('acute.from', { name: assessment.requestedBy.name })}</p>
      <blockquote className="advice-question">{assessment.reason}</blockquote>
      {conference !== null && assessment.state === 'taken' && (nurse || doctor) && (
        <button type="button" className="button button-primary" onClick={join}>
          {nurse ? t('acute.joinFromHome') : t('acute.joinFromDesk')}
        </button>
      )}
      {assessment.state === 'open' && doctor && <p role="status">{t('acute.waitingForTeam', { team: assessment.team.name })}</p>}
      {aside}
    </div>
  );
}

function AcuteCall({ client, aside, onLeft }: { client: RoomClient; aside: ReactNode; onLeft(): void }) {
  const state = useRoomState(client);
  useCallLifetime(client);
  useEffect(() => {
    if (state.phase === 'ended') onLeft();
  }, [state.phase, onLeft]);
  return (
    <CallLayout aside={aside}>
      <RoomView client={client} state={state} />
    </CallLayout>
  );
}

function AcuteDecisionShown({ assessment }: { assessment: AcuteAssessmentView }) {
  const { t, i18n } = useTranslation();
  const { decision } = assessment;
  if (decision === null) return null;
  return (
    <section aria-labelledby="acute-decided">
      <h2 id="acute-decided">{t('acute.decidedHeading')}</h2>
      <p role="status">
        {t(`acute.decision.${decision.decision}`)}
        {decision.ward && <> – {decision.ward.name}</>}
        {decision.followUpAt && <> – {t('acute.followUpAt', { when: formatDateTime(decision.followUpAt, i18n.language) })}</>}
      </p>
      <p>{decision.reason}</p>
      <p className="plan-meta">{t('acute.decidedBy', { name: decision.decidedBy.name, when: formatDateTime(decision.decidedAt, i18n.language) })}</p>
      {decision.episodeId && <Link href={pathOf({ name: 'episode', episodeId: decision.episodeId })}>{t('acute.toEpisode')}</Link>}
    </section>
  );
}
