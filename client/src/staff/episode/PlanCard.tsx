import type { TFunction } from 'i18next';
import type { ConferenceView, PlanHistoryEntry } from '@samplan/shared';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/endpoints.ts';
import { formatDateTime } from '../../app/format.ts';
import { LoadStatus } from '../../app/LoadStatus.tsx';
import { useLoad } from '../../app/useLoad.ts';
import { useNotice } from '../../app/useNotice.ts';
import { AgreementStatus } from '../../plan/AgreementStatus.tsx';
import { PlanSections } from '../../plan/PlanSections.tsx';

type PlanCardProps = { episodeId: string; conferences: readonly ConferenceView[]; adviceLineUntil: string | null };

/** The plan as it stands, its agreement, and every revision with what changed (the server's describeChanges). */
export function PlanCard({ episodeId, conferences, adviceLineUntil }: PlanCardProps) {
  const { t } = useTranslation();
  const plan = useLoad(() => Promise.all([api.plan(episodeId), api.planRevisions(episodeId)]), episodeId);
  // A revision made elsewhere (a recorded visit closing its task, a colleague's edit) shows without reloading the page.
  useNotice(
    'episode:changed',
    (notice) => {
      if (notice.episodeId === episodeId && notice.change === 'plan') plan.reload();
    },
    plan.reload,
  );
  return (
    <section className="card card-wide" aria-labelledby="plan-heading">
      <h2 id="plan-heading">{t('episode.planHeading')}</h2>
      {plan.status !== 'ok' ? (
        <LoadStatus loaded={plan} onRetry={plan.reload} />
      ) : (
        <div className="plan-card">
          <div>
            <AgreementStatus agreement={plan.data[0].agreement} />
            <PlanSections document={plan.data[0].document} mode="staff" adviceLineUntil={adviceLineUntil} />
          </div>
          <RevisionList revisions={plan.data[1].revisions} agreedRevision={plan.data[0].agreement.agreedRevision} conferences={conferences} />
        </div>
      )}
    </section>
  );
}

function RevisionList({ revisions, agreedRevision, conferences }: { revisions: readonly PlanHistoryEntry[]; agreedRevision: number | null; conferences: readonly ConferenceView[] }) {
  const { t, i18n } = useTranslation();
  const kindOf = new Map(conferences.map((conference) => [conference.id, conference.kind]));
  return (
    <div>
      <h3>{t('episode.revisionsHeading')}</h3>
      {revisions.length === 0 ? (
        <p>{t('episode.noRevisions')}</p>
      ) : (
        <ol className="rows revisions" reversed>
          {revisions.map((entry) => {
            const kind = entry.conferenceId ? kindOf.get(entry.conferenceId) : undefined;
            return (
              <li key={entry.revision} className="row revision">
                <strong>{t('episode.revision', { revision: entry.revision })}</strong>
                {entry.revision === agreedRevision && (
                  <span className="tag tag-agreed">
                    <span aria-hidden="true">✓ </span>
                    {t('episode.agreedTag')}
                  </span>
                )}
                {kind && <span className="tag">{t(`kinds.${kind}`)}</span>}
                <span>{t('episode.revisionBy', { name: entry.by.name, role: t(`roles.${entry.by.role}`), when: formatDateTime(entry.at, i18n.language) })}</span>
                <ul className="changes">
                  {entry.changes.map((change, index) => (
                    <li key={index}>
                      {change.kind === 'reordered'
                        ? t('episode.change.reordered')
                        : change.kind === 'changed'
                          ? t('episode.change.changed', { label: change.label, fields: change.fields.map((field) => fieldName(t, field)).join(', ') })
                          : t(`episode.change.${change.kind}`, { label: change.label })}
                    </li>
                  ))}
                </ul>
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}

function fieldName(t: TFunction, field: string): string {
  const key = `plan.fields.${field}`;
  const name = t(key as 'plan.fields.text');
  return name === key ? field : name;
}
