import { CONSENT_SCOPES, type ConsentView, hasLiveConsent } from '@samplan/shared';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/endpoints.ts';
import { formatDateTime } from '../../app/format.ts';
import { useAction } from '../../app/useSubmit.ts';

/**
 * Both consents, each either live (with a withdraw button) or not given (with
 * a record button), for those who may record consent; the history below.
 */
export function ConsentCard({ episodeId, consents, mayRecord, onChanged }: { episodeId: string; consents: readonly ConsentView[]; mayRecord: boolean; onChanged(): void }) {
  const { t, i18n } = useTranslation();
  const { busy, error, act } = useAction(onChanged);

  return (
    <section className="card" aria-labelledby="consent-heading">
      <h2 id="consent-heading">{t('episode.consentHeading')}</h2>
      {mayRecord && (
        <ul className="rows">
          {CONSENT_SCOPES.map((scope) => {
            const scopeName = t(`episode.consentScope.${scope}`);
            const live = consents.find((consent) => consent.scope === scope && hasLiveConsent([consent], scope, episodeId));
            return (
              <li key={scope} className="row">
                <strong>{scopeName}</strong>
                {live === undefined ? (
                  <>
                    <span>{t('episode.consentMissing')}</span>
                    <button type="button" className="button button-small" disabled={busy} onClick={() => void act(() => api.recordConsent(episodeId, { scope }))}>
                      {t('episode.recordConsent', { scope: scopeName })}
                    </button>
                  </>
                ) : (
                  <button type="button" className="button button-small" disabled={busy} onClick={() => void act(() => api.withdrawConsent(episodeId, live.id))}>
                    {t('episode.withdrawConsent', { scope: scopeName })}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {error !== null && (
        <p className="error-notice" role="alert">
          {error}
        </p>
      )}
      {consents.length === 0 ? (
        <p>{t('episode.noConsent')}</p>
      ) : (
        <ul className="rows">
          {consents.map((consent) => (
            <li key={consent.id} className="row">
              <strong>{t(`episode.consentScope.${consent.scope}`)}</strong>
              <span>{t('episode.consentGiven', { when: formatDateTime(consent.recordedAt, i18n.language), name: consent.recordedBy.name })}</span>
              {consent.withdrawnAt && <span className="tag tag-urgent">{t('episode.consentWithdrawn', { when: formatDateTime(consent.withdrawnAt, i18n.language) })}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
