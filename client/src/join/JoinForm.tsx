import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../room/ErrorNotice.tsx';
import type { UiErrorCode } from '../uiError.ts';
import { isValidName, rememberName, rememberedName } from './rememberedName.ts';

type JoinFormProps = {
  onJoin(displayName: string): void;
  /** Why the last attempt failed, if it did. */
  error: UiErrorCode | null;
  heading?: string;
};

export function JoinForm({ onJoin, error, heading }: JoinFormProps) {
  const { t } = useTranslation();
  const [name, setName] = useState(() => rememberedName(window.localStorage));
  const [showInvalid, setShowInvalid] = useState(false);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!isValidName(name)) {
      setShowInvalid(true);
      return;
    }
    rememberName(window.localStorage, name);
    onJoin(name.trim());
  }

  return (
    <form className="join" onSubmit={submit} noValidate>
      <h1>{heading ?? t('join.heading')}</h1>
      <label className="join-label" htmlFor="display-name">
        {t('join.nameLabel')}
      </label>
      <input
        id="display-name"
        className="join-input"
        type="text"
        autoComplete="name"
        autoFocus
        maxLength={60}
        value={name}
        onChange={(event) => {
          setName(event.target.value);
          setShowInvalid(false);
        }}
        aria-invalid={showInvalid}
        aria-describedby={showInvalid ? 'display-name-hint display-name-error' : 'display-name-hint'}
      />
      <p id="display-name-hint" className="join-hint">
        {t('join.nameHint')}
      </p>
      {showInvalid && (
        <p id="display-name-error" className="join-invalid">
          {t('join.nameInvalid')}
        </p>
      )}
      {error && <ErrorNotice code={error} />}
      <button type="submit" className="button button-primary join-submit">
        {t('join.submit')}
      </button>
    </form>
  );
}
