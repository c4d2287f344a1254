/**
 * The doctor's decision after the assessment, with its reason: admission
 * (to which ward), a municipal acute bed (one the doctor reserved on the
 * acute-beds overview; deciding confirms it), treatment at home (tasks to the acute team and the home
 * nurse, one a line, and when to follow up) or other. What it decides goes
 * into the episode and its shared plan on the server.
 */
import type { AcuteAssessmentView, AcuteDecisionRequest } from '@samplan/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/endpoints.ts';
import { fromLocalInputValue } from '../../app/format.ts';
import { pathOf } from '../../app/router.ts';
import { useLoad } from '../../app/useLoad.ts';
import { useNotice } from '../../app/useNotice.ts';
import { useSubmit } from '../../app/useSubmit.ts';

type Choice = AcuteDecisionRequest['decision'];
const CHOICES: readonly Choice[] = ['admission', 'municipal_acute_bed', 'home_treatment', 'other'];

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0);

export function AcuteDecisionForm({ assessment, onDecided }: { assessment: AcuteAssessmentView; onDecided(): void }) {
  const { t } = useTranslation();
  const [choice, setChoice] = useState<Choice>('home_treatment');
  const [reason, setReason] = useState('');
  const [wardId, setWardId] = useState('');
  const [reservationId, setReservationId] = useState('');
  const [teamTasks, setTeamTasks] = useState('');
  const [homeNurseTasks, setHomeNurseTasks] = useState('');
  const [followUp, setFollowUp] = useState('');
  const wards = useLoad(() => api.organisations('hospital').then((answer) => answer.organisations), 'wards');
  // The doctor's own reservations on the acute-beds overview, still waiting for confirmation.
  const beds = useLoad(
    () =>
      api.acuteBeds().then((overview) =>
        overview.municipalities.flatMap((municipality) =>
          municipality.offers.flatMap((offer) => offer.holds.filter((hold) => hold.mine && hold.status === 'reserved').map((hold) => ({ hold, offer, municipality }))),
        ),
      ),
    `acute-beds-${choice === 'municipal_acute_bed' ? 'open' : 'closed'}`,
  );
  useNotice('acuteBeds:changed', beds.reload, beds.reload);
  const { busy, error, run } = useSubmit();

  function decision(): AcuteDecisionRequest | null {
    switch (choice) {
      case 'admission':
        return wardId === '' ? null : { decision: 'admission', reason, wardId };
      case 'municipal_acute_bed':
        return reservationId === '' ? null : { decision: 'municipal_acute_bed', reason, reservationId };
      case 'home_treatment': {
        const followUpAt = fromLocalInputValue(followUp);
        const tasks = [...lines(teamTasks).map((what) => ({ what, owner: 'acute_team' as const })), ...lines(homeNurseTasks).map((what) => ({ what, owner: 'home_nurse' as const }))];
        return followUpAt === null || tasks.length === 0 ? null : { decision: 'home_treatment', reason, tasks, followUpAt };
      }
      case 'other':
        return { decision: 'other', reason };
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const decided = decision();
    if (decided === null) return;
    await run(async () => {
      await api.decideAcute(assessment.id, decided);
      onDecided();
    });
  }

  return (
    <form onSubmit={submit} aria-labelledby="acute-decide-heading">
      <h2 id="acute-decide-heading">{t('acute.decideHeading')}</h2>
      <fieldset>
        <legend>{t('acute.decisionLegend')}</legend>
        {CHOICES.map((option) => (
          <label key={option} className="choice">
            <input type="radio" name="acute-decision" value={option} checked={choice === option} onChange={() => setChoice(option)} />
            {t(`acute.decision.${option}`)}
          </label>
        ))}
      </fieldset>
      {choice === 'admission' && (
        <div className="field">
          <label htmlFor="acute-ward">{t('acute.ward')}</label>
          <select id="acute-ward" value={wardId} onChange={(e) => setWardId(e.target.value)} required>
            <option value="">{t('acute.chooseWard')}</option>
            {wards.status === 'ok' &&
              wards.data.map((ward) => (
                <option key={ward.id} value={ward.id}>
                  {ward.name}
                </option>
              ))}
          </select>
        </div>
      )}
      {choice === 'municipal_acute_bed' && (
        <fieldset>
          <legend>{t('acute.myReservations')}</legend>
          {beds.status === 'ok' && beds.data.length === 0 && <p>{t('acute.noReservation')}</p>}
          {beds.status === 'ok' &&
            beds.data.map(({ hold, offer, municipality }) => (
              <label key={hold.reservationId} className="choice">
                <input type="radio" name="acute-bed" value={hold.reservationId} checked={reservationId === hold.reservationId} onChange={() => setReservationId(hold.reservationId)} />
                {municipality.name}, {offer.name}
              </label>
            ))}
          {/* Its own tab: this page holds the call. */}
          <a href={pathOf({ name: 'acuteBeds' })} target="_blank" rel="noreferrer">
            {t('acute.toBeds')}
          </a>
        </fieldset>
      )}
      {choice === 'home_treatment' && (
        <>
          <div className="field">
            <label htmlFor="acute-team-tasks">{t('acute.teamTasks')}</label>
            <textarea id="acute-team-tasks" value={teamTasks} onChange={(e) => setTeamTasks(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="acute-home-tasks">{t('acute.homeNurseTasks')}</label>
            <textarea id="acute-home-tasks" value={homeNurseTasks} onChange={(e) => setHomeNurseTasks(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="acute-follow-up">{t('acute.followUp')}</label>
            <input id="acute-follow-up" type="datetime-local" value={followUp} onChange={(e) => setFollowUp(e.target.value)} required />
          </div>
        </>
      )}
      <div className="field">
        <label htmlFor="acute-decision-reason">{t('acute.decisionReason')}</label>
        <textarea id="acute-decision-reason" value={reason} onChange={(e) => setReason(e.target.value)} required maxLength={1800} />
      </div>
      {error && (
        <p className="error-notice" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="button button-primary" disabled={busy || decision() === null || reason.trim() === ''}>
        {t('acute.decide')}
      </button>
    </form>
  );
}
