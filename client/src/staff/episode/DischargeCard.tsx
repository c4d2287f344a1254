/**
 * The discharge: recorded here by the ward (time defaulting to now, where the
 * patient went), and once recorded, when and where, and whether it met the
 * pathway's wish of a discharge before 12:00.
 */
import { DISCHARGE_DESTINATIONS, type DischargeDestination, type EpisodeDetail, isPreferredDischargeTime } from '@samplan/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/endpoints.ts';
import { formatDateTime, fromLocalInputValue, toLocalInputValue } from '../../app/format.ts';
import { LoadStatus } from '../../app/LoadStatus.tsx';
import { useSubmit } from '../../app/useSubmit.ts';
import { useServerNow } from './useServerNow.ts';

export function DischargeCard({ episode, onDischarged }: { episode: EpisodeDetail; onDischarged(): void }) {
  const { t, i18n } = useTranslation();
  const { dischargedAt, dischargeDestination } = episode;
  return (
    <section className="card" aria-labelledby="discharge-heading">
      <h2 id="discharge-heading">{t('visits.dischargeHeading')}</h2>
      {dischargedAt !== null ? (
        <ul className="rows">
          <li className="row">
            <strong>{t('visits.dischargedAt', { when: formatDateTime(dischargedAt, i18n.language) })}</strong>
            <BeforeNoon at={dischargedAt} />
          </li>
          {dischargeDestination && <li className="row">{t('visits.dischargedTo', { place: t(`visits.destinations.${dischargeDestination}`) })}</li>}
        </ul>
      ) : episode.allowedActions.includes('episode:discharge') ? (
        <DischargeForm episodeId={episode.id} onDischarged={onDischarged} />
      ) : (
        <p>{t('visits.admitted')}</p>
      )}
    </section>
  );
}

function BeforeNoon({ at }: { at: string }) {
  const { t } = useTranslation();
  const before = isPreferredDischargeTime(new Date(at));
  return <span className={before ? 'tag tag-agreed' : 'tag'}>{before ? t('visits.beforeNoon') : t('visits.afterNoon')}</span>;
}

function DischargeForm({ episodeId, onDischarged }: { episodeId: string; onDischarged(): void }) {
  const now = useServerNow(episodeId);
  if (now.status !== 'ok') return <LoadStatus loaded={now} onRetry={now.reload} />;
  return <DischargeFields episodeId={episodeId} now={now.data} onDischarged={onDischarged} />;
}

function DischargeFields({ episodeId, now, onDischarged }: { episodeId: string; now: string; onDischarged(): void }) {
  const { t, i18n } = useTranslation();
  const [when, setWhen] = useState(() => toLocalInputValue(now));
  const [destination, setDestination] = useState<DischargeDestination>('home');
  const { busy, error, run } = useSubmit();
  const at = fromLocalInputValue(when);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (at === null) return;
    await run(async () => {
      await api.recordDischarge(episodeId, { dischargedAt: at, destination });
      onDischarged();
    });
  }

  return (
    <form onSubmit={submit}>
      <div className="field">
        <label htmlFor="discharged-at">{t('visits.when')}</label>
        <input id="discharged-at" type="datetime-local" value={when} onChange={(e) => setWhen(e.target.value)} required aria-describedby="discharged-at-hint" />
        <p id="discharged-at-hint" className="plan-meta">
          {t('visits.whenHint')} {at !== null && <BeforeNoon at={at} />}
        </p>
      </div>
      <div className="field">
        <label htmlFor="discharge-destination">{t('visits.destination')}</label>
        <select id="discharge-destination" value={destination} onChange={(e) => setDestination(e.target.value as DischargeDestination)}>
          {DISCHARGE_DESTINATIONS.map((place) => (
            <option key={place} value={place}>
              {t(`visits.destinations.${place}`)}
            </option>
          ))}
        </select>
      </div>
      {error && (
        <p className="error-notice" role="alert">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={busy || at === null}>
          {t('visits.recordDischarge')}
        </button>
      </div>
    </form>
  );
}
