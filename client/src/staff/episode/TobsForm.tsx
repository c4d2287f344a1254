/** TOBS on its own: at any time, or during one of the episode's calls. */
import type { ConferenceView } from '@samplan/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/endpoints.ts';
import { formatDateTime, fromLocalInputValue, toLocalInputValue } from '../../app/format.ts';
import { LoadStatus } from '../../app/LoadStatus.tsx';
import { useSubmit } from '../../app/useSubmit.ts';
import { TobsFields } from './TobsFields.tsx';
import { EMPTY_TOBS_DRAFT, readTobs } from './tobsInput.ts';
import { useServerNow } from './useServerNow.ts';

interface FormProps {
  episodeId: string;
  conferences: readonly ConferenceView[];
  onRecorded(): void;
  onCancel(): void;
}

export function TobsForm(props: FormProps) {
  const now = useServerNow(props.episodeId);
  if (now.status !== 'ok') return <LoadStatus loaded={now} onRetry={now.reload} />;
  return <TobsOnItsOwn {...props} now={now.data} />;
}

function TobsOnItsOwn({ episodeId, conferences, now, onRecorded, onCancel }: FormProps & { now: string }) {
  const { t, i18n } = useTranslation();
  const [when, setWhen] = useState(() => toLocalInputValue(now));
  const [conferenceId, setConferenceId] = useState('');
  const [draft, setDraft] = useState(EMPTY_TOBS_DRAFT);
  const { busy, error, run } = useSubmit();
  const calls = conferences.filter((conference) => conference.status !== 'cancelled');

  async function submit(event: FormEvent) {
    event.preventDefault();
    const observedAt = fromLocalInputValue(when);
    const reading = readTobs(draft);
    if (observedAt === null || reading.state !== 'scored') return;
    await run(async () => {
      await api.recordTobs(episodeId, { ...reading.measurement, observedAt, ...(conferenceId ? { conferenceId } : {}) });
      onRecorded();
    });
  }

  return (
    <form onSubmit={submit} aria-labelledby="tobs-form-heading">
      <h3 id="tobs-form-heading">{t('tobs.recordTobs')}</h3>
      <div className="field">
        <label htmlFor="tobs-when">{t('tobs.observedAt')}</label>
        <input id="tobs-when" type="datetime-local" value={when} onChange={(e) => setWhen(e.target.value)} required />
      </div>
      {calls.length > 0 && (
        <div className="field">
          <label htmlFor="tobs-conference">{t('tobs.conference')}</label>
          <select id="tobs-conference" value={conferenceId} onChange={(e) => setConferenceId(e.target.value)}>
            <option value="">{t('tobs.noConference')}</option>
            {calls.map((conference) => (
              <option key={conference.id} value={conference.id}>
                {t(`kinds.${conference.kind}`)}, {formatDateTime(conference.scheduledStart, i18n.language)}
              </option>
            ))}
          </select>
        </div>
      )}
      <TobsFields idPrefix="tobs" draft={draft} onChange={setDraft} />
      {error && (
        <p className="error-notice" role="alert">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={busy || readTobs(draft).state !== 'scored'}>
          {t('visits.save')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('visits.cancel')}
        </button>
      </div>
    </form>
  );
}
