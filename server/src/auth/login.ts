import { type loginRequestSchema, SamplanError } from '@samplan/shared';
import type { z } from 'zod';
import type { Clock } from '../record/clock.ts';
import type { DbClient } from '../store/database.ts';
import { verifyPassword } from './password.ts';
import { type SignedSession, startSession } from './sessions.ts';

export interface AuthDeps {
  db: DbClient;
  secret: string;
  now: Clock;
}

/**
 * POST /api/auth/login. Unknown login, wrong password and deactivated account
 * get the same answer in about the same time: which of them it was is
 * nothing an attacker should learn. Staff of an organisation that signs in
 * through its identity provider only are sent there, whatever the password:
 * they may not even know an old one.
 */
export async function loginStaff(deps: AuthDeps, input: z.output<typeof loginRequestSchema>): Promise<SignedSession> {
  const staff = await deps.db.staffUser.findUnique({ where: { login: input.login }, select: { id: true, passwordHash: true, deactivatedAt: true, organisation: { select: { passwordSignIn: true } } } });
  if (staff !== null && !staff.organisation.passwordSignIn) throw new SamplanError('PASSWORD_SIGN_IN_OFF', 'This organisation signs its staff in through its own identity provider: use "Log ind via" with its name.');
  const matches = await verifyPassword(staff?.passwordHash ?? null, input.password);
  if (staff === null || !matches || staff.deactivatedAt !== null) throw new SamplanError('UNAUTHORIZED', 'The login or password is wrong.');
  return startSession(deps, { kind: 'staff', subject: staff.id });
}
