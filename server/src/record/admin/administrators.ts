import { SamplanError } from '@samplan/shared';
import type { DbTransaction } from '../../store/database.ts';

/**
 * After a change inside `tx`, the organisation must still have an active
 * administrator: otherwise nobody could manage its staff. The organisation's
 * row is locked first, so two administrators deactivating each other at the
 * same moment are taken one after the other and the second is refused.
 */
export async function keepAnAdministrator(tx: DbTransaction, organisationId: string): Promise<void> {
  await tx.$queryRaw`SELECT 1 FROM "Organisation" WHERE "id" = ${organisationId}::uuid FOR UPDATE`;
  const remaining = await tx.staffUser.count({ where: { organisationId, administrator: true, deactivatedAt: null } });
  if (remaining === 0) throw new SamplanError('LAST_ADMINISTRATOR', 'The organisation would have no active administrator left.');
}
