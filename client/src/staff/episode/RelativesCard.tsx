import { type EpisodeDetail, type Representation, REPRESENTATIONS } from '@samplan/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/endpoints.ts';
import { errorMessage } from '../../api/errorMessage.ts';

/**
 * The patient's relatives and whether each represents her (guardian, power
 * of attorney): only a representative agrees to the plan on the patient's
 * behalf or reads who has looked at her record. Staff who may record it
 * change it here, from the papers shown to them; each change is audited.
 */
export function RelativesCard({ episodeId, relatives, mayRecord, onChanged }: { episodeId: string; relatives: EpisodeDetail['relatives']; mayRecord: boolean; onChanged(): void }) {
  const { t, i18n } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const change = async (relativeId: string, representation: Representation) => {
    setBusy(relativeId);
    setError(null);
    try {
      await api.setRepresentation(episodeId, relativeId, { representation });
      onChanged();
    } catch (caught) {
      setError(errorMessage(t, caught, i18n.language));
    } finally {
      setBusy(null);
    }
  };

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
                    disabled={busy !== null}
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
