import { type AccessLogEntry, auditActInWords } from '@samplan/shared';
import type { TFunction } from 'i18next';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StepScreen } from '../devicecheck/StepScreen.tsx';
import { formatDateTime } from './formatTime.ts';
import type { GuestApi } from './guestApi.ts';

/**
 * "Who has looked at my record" for the patient (and a relative who
 * represents her), as sundhed.dk shows it: who, what in plain words, when.
 * Newest first, 50 at a time. Loaded only when she opens it.
 */
export function AccessLog({ api, episodeId, onBack }: { api: GuestApi; episodeId: string; onBack(): void }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'da';
  const [entries, setEntries] = useState<AccessLogEntry[]>([]);
  const [state, setState] = useState<'loading' | 'ready' | 'more' | 'failed'>('loading');

  const load = useCallback(
    (before?: string) => {
      setState('loading');
      api.accessLog(episodeId, before).then(
        (page) => {
          setEntries((shown) => (before === undefined ? page.entries : [...shown, ...page.entries]));
          setState(page.more ? 'more' : 'ready');
        },
        () => setState('failed'),
      );
    },
    [api, episodeId],
  );
  useEffect(() => load(), [load]);

  return (
    <StepScreen heading={t('guest.accessLog.heading')} onBack={onBack}>
      <p>{t('guest.accessLog.intro')}</p>
      {entries.length === 0 && state === 'ready' && <p>{t('guest.accessLog.empty')}</p>}
      {entries.length > 0 && (
        <ol className="access-log">
          {entries.map((entry, index) => (
            <li key={`${entry.at}-${index}`}>
              <strong>{whoInWords(t, entry.who)}</strong>
              <span>
                {' – '}
                {auditActInWords(entry.action, entry.resourceType, language)}
              </span>
              <span className="access-log-when">
                {', '}
                {formatDateTime(entry.at, i18n.language)}
              </span>
            </li>
          ))}
        </ol>
      )}
      {state === 'loading' && <p role="status">{t('guest.accessLog.loading')}</p>}
      {state === 'failed' && (
        <div role="alert">
          <p>{t('guest.accessLog.failed')}</p>
          <button type="button" className="button" onClick={() => load()}>
            {t('guest.link.tryAgain')}
          </button>
        </div>
      )}
      {state === 'more' && (
        <button type="button" className="button" onClick={() => load(entries.at(-1)?.at)}>
          {t('guest.accessLog.older')}
        </button>
      )}
    </StepScreen>
  );
}

function whoInWords(t: TFunction, who: AccessLogEntry['who']): string {
  switch (who.kind) {
    case 'staff':
      return t('guest.accessLog.staff', { name: who.name, role: t(`guest.accessLog.roles.${who.role}`), organisation: who.organisation });
    case 'relative':
      return t('guest.accessLog.relative', { name: who.name });
    case 'system':
      return who.organisation === null ? t('guest.accessLog.system') : t('guest.accessLog.systemOf', { organisation: who.organisation });
    case 'unknown':
      return t('guest.accessLog.unknown');
  }
}
