import { type EpisodeDetail, type Representation, REPRESENTATIONS } from '@samplan/shared';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/endpoints.ts';
import { useAction } from '../../app/useSubmit.ts';

/**
 * The patient's relatives and whether each represents her (guardian, power
 * of attorney): only a representative agrees to the plan on the patient's
 * behalf or reads who has looked at her record. Staff who may record it
 * change it here, from the papers shown to them; each change is audited.
 */
export function RelativesCard({ episodeId, relatives, mayRecord, onChanged }: { episodeId: string; relatives: EpisodeDetail['relatives']; mayRecord: boolean; onChanged(): void }) {
  const { t } = useTranslation();
  const { busy, error, act } = useAction(onChanged);
  const change = (relativeId: string, representation: Representation) => act(() => api.setRepresentation(episodeId, relativeId, { representation }));

  return (
    <section className="card" aria-labelledby="relatives-heading">
      <h2 id="relatives-heading">{t('episode.relatives')}</h2>
      {relatives.length === 0 ? (
        <p>{t('episode.noRelatives')}</p>
      ) : (
        <ul className="rows">
          {relatives.map((relative) => (
            <li key={relative.id} className="row">
              <strong>{relative.name}</strong>
              <span>
                {relative.relation}
                {relative.phone ? `, ${relative.phone}` : ''}
              </span>
              {mayRecord ? (
                <label className="inline-field">
                  <span>{t('episode.representationOf', { name: relative.name })}</span>
                  <select
                    value={relative.representation}
                    disabled={busy}
                    onChange={(event) => void change(relative.id, event.target.value as Representation)}
                  >
                    {REPRESENTATIONS.map((representation) => (
                      <option key={representation} value={representation}>
                        {t(`episode.representation.${representation}`)}
                      </option>
                    ))}
                  </select>
                </label>
              ) : (
                relative.representation !== 'none' && <span className="tag">{t(`episode.representation.${relative.representation}`)}</span>
              )}
            </li>
          ))}
        </ul>
      )}
      {error !== null && (
        <p className="error-notice" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
