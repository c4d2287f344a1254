/** TOBS in the acute call: the nurse enters it in the home; everyone on the assessment sees the latest score and what it calls for. */
import type { AcuteAssessmentView } from '@samplan/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/endpoints.ts';
import { formatTime } from '../../app/format.ts';
import { useSubmit } from '../../app/useSubmit.ts';
import { TobsFields } from '../episode/TobsFields.tsx';
import { EMPTY_TOBS_DRAFT, readTobs } from '../episode/tobsInput.ts';

export function AcuteTobsEntry({ acuteAssessmentId, onRecorded }: { acuteAssessmentId: string; onRecorded(): void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(EMPTY_TOBS_DRAFT);
  const [busy, setBusy] = useState(false);
  const { error, run } = useSubmit();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const reading = readTobs(draft);
    if (reading.state !== 'scored') return;
    setBusy(true);
    await run(async () => {
      await api.acuteTobs(acuteAssessmentId, reading.measurement);
      setDraft(EMPTY_TOBS_DRAFT);
      onRecorded();
    });
    setBusy(false);
  }

  return (
    <form onSubmit={submit} aria-labelledby="acute-tobs-heading">
      <h2 id="acute-tobs-heading">{t('acute.enterTobs')}</h2>
      <TobsFields idPrefix="acute-tobs" draft={draft} onChange={setDraft} />
      {error && (
        <p className="error-notice" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="button button-primary" disabled={busy || readTobs(draft).state !== 'scored'}>
        {t('acute.sendTobs')}
      </button>
    </form>
  );
}

export function AcuteTobsSeen({ assessment }: { assessment: AcuteAssessmentView }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'da';
  const latest = assessment.observations.at(-1);
  if (latest === undefined) return <p className="plan-meta">{t('acute.noTobsYet')}</p>;
  return (
    <section aria-labelledby="acute-tobs-seen" className="notice tobs-score" role="status" aria-live="polite">
      <h2 id="acute-tobs-seen">{t('acute.latestTobs', { when: formatTime(latest.observedAt, i18n.language) })}</h2>
      <strong className="acute-tobs-score">{t('tobs.score', { score: latest.score })}</strong>
      <p>{latest.response[language]}</p>
      <p className="plan-meta">
        {t('acute.tobsValues', {
          pulse: latest.pulsePerMinute,
          respiration: latest.respirationPerMinute,
          temperature: latest.temperatureCelsius,
          systolic: latest.systolicMmHg,
          consciousness: t(`tobs.levels.${latest.consciousness}`),
        })}
        {latest.spo2Percent !== undefined && <> · SpO₂ {latest.spo2Percent} %</>}
      </p>
    </section>
  );
}
