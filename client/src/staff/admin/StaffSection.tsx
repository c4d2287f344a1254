import type { IssuedPasswordLink, StaffMember } from '@samplan/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/endpoints.ts';
import { errorMessage } from '../../api/errorMessage.ts';
import { formatDateTime } from '../../app/format.ts';
import { LoadStatus } from '../../app/LoadStatus.tsx';
import { useLoad } from '../../app/useLoad.ts';
import { ShownOnce } from './ShownOnce.tsx';
import { StaffForm } from './StaffForm.tsx';

type Issued = { name: string; link: IssuedPasswordLink };

/** The organisation's staff: add, edit, send a set-password link, deactivate a link or a person. */
export function StaffSection() {
  const { t, i18n } = useTranslation();
  const loaded = useLoad(async () => (await api.staff()).staff, 'admin-staff');
  const [editing, setEditing] = useState<StaffMember | null>(null);
  const [issued, setIssued] = useState<Issued | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  const act = async (work: () => Promise<string | null>) => {
    setMessage(null);
    try {
      const text = await work();
      if (text !== null) setMessage({ text, error: false });
    } catch (caught) {
      setMessage({ text: errorMessage(t, caught, i18n.language), error: true });
    }
    loaded.reload();
  };

  const issueLink = (member: StaffMember) =>
    act(async () => {
      setIssued({ name: member.name, link: await api.issuePasswordLink(member.id) });
      return null;
    });

  return (
    <section className="card card-wide" aria-labelledby="admin-staff">
      <h2 id="admin-staff">{t('admin.staffHeading')}</h2>
      {issued && (
        <ShownOnce
          heading={t('admin.linkHeading', { name: issued.name })}
          text={t('admin.linkText', { name: issued.name, when: formatDateTime(issued.link.link.expiresAt, i18n.language) })}
          value={`${window.location.origin}${issued.link.path}`}
          onDone={() => setIssued(null)}
        />
      )}
      {message && (
        <p className={message.error ? 'error-notice' : 'notice'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
      {loaded.status !== 'ok' ? (
        <LoadStatus loaded={loaded} onRetry={loaded.reload} />
      ) : (
        <div className="table-scroll">
          <table className="audit admin-table">
            <thead>
              <tr>
                <th scope="col">{t('admin.table.name')}</th>
                <th scope="col">{t('admin.table.login')}</th>
                <th scope="col">{t('admin.table.role')}</th>
                <th scope="col">{t('admin.table.unit')}</th>
                <th scope="col">{t('admin.table.status')}</th>
                <th scope="col">{t('admin.table.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {loaded.data.map((member) => (
                <tr key={member.id}>
                  <th scope="row">{member.name}</th>
                  <td>{member.login}</td>
                  <td>{t(`staffRoles.${member.role}`)}</td>
                  <td>{member.unit ?? ''}</td>
                  <td>
                    <StaffStatus member={member} />
                  </td>
                  <td>
                    {member.deactivatedAt === null && (
                      <span className="actions-inline">
                        <button type="button" className="button button-small" aria-label={t('admin.editNamed', { name: member.name })} onClick={() => setEditing(member)}>
                          {t('admin.edit')}
                        </button>
                        <button type="button" className="button button-small" aria-label={t('admin.issueLinkNamed', { name: member.name })} onClick={() => void issueLink(member)}>
                          {t('admin.issueLink')}
                        </button>
                        {member.openPasswordLink && (
                          <button
                            type="button"
                            className="button button-small"
                            aria-label={t('admin.revokeLinkNamed', { name: member.name })}
                            onClick={() =>
                              void act(async () => {
                                await api.revokePasswordLink(member.openPasswordLink!.id);
                                return t('admin.linkRevoked', { name: member.name });
                              })
                            }
                          >
                            {t('admin.revokeLink')}
                          </button>
                        )}
                        <button
                          type="button"
                          className="button button-small"
                          aria-label={t('admin.deactivateNamed', { name: member.name })}
                          onClick={() => {
                            if (!window.confirm(t('admin.confirmDeactivate', { name: member.name }))) return;
                            void act(async () => {
                              await api.deactivateStaff(member.id);
                              return t('admin.deactivated', { name: member.name });
                            });
                          }}
                        >
                          {t('admin.deactivate')}
                        </button>
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {editing === null ? (
        <StaffForm
          key="new"
          editing={null}
          onSave={async (request) => {
            const { staffMember } = await api.createStaff(request);
            setMessage({ text: t('admin.created', { name: staffMember.name }), error: false });
            loaded.reload();
          }}
        />
      ) : (
        <StaffForm
          key={editing.id}
          editing={editing}
          onCancel={() => setEditing(null)}
          onSave={async (request) => {
            const { staffMember } = await api.updateStaff(editing.id, request);
            setEditing(null);
            setMessage({ text: t('admin.saved', { name: staffMember.name }), error: false });
            loaded.reload();
          }}
        />
      )}
    </section>
  );
}

function StaffStatus({ member }: { member: StaffMember }) {
  const { t, i18n } = useTranslation();
  if (member.deactivatedAt !== null) return <>{t('admin.status.deactivated', { when: formatDateTime(member.deactivatedAt, i18n.language) })}</>;
  return (
    <>
      {member.administrator ? t('admin.status.administrator') : t('admin.status.active')}
      {!member.hasPassword && (
        <>
          <br />
          {t('admin.status.noPassword')}
        </>
      )}
      {member.openPasswordLink && (
        <>
          <br />
          {t('admin.status.linkOpen', { when: formatDateTime(member.openPasswordLink.expiresAt, i18n.language) })}
        </>
      )}
    </>
  );
}
