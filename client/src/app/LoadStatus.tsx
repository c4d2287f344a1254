import { SamplanError } from '@samplan/shared';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/errorMessage.ts';
import { useAuth } from './auth.tsx';
import type { Loaded } from './useLoad.ts';

/** What a page shows before its data is there: "loading", or why it failed and a way to try again. */
export function LoadStatus({ loaded, onRetry }: { loaded: Exclude<Loaded<unknown>, { status: 'ok' }>; onRetry(): void }) {
  const { t, i18n } = useTranslation();
  const auth = useAuth();
  const sessionEnded = loaded.status === 'failed' && loaded.error instanceof SamplanError && loaded.error.code === 'UNAUTHORIZED';
  // A session that lapsed while the page was open: ask the server again, which brings up the sign-in.
  useEffect(() => {
    if (sessionEnded && auth.state.status === 'signedIn') auth.refresh();
  }, [sessionEnded, auth]);

  if (loaded.status === 'loading') return <Loading />;
  return (
    <div className="error-notice" role="alert">
      <p>{errorMessage(t, loaded.error, i18n.language)}</p>
      <button type="button" className="button" onClick={onRetry}>
        {t('shell.retry')}
      </button>
    </div>
  );
}

/** Visible and announced, for a page's data and for a page's own code still on its way. */
export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="staff-loading" role="status">
      {t('shell.loading')}
    </p>
  );
}
