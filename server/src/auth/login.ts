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
 * nothing an attacker should learn.
 */
export async function loginStaff(deps: AuthDeps, input: z.output<typeof loginRequestSchema>): Promise<SignedSession> {
  const staff = await deps.db.staffUser.findUnique({ where: { login: input.login }, select: { id: true, passwordHash: true, deactivatedAt: true } });
  const matches = await verifyPassword(staff?.passwordHash ?? null, input.password);
  if (staff === null || !matches || staff.deactivatedAt !== null) throw new SamplanError('UNAUTHORIZED', 'The login or password is wrong.');
  return startSession(deps, { kind: 'staff', subject: staff.id });
}
