import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isValidName } from '../join/rememberedName.ts';

/** The name from the invitation, which the person may correct. */
export function NameStep({ initialName, onOk }: { initialName: string; onOk(name: string): void }) {
  const { t } = useTranslation();
  const [name, setName] = useState(initialName);
  const [invalid, setInvalid] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (isValidName(name)) onOk(name.trim());
    else setInvalid(true);
  };
  return (
    <form onSubmit={submit} noValidate className="guest-form">
      <label className="join-label" htmlFor="guest-name">
        {t('guest.name.label')}
      </label>
      <input
        id="guest-name"
        className="join-input"
        type="text"
        autoComplete="name"
        maxLength={60}
        value={name}
        onChange={(event) => {
          setName(event.target.value);
          setInvalid(false);
        }}
        aria-invalid={invalid}
        aria-describedby={invalid ? 'guest-name-hint guest-name-error' : 'guest-name-hint'}
      />
      <p id="guest-name-hint" className="join-hint">
        {t('guest.name.hint')}
      </p>
      {invalid && (
        <p id="guest-name-error" className="join-invalid">
          {t('guest.name.invalid')}
        </p>
      )}
      <div className="guest-actions">
        <button type="submit" className="button button-primary">
          {t('guest.name.ok')}
        </button>
      </div>
    </form>
  );
}
