import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnectionResult } from './connectionTest.ts';

/** Runs the connection check as soon as the screen shows; a blocked network gets advice and a way on anyway. */
export function ConnectionStep({ check, onOk }: { check(): Promise<ConnectionResult>; onOk(): void }) {
  const { t } = useTranslation();
  const [result, setResult] = useState<ConnectionResult | null>(null);
  const run = useCallback(() => {
    setResult(null);
    let current = true;
    void check().then((outcome) => {
      if (current) setResult(outcome);
    });
    return () => {
      current = false;
    };
  }, [check]);
  useEffect(run, [run]);

  if (result === null) {
    return (
      <p className="guest-state" role="status">
        {t('guest.connection.checking')}
      </p>
    );
  }
  if (result.ok) {
    return (
      <>
        <p className="guest-state guest-ok" role="status">
          <span aria-hidden="true">✓</span> {result.relay ? t('guest.connection.okRelay') : t('guest.connection.ok')}
        </p>
        <div className="guest-actions">
          <button type="button" className="button button-primary" onClick={onOk}>
            {t('guest.connection.continue')}
          </button>
        </div>
      </>
    );
  }
  return (
    <>
      <div className="guest-help" role="alert">
        <h2>{t('guest.connection.failedHeading')}</h2>
        <p>{t('guest.connection.failedText')}</p>
      </div>
      <div className="guest-actions">
        <button type="button" className="button button-primary" onClick={() => run()}>
          {t('guest.connection.retry')}
        </button>
        <button type="button" className="button" onClick={onOk}>
          {t('guest.connection.continueAnyway')}
        </button>
      </div>
    </>
  );
}
