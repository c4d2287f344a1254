/**
 * /set-password/<token>: a staff member chooses a password with the one-time
 * link an administrator gave them. No session: the link is the key. A used,
 * expired or deactivated link is named as such, with what to do.
 */
import { PASSWORD_MIN_LENGTH, SamplanError } from '@samplan/shared';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/endpoints.ts';
import { errorMessage } from '../api/errorMessage.ts';
import { Link } from '../app/Link.tsx';
import { Loading } from '../app/LoadStatus.tsx';
import { pathOf } from '../app/router.ts';
import { useLoad } from '../app/useLoad.ts';

export function SetPasswordPage({ linkToken }: { linkToken: string }) {
  const { t, i18n } = useTranslation();
  const loaded = useLoad(() => api.passwordLink(linkToken), linkToken);
  const [done, setDone] = useState(false);

  const linkProblem = (error: unknown) => (error instanceof SamplanError && (error.code === 'NOT_FOUND' || error.code === 'BAD_REQUEST') ? t('setPassword.unknown') : errorMessage(t, error, i18n.language));

  if (loaded.status === 'loading') return <Loading />;
  if (loaded.status === 'failed') {
    return (
      <section className="join">
        <h1>{t('setPassword.problemHeading')}</h1>
        <p className="error-notice" role="alert">
          {linkProblem(loaded.error)}
        </p>
      </section>
    );
  }
  const { name, login } = loaded.data;
  if (done) {
    return (
      <section className="join">
        <h1>{t('setPassword.heading')}</h1>
        <p role="status">{t('setPassword.done', { login })}</p>
        <Link className="button button-primary" href={pathOf({ name: 'signIn' })}>
          {t('setPassword.signIn')}
        </Link>
      </section>
    );
  }
  return <PasswordForm linkToken={linkToken} name={name} login={login} onDone={() => setDone(true)} linkProblem={linkProblem} />;
}

function PasswordForm({ linkToken, name, login, onDone, linkProblem }: { linkToken: string; name: string; login: string; onDone(): void; linkProblem(error: unknown): string }) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (password.length < PASSWORD_MIN_LENGTH) return setError(t('setPassword.tooShort', { min: PASSWORD_MIN_LENGTH }));
    if (password !== repeat) return setError(t('setPassword.different'));
    setBusy(true);
    setError(null);
    try {
      await api.setPassword(linkToken, { password });
      onDone();
    } catch (caught) {
      setError(linkProblem(caught));
      setBusy(false);
    }
  }

  return (
    <form className="join staff-signin" onSubmit={submit} noValidate>
      <h1>{t('setPassword.heading')}</h1>
      <p>{t('setPassword.greeting', { name, login })}</p>
      {/* Shown as a field so that a password manager files the new password under the right login. */}
      <label className="join-label" htmlFor="login">
        {t('signIn.login')}
      </label>
      <input id="login" className="join-input" autoComplete="username" readOnly value={login} />
      <label className="join-label" htmlFor="new-password">
        {t('setPassword.password')}
      </label>
      <input
        id="new-password"
        className="join-input"
        type="password"
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN_LENGTH}
        aria-describedby="password-rule"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
      />
      <p id="password-rule" className="join-hint">
        {t('setPassword.rule', { min: PASSWORD_MIN_LENGTH })}
      </p>
      <label className="join-label" htmlFor="repeat-password">
        {t('setPassword.repeat')}
      </label>
      <input id="repeat-password" className="join-input" type="password" autoComplete="new-password" required value={repeat} onChange={(e) => setRepeat(e.target.value)} />
      {error && (
        <p className="error-notice" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="button button-primary join-submit" disabled={busy}>
        {busy ? t('setPassword.submitting') : t('setPassword.submit')}
      </button>
    </form>
  );
}
