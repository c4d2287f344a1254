import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '@samplan/server/store/database.ts';
import { createEmptyDatabase, type EmptyDatabase } from '../support/database-targets.ts';
import { run, SLOW_TEST_TIMEOUT_MS } from '../support/processes.ts';

// The operator sets an organisation's identity provider and switches its
// password sign-in off and on with `npm run admin`, beside running servers
// (PostgreSQL; the embedded database's command line is tested in
// api/staff-admin.test.ts).

const CLI = fileURLToPath(new URL('../../server/src/cli/admin.ts', import.meta.url));
const runCli = (url: string, args: string[]) =>
  run(process.execPath, ['--import', 'tsx', CLI, ...args], { env: { DATABASE_URL: url, NODE_ENV: 'development', PUBLIC_URL: 'https://samplan.example.dk', HOST: '', PORT: '' } });

describe('the sign-in commands of the operator\'s command line', () => {
  vi.setConfig({ testTimeout: SLOW_TEST_TIMEOUT_MS });
  let database: EmptyDatabase;
  beforeAll(async () => {
    database = await createEmptyDatabase('postgres');
    const created = await runCli(database.url, ['create-organisation', '--name', 'Regionshospitalet Anden, M2', '--sector', 'hospital_ward', '--sor', '700000000002']);
    expect(created.status, created.stderr).toBe(0);
  });
  afterAll(() => database?.dispose());

  it('sets the provider by SOR code, keeps only the secret\'s variable name, and guards the way in', async () => {
    const passwordOffFirst = await runCli(database.url, ['password-sign-in', '--organisation', '700000000002', '--off']);
    expect(passwordOffFirst.status).toBe(1);
    expect(passwordOffFirst.stderr).toContain('has no identity provider');

    const plainHttp = await runCli(database.url, ['identity-provider', '--organisation', '700000000002', '--issuer', 'http://login.region.example', '--client-id', 'samplan']);
    expect(plainHttp.status).toBe(2);
    expect(plainHttp.stderr).toContain('--issuer: must be an https URL');

    const set = await runCli(database.url, [
      'identity-provider', '--organisation', 'Regionshospitalet Anden, M2', '--issuer', 'https://login.region.example/realms/rm', '--client-id', 'samplan', '--client-secret-env', 'M2_OIDC_SECRET',
    ]);
    expect(set.status, set.stderr).toBe(0);
    expect(set.stdout).toContain('Register this redirect URI with the provider: https://samplan.example.dk/api/auth/oidc/callback');
    expect(set.stdout).toContain('read from M2_OIDC_SECRET');

    const off = await runCli(database.url, ['password-sign-in', '--organisation', '700000000002', '--off']);
    expect(off.status, off.stderr).toBe(0);
    const removeWhileOff = await runCli(database.url, ['identity-provider', '--organisation', '700000000002', '--remove']);
    expect(removeWhileOff.status).toBe(1);
    expect(removeWhileOff.stderr).toContain('switch it on first');

    const db = await openDatabase(database.url);
    try {
      const organisation = await db.prisma.organisation.findUniqueOrThrow({ where: { sorCode: '700000000002' }, include: { identityProvider: true } });
      expect(organisation.passwordSignIn).toBe(false);
      expect(organisation.identityProvider).toMatchObject({ issuer: 'https://login.region.example/realms/rm', clientId: 'samplan', clientSecretEnv: 'M2_OIDC_SECRET', loginClaim: 'email' });
      const audit = await db.prisma.auditEvent.findMany({ where: { resourceId: organisation.id, via: { in: ['cli admin identity-provider', 'cli admin password-sign-in'] } }, orderBy: { at: 'asc' } });
      expect(audit.map((row) => [row.actorKind, row.action, row.resourceType, row.outcome])).toEqual([
        ['system', 'update', 'IdentityProvider', 'ok'],
        ['system', 'update', 'Organisation', 'ok'],
      ]);
    } finally {
      await db.close();
    }
  });
});
