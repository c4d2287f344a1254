import type { AcuteService } from '@samplan/shared';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/endpoints.ts';
import { errorMessage } from '../../api/errorMessage.ts';
import { clockOf, minuteOfClock } from '../../app/format.ts';
import { LoadStatus } from '../../app/LoadStatus.tsx';
import { useLoad } from '../../app/useLoad.ts';

/** What the form offers when the municipality has no team on record yet: day and evening, there within 2 h. */
const USUAL: AcuteService = { fromMinute: 8 * 60, toMinute: 23 * 60, promiseMinutes: 120 };

/** A municipality's acute team: when it takes requests and how soon it is with the citizen (what doctors are told). */
export function AcuteServiceSection() {
  const { t, i18n } = useTranslation();
  const loaded = useLoad(async () => (await api.acuteService()).service, 'admin-acute-service');
  const [hasTeam, setHasTeam] = useState(false);
  const [from, setFrom] = useState(clockOf(USUAL.fromMinute));
  const [to, setTo] = useState(clockOf(USUAL.toMinute));
  const [promise, setPromise] = useState(String(USUAL.promiseMinutes));
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  const stored = loaded.status === 'ok' ? loaded.data : undefined;
  useEffect(() => {
    if (stored === undefined) return;
    setHasTeam(stored !== null);
    const shown = stored ?? USUAL;
    setFrom(clockOf(shown.fromMinute));
    setTo(clockOf(shown.toMinute));
    setPromise(String(shown.promiseMinutes));
  }, [stored]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      await api.setAcuteService({ service: hasTeam ? { fromMinute: minuteOfClock(from), toMinute: minuteOfClock(to), promiseMinutes: Number(promise) } : null });
      setSaved(true);
      loaded.reload();
    } catch (caught) {
      setError(errorMessage(t, caught, i18n.language));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card card-wide" aria-labelledby="admin-acute">
      <h2 id="admin-acute">{t('admin.acuteHeading')}</h2>
      <p>{t('admin.acuteIntro')}</p>
      {loaded.status !== 'ok' ? (
        <LoadStatus loaded={loaded} onRetry={loaded.reload} />
      ) : (
        <form onSubmit={submit} aria-labelledby="admin-acute">
          <div className="field">
            <label>
              <input type="checkbox" checked={hasTeam} onChange={(e) => setHasTeam(e.target.checked)} /> {t('admin.acuteHas')}
            </label>
          </div>
          {hasTeam ? (
            <>
              <div className="field">
                <label htmlFor="acute-from">{t('admin.acuteFrom')}</label>
                <input id="acute-from" type="time" required value={from} onChange={(e) => setFrom(e.target.value)} aria-describedby="acute-all-day" />
              </div>
              <div className="field">
                <label htmlFor="acute-to">{t('admin.acuteTo')}</label>
                <input id="acute-to" type="time" required value={to} onChange={(e) => setTo(e.target.value)} aria-describedby="acute-all-day" />
                <p id="acute-all-day" className="plan-meta">
                  {t('admin.acuteAllDay')}
                </p>
              </div>
              <div className="field">
                <label htmlFor="acute-promise">{t('admin.acutePromise')}</label>
                <input id="acute-promise" type="number" required min={15} max={1440} step={5} value={promise} onChange={(e) => setPromise(e.target.value)} />
              </div>
            </>
          ) : (
            <p>{t('admin.acuteNone')}</p>
          )}
          {error && (
            <p className="error-notice" role="alert">
              {error}
            </p>
          )}
          {saved && <p role="status">{t('admin.acuteSaved')}</p>}
          <div className="actions">
            <button type="submit" className="button button-primary" disabled={busy}>
              {t('admin.acuteSave')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
