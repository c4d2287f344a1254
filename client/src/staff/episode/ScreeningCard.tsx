/**
 * The follow-up screening: the score typed shows its recommendation at once
 * (the same thresholds the server and the scheduling page use), saving keeps
 * it in the history, and the latest becomes the episode's score.
 */
import { type EpisodeDetail, screeningRecommendations } from '@samplan/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/endpoints.ts';
import { errorMessage } from '../../api/errorMessage.ts';
import { formatDateTime, fromLocalInputValue } from '../../app/format.ts';

export function ScreeningCard({ episode, onChanged }: { episode: EpisodeDetail; onChanged(): void }) {
  const { t, i18n } = useTranslation();
  const mayRecord = episode.allowedActions.includes('screening:record');
  const [score, setScore] = useState('');
  // Empty: screened now, by the server's clock.
  const [screenedAt, setScreenedAt] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const typed = score.trim() === '' ? null : screeningRecommendations(Number(score));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const at = screenedAt === '' ? undefined : fromLocalInputValue(screenedAt);
    if (typed === null || !typed.ok || at === null) {
      setError(t('episode.screeningInvalid'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api.recordScreening(episode.id, { score: typed.score, ...(at === undefined ? {} : { screenedAt: at }) });
      setScore('');
      onChanged();
    } catch (caught) {
      setError(errorMessage(t, caught, i18n.language));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="screening-heading">
      <h2 id="screening-heading">{t('episode.screeningHeading')}</h2>
      <p>
        {t('episode.screening')}: <strong>{episode.screeningScore ?? t('episode.noScreening')}</strong>
      </p>
      {mayRecord && (
        <form onSubmit={submit}>
          <div className="field">
            <label htmlFor="screening-score">{t('episode.screeningScore')}</label>
            <input
              id="screening-score"
              type="number"
              inputMode="numeric"
              min={0}
              max={100}
              step={1}
              value={score}
              onChange={(e) => setScore(e.target.value)}
              aria-describedby="screening-recommendation"
              required
            />
          </div>
          <div id="screening-recommendation" role="status" aria-live="polite">
            {typed !== null &&
              (!typed.ok ? (
                <p className="error-notice">{t('episode.screeningInvalid')}</p>
              ) : typed.recommend.length === 0 ? (
                <p>{t('episode.noRecommendation')}</p>
              ) : (
                <ul>
                  {typed.recommend.map((recommendation) => (
                    <li key={recommendation}>
                      <strong>{t(`episode.recommendations.${recommendation}`)}</strong>
                    </li>
                  ))}
                </ul>
              ))}
          </div>
          <div className="field">
            <label htmlFor="screening-at">{t('episode.screenedAt')}</label>
            <input id="screening-at" type="datetime-local" value={screenedAt} onChange={(e) => setScreenedAt(e.target.value)} aria-describedby="screening-at-hint" />
            <p id="screening-at-hint" className="plan-meta">
              {t('episode.screenedNow')}
            </p>
          </div>
          {error !== null && (
            <p className="error-notice" role="alert">
              {error}
            </p>
          )}
          <button type="submit" className="button button-primary" disabled={busy}>
            {t('episode.screeningSave')}
          </button>
        </form>
      )}
      {episode.screenings.length > 0 && (
        <>
          <h3>{t('episode.screeningHistory')}</h3>
          <ul className="rows" aria-label={t('episode.screeningHistory')}>
            {episode.screenings.map((screening) => (
              <li key={screening.id} className="row">
                {t('episode.screeningEntry', { score: screening.score, when: formatDateTime(screening.screenedAt, i18n.language), name: screening.recordedBy.name })}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
