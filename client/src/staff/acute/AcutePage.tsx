/**
 * Acute assessment. A GP or out-of-hours doctor types the citizen's CPR
 * number (into the page, never the path), sees her age and whether her
 * municipality's acute team takes requests now, and asks; outside the hours
 * the page says so at once with what to do instead. The acute team sees its
 * queue: each request with how long it has waited and the promise made.
 */
import type { AcuteAssessmentView, AcuteLookupResponse, AcuteTeamView } from '@samplan/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/endpoints.ts';
import { refusalMessage } from '../../api/errorMessage.ts';
import { useStaff } from '../../app/auth.tsx';
import { clockOf, formatDateTime } from '../../app/format.ts';
import { LoadStatus } from '../../app/LoadStatus.tsx';
import { navigate, pathOf } from '../../app/router.ts';
import { useLoad } from '../../app/useLoad.ts';
import { useNotice } from '../../app/useNotice.ts';
import { useAction, useSubmit } from '../../app/useSubmit.ts';
import { PatientName } from '../PatientName.tsx';
import { asksForAcute, onAcuteTeam } from './acuteRoles.ts';

export function AcutePage() {
  const { t } = useTranslation();
  const me = useStaff();
  if (onAcuteTeam(me)) return <AcuteQueue />;
  if (asksForAcute(me)) return <AcuteRequest />;
  return (
    <div className="staff-page">
      <h1>{t('acute.heading')}</h1>
      <p>{t('acute.notForYou')}</p>
    </div>
  );
}

/** The team's hours and promise in one line: "08:00–23:00, with the citizen within 120 min". */
export function TeamHours({ team }: { team: AcuteTeamView }) {
  const { t } = useTranslation();
  if (team.service === null) return <p>{t('acute.noTeam', { name: team.name })}</p>;
  const { fromMinute, toMinute, promiseMinutes } = team.service;
  return <p className="plan-meta">{t('acute.hours', { name: team.name, from: clockOf(fromMinute), to: clockOf(toMinute), minutes: promiseMinutes })}</p>;
}

const noop = () => undefined;

function AcuteRequest() {
  const { t, i18n } = useTranslation();
  const [cpr, setCpr] = useState('');
  const [found, setFound] = useState<AcuteLookupResponse | null>(null);
  const [reason, setReason] = useState('');
  const lookup = useAction(noop);
  const ask = useSubmit();

  async function find(event: FormEvent) {
    event.preventDefault();
    setFound(null);
    await lookup.act(async () => setFound(await api.acuteLookup(cpr)));
  }

  async function send(event: FormEvent) {
    event.preventDefault();
    await ask.run(async () => {
      const { acuteAssessment } = await api.requestAcute(cpr, reason);
      navigate(pathOf({ name: 'acuteAssessment', acuteAssessmentId: acuteAssessment.id }));
    });
  }

  const team = found?.found ? found.team : null;
  const closed =
    team?.service != null && !team.openNow && team.opensAt !== null
      ? refusalMessage(
          t,
          { code: 'ACUTE_TEAM_CLOSED', fromMinute: team.service.fromMinute, toMinute: team.service.toMinute, opensAt: team.opensAt, turnTo: [], whenAcute: 'emergency_112' },
          i18n.language,
        )
      : null;
  return (
    <div className="staff-page acute">
      <h1>{t('acute.requestHeading')}</h1>
      <form onSubmit={find} className="card" aria-labelledby="acute-find">
        <h2 id="acute-find">{t('acute.findCitizen')}</h2>
        <div className="field">
          <label htmlFor="acute-cpr">{t('acute.cpr')}</label>
          <input id="acute-cpr" value={cpr} onChange={(e) => setCpr(e.target.value)} autoComplete="off" inputMode="numeric" required />
        </div>
        {lookup.error && (
          <p className="error-notice" role="alert">
            {lookup.error}
          </p>
        )}
        <button type="submit" className="button" disabled={lookup.busy}>
          {t('acute.find')}
        </button>
      </form>
      {found && !found.found && <p role="status">{t('acute.notFound', { cpr: found.cpr })}</p>}
      {found?.found && (
        <form onSubmit={send} className="card" aria-labelledby="acute-ask">
          <h2 id="acute-ask">
            {found.patient.name}, {t('acute.age', { years: found.patient.ageYears })}
          </h2>
          <TeamHours team={found.team} />
          {closed !== null || found.team.service === null ? (
            <p className="error-notice" role="alert">
              {closed ?? refusalMessage(t, { code: 'NO_ACUTE_TEAM', whenAcute: 'emergency_112' }, i18n.language)}
            </p>
          ) : (
            <>
              <div className="field">
                <label htmlFor="acute-reason">{t('acute.reason')}</label>
                <textarea id="acute-reason" value={reason} onChange={(e) => setReason(e.target.value)} required maxLength={1000} />
              </div>
              {ask.error && (
                <p className="error-notice" role="alert">
                  {ask.error}
                </p>
              )}
              <button type="submit" className="button button-primary" disabled={ask.busy}>
                {t('acute.ask', { team: found.team.name })}
              </button>
            </>
          )}
        </form>
      )}
    </div>
  );
}

function AcuteQueue() {
  const { t, i18n } = useTranslation();
  const queue = useLoad(() => api.acuteQueue(), 'acute');
  useNotice(
    'day:changed',
    (notice) => {
      if (notice.change === 'acute') queue.reload();
    },
    queue.reload,
  );
  const take = useAction(noop);

  const takeIt = (request: AcuteAssessmentView) =>
    take.act(async () => {
      if (request.state === 'open') await api.takeAcute(request.id);
      navigate(pathOf({ name: 'acuteAssessment', acuteAssessmentId: request.id }));
    });

  return (
    <div className="staff-page acute">
      <h1>{t('acute.queueHeading')}</h1>
      {queue.status !== 'ok' ? (
        <LoadStatus loaded={queue} onRetry={queue.reload} />
      ) : (
        <>
          <TeamHours team={queue.data.team} />
          {take.error && (
            <p className="error-notice" role="alert">
              {take.error}
            </p>
          )}
          {queue.data.acuteAssessments.length === 0 ? (
            <p>{t('acute.empty')}</p>
          ) : (
            <ul className="advice-list">
              {queue.data.acuteAssessments.map((request) => (
                <li key={request.id}>
                  <article className="card advice-card" aria-labelledby={`acute-${request.id}`}>
                    <h2 id={`acute-${request.id}`}>
                      <PatientName patient={request.patient} />, {t('acute.age', { years: request.patient.ageYears })}
                    </h2>
                    <p className="tags">
                      <span className="tag">{t('acute.waited', { minutes: request.waitedMinutes })}</span>
                      <span className="tag">{t('acute.answerBy', { when: formatDateTime(request.answerBy, i18n.language) })}</span>
                      {request.takenBy && <span className="tag">{t('acute.takenBy', { name: request.takenBy.name })}</span>}
                    </p>
                    <p>{t('acute.from', { name: request.requestedBy.name })}</p>
                    <blockquote className="advice-question">{request.reason}</blockquote>
                    <button type="button" className="button button-primary" disabled={take.busy} onClick={() => void takeIt(request)}>
                      {request.state === 'open' ? t('acute.take') : t('acute.open')}
                    </button>
                  </article>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}
