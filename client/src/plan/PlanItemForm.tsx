import type { TFunction } from 'i18next';
import type { PlanSection } from '@samplan/shared';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SECTION_FIELDS, type FormValues } from './planFields.ts';

type PlanItemFormProps = {
  section: PlanSection;
  initial: FormValues;
  submitLabel: string;
  onSubmit(values: FormValues): void;
  onCancel?(): void;
};

/** The fields of one plan item, each with a visible label; required ones are marked for screen readers too. */
export function PlanItemForm({ section, initial, submitLabel, onSubmit, onCancel }: PlanItemFormProps) {
  const { t } = useTranslation();
  const [values, setValues] = useState(initial);
  const formId = useId();

  function submit(event: FormEvent) {
    event.preventDefault();
    onSubmit(values);
  }

  return (
    <form className="plan-form" onSubmit={submit}>
      {SECTION_FIELDS[section].map((field, index) => {
        // Opened by a button press: the keyboard goes on in the form's first field.
        const autoFocus = index === 0;
        const id = `${formId}-${field.key}`;
        const label = t(`plan.fields.${field.key.replace('.', '_') as 'text'}`);
        const value = values[field.key] ?? '';
        const set = (next: string) => setValues((current) => ({ ...current, [field.key]: next }));
        return (
          <div className="field" key={field.key}>
            <label htmlFor={id}>{label}</label>
            {field.kind === 'select' ? (
              <select id={id} value={value} autoFocus={autoFocus} onChange={(e) => set(e.target.value)}>
                {field.options?.map((option) => (
                  <option key={option} value={option}>
                    {optionLabel(t, field.key, option)}
                  </option>
                ))}
              </select>
            ) : field.kind === 'longText' ? (
              <textarea id={id} value={value} autoFocus={autoFocus} required={!field.optional} rows={2} onChange={(e) => set(e.target.value)} />
            ) : (
              <input
                id={id}
                type={field.kind === 'dateTime' ? 'datetime-local' : field.key === 'phone' ? 'tel' : 'text'}
                value={value}
                autoFocus={autoFocus}
                required={!field.optional}
                onChange={(e) => set(e.target.value)}
              />
            )}
          </div>
        );
      })}
      <div className="actions">
        <button type="submit" className="button button-primary">
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="button" onClick={onCancel}>
            {t('plan.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}

function optionLabel(t: TFunction, key: string, option: string): string {
  if (key === 'responsible.role') return t(`roles.${option as 'patient'}`);
  return t(`plan.values.${option as 'open'}`);
}
