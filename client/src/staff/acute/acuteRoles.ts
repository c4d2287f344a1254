import { isOnAcuteTeam, mayRequestAcuteAssessment } from '@samplan/shared';
import type { StaffPrincipal } from '../../app/auth.tsx';

/** The staff member as the acute rules see them (shared/src/domain/acuteAccess.ts); the server decides, this only picks the screen. */
const refOf = (staff: StaffPrincipal) => ({ role: staff.role, sector: staff.organisation.sector, organisationId: staff.organisation.id });

export const asksForAcute = (staff: StaffPrincipal) => mayRequestAcuteAssessment(refOf(staff));
export const onAcuteTeam = (staff: StaffPrincipal) => isOnAcuteTeam(refOf(staff), staff.organisation.id);

