import type { CreatedSystemClient } from '@samplan/shared';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/endpoints.ts';
import { errorMessage } from '../../api/errorMessage.ts';
import { formatDateTime } from '../../app/format.ts';
import { LoadStatus } from '../../app/LoadStatus.tsx';
import { useLoad } from '../../app/useLoad.ts';
import { ShownOnce } from './ShownOnce.tsx';

/** The hospital systems that send FHIR for this organisation, each with its own key. */
export function SystemClientsSection() {
  const { t, i18n } = useTranslation();
  const loaded = useLoad(async () => (await api.systemClients()).systemClients, 'admin-system-clients');
  const [name, setName] = useState('');
  const [created, setCreated] = useState<CreatedSystemClient | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setCreated(await api.createSystemClient({ name, scopes: ['fhir:write'] }));
      setName('');
      loaded.reload();
    } catch (caught) {
      setError(errorMessage(t, caught, i18n.language));
    } finally {
      setBusy(false);
    }
  }

  async function deactivate(systemClientId: string, clientName: string) {
    if (!window.confirm(t('admin.confirmDeactivateSystem', { name: clientName }))) return;
    setError(null);
    try {
      await api.deactivateSystemClient(systemClientId);
    } catch (caught) {
      setError(errorMessage(t, caught, i18n.language));
    }
    loaded.reload();
  }

  return (
    <section className="card card-wide" aria-labelledby="admin-systems">
      <h2 id="admin-systems">{t('admin.systemHeading')}</h2>
      <p>{t('admin.systemIntro')}</p>
      {created && (
        <ShownOnce heading={t('admin.keyHeading', { name: created.systemClient.name })} text={t('admin.keyText')} value={created.key} onDone={() => setCreated(null)} />
      )}
      {loaded.status !== 'ok' ? (
        <LoadStatus loaded={loaded} onRetry={loaded.reload} />
      ) : loaded.data.length === 0 ? (
        <p>{t('admin.systemNone')}</p>
      ) : (
        <div className="table-scroll">
          <table className="audit admin-table">
            <thead>
              <tr>
                <th scope="col">{t('admin.systemTable.name')}</th>
                <th scope="col">{t('admin.systemTable.key')}</th>
                <th scope="col">{t('admin.systemTable.scopes')}</th>
                <th scope="col">{t('admin.systemTable.created')}</th>
                <th scope="col">{t('admin.systemTable.status')}</th>
                <th scope="col">{t('admin.systemTable.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {loaded.data.map((client) => (
                <tr key={client.id}>
                  <th scope="row">{client.name}</th>
                  <td>
                    <code>{client.keyPrefix}…</code>
                  </td>
                  <td>{client.scopes.join(', ')}</td>
                  <td>{t('admin.systemCreatedBy', { when: formatDateTime(client.createdAt, i18n.language), name: client.createdBy.name })}</td>
                  <td>{client.deactivatedAt === null ? t('admin.systemActive') : t('admin.systemDeactivated', { when: formatDateTime(client.deactivatedAt, i18n.language) })}</td>
                  <td>
                    {client.deactivatedAt === null && (
                      <button type="button" className="button button-small" aria-label={t('admin.deactivateNamed', { name: client.name })} onClick={() => void deactivate(client.id, client.name)}>
                        {t('admin.deactivate')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <form onSubmit={submit} aria-labelledby="admin-systems">
        <div className="field">
          <label htmlFor="system-name">{t('admin.systemName')}</label>
          <input id="system-name" autoComplete="off" required maxLength={120} value={name} onChange={(e) => setName(e.target.value)} aria-describedby="system-scope" />
          <p id="system-scope" className="plan-meta">
            {t('admin.systemScope')}
          </p>
        </div>
        {error && (
          <p className="error-notice" role="alert">
            {error}
          </p>
        )}
        <div className="actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {t('admin.systemCreate')}
          </button>
        </div>
      </form>
    </section>
  );
}
