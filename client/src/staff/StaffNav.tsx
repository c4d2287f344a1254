import { mayAdmit, maySeeAcuteBeds, type Actor } from '@samplan/shared';
import { useTranslation } from 'react-i18next';
import { useAuth, type StaffPrincipal } from '../app/auth.tsx';
import { Link } from '../app/Link.tsx';
import { pathOf, type Route } from '../app/router.ts';
import { asksForAcute, onAcuteTeam } from './acute/acuteRoles.ts';

/** The staff member as the access rules see them (the server decides; this only hides what it would refuse). */
function staffActorOf(staff: StaffPrincipal): Actor {
  return staff.geriatricTeam
    ? { kind: 'geriatric_team', userId: staff.staffId }
    : { kind: 'staff', userId: staff.staffId, organisationId: staff.organisation.id, sector: staff.organisation.sector };
}

/** The header's navigation for a signed-in staff member: their pages, who they are, sign out. */
export function StaffNav({ staff, route }: { staff: StaffPrincipal; route: Route }) {
  const { t } = useTranslation();
  const auth = useAuth();
  const current = (name: Route['name']) => (route.name === name ? 'page' : undefined);
  return (
    <nav className="staff-nav" aria-label={t('staffNav.mainNav')}>
      <Link href={pathOf({ name: 'day' })} aria-current={current('day')}>
        {t('staffNav.day')}
      </Link>
      {staff.geriatricTeam && (
        <Link href={pathOf({ name: 'advice' })} aria-current={current('advice')}>
          {t('staffNav.advice')}
        </Link>
      )}
      {(asksForAcute(staff) || onAcuteTeam(staff)) && (
        <Link href={pathOf({ name: 'acute' })} aria-current={current('acute')}>
          {t('acute.nav')}
        </Link>
      )}
      {mayAdmit(staffActorOf(staff)) && (
        <Link href={pathOf({ name: 'intake' })} aria-current={current('intake')}>
          {t('staffNav.intake')}
        </Link>
      )}
      {maySeeAcuteBeds({ staffId: staff.staffId, role: staff.role, organisationId: staff.organisation.id, sector: staff.organisation.sector }) && (
        <Link href={pathOf({ name: 'acuteBeds' })} aria-current={current('acuteBeds')}>
          {t('acuteBeds.nav')}
        </Link>
      )}
      {staff.administrator && (
        <Link href={pathOf({ name: 'admin' })} aria-current={current('admin')}>
          {t('admin.nav')}
        </Link>
      )}
      <span className="staff-who" title={staff.organisation.name}>
        {t('staffNav.signedInAs', { name: staff.name, role: t(`staffRoles.${staff.role}`) })}
      </span>
      <button type="button" className="button" onClick={() => void auth.signOut()}>
        {t('staffNav.signOut')}
      </button>
    </nav>
  );
}
