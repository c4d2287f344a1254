import { useTranslation } from 'react-i18next';
import { api } from '../../api/endpoints.ts';
import { formatDateTime } from '../../app/format.ts';
import { LoadStatus } from '../../app/LoadStatus.tsx';
import { useLoad } from '../../app/useLoad.ts';

/** "Who looked": the newest 50 accesses to this patient's record. */
export function AuditCard({ episodeId }: { episodeId: string }) {
  const { t, i18n } = useTranslation();
  const trail = useLoad(() => api.auditTrail(episodeId), episodeId);
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
                  <td>{event.actor.name ?? t('episode.unknownActor')}</td>
                  <td>
                    {event.action} {event.resourceType} <span className="audit-via">{event.via}</span>
                  </td>
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
