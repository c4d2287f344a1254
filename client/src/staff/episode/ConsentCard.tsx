import type { ConsentView } from '@samplan/shared';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../app/format.ts';

export function ConsentCard({ consents }: { consents: readonly ConsentView[] }) {
  const { t, i18n } = useTranslation();
  return (
    <section className="card" aria-labelledby="consent-heading">
      <h2 id="consent-heading">{t('episode.consentHeading')}</h2>
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
