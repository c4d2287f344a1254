import { maySeeAcuteBeds, type NotificationOf } from '@samplan/shared';
import type { StaffPrincipal } from '../auth/principal.ts';
import type { SignallingServer } from './socketTypes.ts';

/**
 * Everyone who may see the acute beds overview (shared/src/domain/acuteBedAccess.ts)
 * has their staff sockets in one Socket.IO room; through the Redis adapter a
 * change on one node reaches the overviews open on every node.
 */
export const ACUTE_BEDS_GROUP = 'acute-beds';

export function acuteBedGroupsOf(principal: StaffPrincipal): string[] {
  const { staffId, role, organisationId, sector } = principal;
  return maySeeAcuteBeds({ staffId, role, organisationId, sector }) ? [ACUTE_BEDS_GROUP] : [];
}

/** The overview reads itself again; the notice names the municipality, never a patient. */
export function noticeAcuteBedsChange(io: Pick<SignallingServer, 'to'>, municipalityId: string): void {
  const notice: NotificationOf<'acuteBeds:changed'> = { municipalityId };
  io.to(ACUTE_BEDS_GROUP).emit('acuteBeds:changed', notice);
}
