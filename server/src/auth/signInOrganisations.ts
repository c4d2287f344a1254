import type { SignInOrganisationsResponse } from '@samplan/shared';
import type { DbClient } from '../store/database.ts';

/** GET /api/auth/organisations: one "Log ind via …" button each on the sign-in page, by name. */
export async function signInOrganisations(db: DbClient): Promise<SignInOrganisationsResponse> {
  const organisations = await db.organisation.findMany({ where: { identityProvider: { isNot: null } }, select: { id: true, name: true }, orderBy: { name: 'asc' } });
  return { organisations };
}
