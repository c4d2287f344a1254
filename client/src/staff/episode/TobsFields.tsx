/**
 * The five TOBS values (and SpO₂ beside them), with the 0–15 score and the
 * card's response shown as they are typed, from the same shared schema and
 * table the server scores with.
 */
import { TOBS_BOUNDS, TOBS_CONSCIOUSNESS_LEVELS, TOBS_TEMPERATURE_SITES, type TobsMeasurement } from '@samplan/shared';
import { useTranslation } from 'react-i18next';
import { type NumericTobsField, readTobs, type TobsDraft } from './tobsInput.ts';

const NUMERIC_FIELDS: readonly NumericTobsField[] = ['pulsePerMinute', 'respirationPerMinute', 'temperatureCelsius', 'systolicMmHg', 'spo2Percent'];

export function TobsFields({ idPrefix, draft, onChange }: { idPrefix: string; draft: TobsDraft; onChange(draft: TobsDraft): void }) {
  const { t, i18n } = useTranslation();
  const reading = readTobs(draft);
  const language = i18n.language === 'en' ? 'en' : 'da';
  const numeric = (field: NumericTobsField) => {
    const id = `${idPrefix}-${field}`;
    const wrong = reading.state !== 'scored' && reading.invalid.includes(field);
    const { min, max } = TOBS_BOUNDS[field];
    return (
      <div className="field" key={field}>
        <label htmlFor={id}>{t(`tobs.${field}`)}</label>
        <input
          id={id}
          inputMode="decimal"
          autoComplete="off"
          value={draft[field]}
          onChange={(e) => onChange({ ...draft, [field]: e.target.value })}
          required={field !== 'spo2Percent'}
          aria-invalid={wrong}
          aria-describedby={wrong ? `${id}-error` : undefined}
        />
        {wrong && (
          <p id={`${id}-error`} className="field-error">
            {t('tobs.outOfRange', { min, max })}
          </p>
        )}
      </div>
    );
  };
  return (
    <>
      {NUMERIC_FIELDS.slice(0, 3).map(numeric)}
      <div className="field">
        <label htmlFor={`${idPrefix}-site`}>{t('tobs.temperatureSite')}</label>
        <select id={`${idPrefix}-site`} value={draft.temperatureSite} onChange={(e) => onChange({ ...draft, temperatureSite: e.target.value as TobsMeasurement['temperatureSite'] })}>
          {TOBS_TEMPERATURE_SITES.map((site) => (
            <option key={site} value={site}>
              {t(`tobs.sites.${site}`)}
            </option>
          ))}
        </select>
      </div>
      {numeric('systolicMmHg')}
      <div className="field">
        <label htmlFor={`${idPrefix}-consciousness`}>{t('tobs.consciousness')}</label>
        <select
          id={`${idPrefix}-consciousness`}
          value={draft.consciousness}
          onChange={(e) => onChange({ ...draft, consciousness: e.target.value as TobsMeasurement['consciousness'] })}
        >
          {TOBS_CONSCIOUSNESS_LEVELS.map((level) => (
            <option key={level} value={level}>
              {t(`tobs.levels.${level}`)}
            </option>
          ))}
        </select>
      </div>
      {numeric('spo2Percent')}
      <div className="notice tobs-score" role="status" aria-live="polite">
        {reading.state === 'scored' ? (
          <>
            <strong>{t('tobs.score', { score: reading.score.total })}</strong>
            <p>{reading.response.text[language]}</p>
            {reading.score.measureRectally && <p>{t('tobs.measureRectally')}</p>}
          </>
        ) : (
          <p>{t('tobs.incomplete')}</p>
        )}
      </div>
    </>
  );
}
