import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/errorMessage.ts';
import type { Loaded } from './useLoad.ts';

/** What a page shows before its data is there: "loading", or why it failed and a way to try again. */
export function LoadStatus({ loaded, onRetry }: { loaded: Exclude<Loaded<unknown>, { status: 'ok' }>; onRetry(): void }) {
  const { t, i18n } = useTranslation();
  if (loaded.status === 'loading') {
    return (
      <p className="staff-loading" role="status">
        {t('shell.loading')}
      </p>
    );
  }
  return (
    <div className="error-notice" role="alert">
      <p>{errorMessage(t, loaded.error, i18n.language)}</p>
      <button type="button" className="button" onClick={onRetry}>
        {t('shell.retry')}
      </button>
    </div>
  );
}
