import { SamplanError } from '@samplan/shared';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/errorMessage.ts';
import { useAuth } from '../app/auth.tsx';

/** Staff sign-in. Guests never come here: their link signs them in. */
export function SignInPage() {
  const { t, i18n } = useTranslation();
  const auth = useAuth();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await auth.signIn({ login, password });
    } catch (caught) {
      // A wrong password is UNAUTHORIZED, whose general message is about meeting links.
      setError(caught instanceof SamplanError && caught.code === 'UNAUTHORIZED' ? t('signIn.wrong') : errorMessage(t, caught, i18n.language));
      setBusy(false);
    }
  }

  return (
    <form className="join staff-signin" onSubmit={submit}>
      <h1>{t('signIn.heading')}</h1>
      <p>{t('signIn.intro')}</p>
      <label className="join-label" htmlFor="login">
        {t('signIn.login')}
      </label>
      <input id="login" className="join-input" autoComplete="username" autoCapitalize="none" required value={login} onChange={(e) => setLogin(e.target.value)} />
      <label className="join-label" htmlFor="password">
        {t('signIn.password')}
      </label>
      <input
        id="password"
        className="join-input"
        type="password"
        autoComplete="current-password"
        required
        value={password}
        onChange={(e) => setPassword(e.target.value)}
      />
      {error && (
        <p className="error-notice" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="button button-primary join-submit" disabled={busy}>
        {busy ? t('signIn.submitting') : t('signIn.submit')}
      </button>
      <p className="join-hint">{t('signIn.demoHint')}</p>
      <p className="join-hint">{t('app.homeText')}</p>
    </form>
  );
}
