import { SamplanError, signInRefusalSchema, type SignInRefusal } from '@samplan/shared';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/endpoints.ts';
import { errorMessage } from '../api/errorMessage.ts';
import { useAuth } from '../app/auth.tsx';
import { useLoad } from '../app/useLoad.ts';

/** Why the last sign-in through an organisation's login came back without a session (the server's redirect says it in the address). */
function refusalInAddress(): SignInRefusal | null {
  const reason = signInRefusalSchema.safeParse(new URLSearchParams(window.location.search).get('signInRefused'));
  return reason.success ? reason.data : null;
}

/**
 * Staff sign-in: a button for each organisation that signs its staff in with
 * its own login (the nurse picks the name she knows), then username and
 * password. Guests never come here: their link signs them in.
 */
export function SignInPage() {
  const { t, i18n } = useTranslation();
  const auth = useAuth();
  const [refused] = useState(refusalInAddress);
  const organisations = useLoad(() => api.signInOrganisations(), 'sign-in-organisations');
  useEffect(() => {
    // Said once: a reload or a bookmark must not repeat an old refusal.
    if (refused !== null) window.history.replaceState(null, '', window.location.pathname);
  }, [refused]);
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
      {refused !== null && (
        <div className="error-notice" role="alert">
          <h2>{t('signIn.refusedHeading')}</h2>
          <p>{t(`signIn.refused.${refused}`)}</p>
        </div>
      )}
      {organisations.status === 'ok' && organisations.data.organisations.length > 0 && (
        <section aria-labelledby="sign-in-via">
          <h2 id="sign-in-via">{t('signIn.viaHeading')}</h2>
          <ul className="sign-in-organisations">
            {organisations.data.organisations.map((organisation) => (
              <li key={organisation.id}>
                <a className="button button-primary link-button" href={`/api/auth/oidc/start?organisation=${encodeURIComponent(organisation.id)}`}>
                  {t('signIn.via', { organisation: organisation.name })}
                </a>
              </li>
            ))}
          </ul>
          <h2>{t('signIn.orPassword')}</h2>
        </section>
      )}
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
