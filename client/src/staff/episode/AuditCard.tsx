import { type AuditActor, auditActInWords } from '@samplan/shared';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/endpoints.ts';
import { formatDateTime } from '../../app/format.ts';
import { LoadStatus } from '../../app/LoadStatus.tsx';
import { useLoad } from '../../app/useLoad.ts';

/**
 * "Who looked": the newest 50 accesses to this patient's record, in plain
 * words ("Mette Lund, sygeplejerske, Medicinsk Afdeling M2 – læste planen").
 * The route and ids stay in the API for the security reviewer; an act the
 * vocabulary does not know yet is shown in its stored words.
 */
export function AuditCard({ episodeId }: { episodeId: string }) {
  const { t, i18n } = useTranslation();
  const trail = useLoad(() => api.auditTrail(episodeId), episodeId);
  const language = i18n.language === 'en' ? 'en' : 'da';
  return (
    <section className="card card-wide" aria-labelledby="audit-heading">
      <h2 id="audit-heading">{t('episode.auditHeading')}</h2>
      {trail.status !== 'ok' ? (
        <LoadStatus loaded={trail} onRetry={trail.reload} />
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="audit-heading">
          <table className="audit">
            <thead>
              <tr>
                <th scope="col">{t('episode.auditWhen')}</th>
                <th scope="col">{t('episode.auditWho')}</th>
                <th scope="col">{t('episode.auditWhat')}</th>
                <th scope="col">{t('episode.auditOutcome')}</th>
              </tr>
            </thead>
            <tbody>
              {trail.data.events.map((event) => (
                <tr key={event.id}>
                  <td>{formatDateTime(event.at, i18n.language)}</td>
                  <td>{whoInWords(t, event.who, language)}</td>
                  <td>{auditActInWords(event.action, event.resourceType, language)}</td>
                  <td>{t(`episode.outcome.${event.outcome}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function whoInWords(t: TFunction, who: AuditActor, language: 'da' | 'en'): string {
  switch (who.kind) {
    case 'staff':
      return `${who.name}, ${t(`staffRoles.${who.role}`).toLocaleLowerCase(language)}, ${who.organisation}`;
    case 'participant':
      return `${who.name}, ${t(`roles.${who.role}`).toLocaleLowerCase(language)}`;
    case 'system':
      return t('episode.auditSystem', { name: who.name ?? '', organisation: who.organisation ?? '' });
    case 'unknown':
      return t('episode.unknownActor');
  }
}
