/**
 * An administrator's page: their own organisation's staff (with the links
 * they set a password with), the systems that send it FHIR and, in a
 * municipality, its acute team's hours. Others never
 * see the link to it, and the server refuses them anyway.
 */
import { useTranslation } from 'react-i18next';
import { useStaff } from '../../app/auth.tsx';
import { AcuteServiceSection } from './AcuteServiceSection.tsx';
import { StaffSection } from './StaffSection.tsx';
import { SystemClientsSection } from './SystemClientsSection.tsx';

export function AdminPage() {
  const { t } = useTranslation();
  const me = useStaff();
  return (
    <div className="staff-page admin">
      <h1>{t('admin.heading')}</h1>
      <p>{t('admin.organisation', { organisation: me.organisation.name })}</p>
      {me.administrator ? (
        <div className="day-grid">
          <StaffSection />
          <SystemClientsSection />
          {me.organisation.sector === 'municipality' && <AcuteServiceSection />}
        </div>
      ) : (
        <p className="error-notice" role="alert">
          {t('admin.notAdministrator')}
        </p>
      )}
    </div>
  );
}
