import { STAFF_ROLES, type CreateStaffRequest, type StaffMember, type StaffRole } from '@samplan/shared';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/errorMessage.ts';

/** Adds a colleague, or edits one (`editing`): name, login, clinical role, unit, administrator. */
export function StaffForm({ editing, onSave, onCancel }: { editing: StaffMember | null; onSave(request: CreateStaffRequest): Promise<void>; onCancel?(): void }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [name, setName] = useState(editing?.name ?? '');
  const [login, setLogin] = useState(editing?.login ?? '');
  const [role, setRole] = useState<StaffRole>(editing?.role ?? 'nurse');
  const [unit, setUnit] = useState(editing?.unit ?? '');
  const [administrator, setAdministrator] = useState(editing?.administrator ?? false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await onSave({ name, login, role, unit: unit.trim() === '' ? null : unit, administrator });
      if (editing === null) {
        setName('');
        setLogin('');
        setUnit('');
        setAdministrator(false);
      }
    } catch (caught) {
      setError(errorMessage(t, caught, i18n.language));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card" onSubmit={submit} aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{editing === null ? t('admin.addHeading') : t('admin.editHeading', { name: editing.name })}</h3>
      <div className="field">
        <label htmlFor={`${id}-name`}>{t('admin.name')}</label>
        <input id={`${id}-name`} autoComplete="off" required maxLength={120} value={name} onChange={(e) => setName(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-login`}>{t('admin.login')}</label>
        <input id={`${id}-login`} autoComplete="off" autoCapitalize="none" required maxLength={200} value={login} onChange={(e) => setLogin(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-role`}>{t('admin.role')}</label>
        <select id={`${id}-role`} value={role} onChange={(e) => setRole(e.target.value as StaffRole)}>
          {STAFF_ROLES.map((value) => (
            <option key={value} value={value}>
              {t(`staffRoles.${value}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-unit`}>{t('admin.unit')}</label>
        <input id={`${id}-unit`} autoComplete="off" maxLength={120} value={unit} onChange={(e) => setUnit(e.target.value)} aria-describedby={`${id}-unit-hint`} />
        <p id={`${id}-unit-hint`} className="plan-meta">
          {t('admin.unitHint')}
        </p>
      </div>
      <label className="check">
        <input type="checkbox" checked={administrator} onChange={(e) => setAdministrator(e.target.checked)} />
        <span>{t('admin.administrator')}</span>
      </label>
      {error && (
        <p className="error-notice" role="alert">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {editing === null ? t('admin.create') : t('admin.save')}
        </button>
        {onCancel && (
          <button type="button" className="button" onClick={onCancel}>
            {t('admin.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
