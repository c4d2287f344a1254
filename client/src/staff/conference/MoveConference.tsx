import type { ConferenceView } from '@samplan/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/endpoints.ts';
import { errorMessage } from '../../api/errorMessage.ts';
import { fromLocalInputValue, toLocalInputValue } from '../../app/format.ts';

/** Move a conference not yet begun: everyone invited gets an update, and their reminders move with it. */
export function MoveConference({ conference, onMoved }: { conference: ConferenceView; onMoved(): void }) {
  const { t, i18n } = useTranslation();
  const [start, setStart] = useState(() => toLocalInputValue(conference.scheduledStart));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const scheduledStart = fromLocalInputValue(start);
    if (scheduledStart === null) return;
    setBusy(true);
    setError(null);
    try {
      await api.rescheduleConference(conference.id, { scheduledStart });
      onMoved();
    } catch (caught) {
      setError(errorMessage(t, caught, i18n.language));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card move-conference" onSubmit={submit}>
      <div className="field">
        <label htmlFor="move-start">{t('conference.moveTo')}</label>
        <input id="move-start" type="datetime-local" value={start} onChange={(e) => setStart(e.target.value)} required aria-describedby="move-hint" />
        <p id="move-hint" className="plan-meta">
          {t('conference.moveHint')}
        </p>
      </div>
      <button type="submit" className="button" disabled={busy || toLocalInputValue(conference.scheduledStart) === start}>
        {t('conference.move')}
      </button>
      {error && (
        <p className="error-notice" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
