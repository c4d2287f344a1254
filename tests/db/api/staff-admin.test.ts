import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createOrganisation } from '@samplan/server/record/organisations/createOrganisation.ts';
import { openDatabase } from '@samplan/server/store/database.ts';
import { createEmptyDatabase, DATABASE_KINDS, type EmptyDatabase } from '../../support/database-targets.ts';
import { run, SLOW_TEST_TIMEOUT_MS } from '../../support/processes.ts';
import { type ApiClient, type ApiServer, SCENARIO_NOW, startApiServer } from './harness.ts';

// Staff and organisations from an empty database: no demo seed. The operator
// makes the organisations and their first administrators (as the command line
// does); everything after goes through the API.

const PASSWORD = 'en lang sætning som adgangskode';
const HOUR = 3_600_000;
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const tokenOf = (path: string) => path.slice('/set-password/'.length);

describe.each(DATABASE_KINDS)('staff administration on %s', (kind) => {
  let server: ApiServer;
  let wardAdmin: ApiClient;
  let townAdmin: ApiClient;
  let wardId: string;
  let wardAdminId: string;

  /** An organisation and its administrator, signed in after setting a password through the operator's link. */
  const bootstrap = async (name: string, sector: 'hospital_ward' | 'municipal_unit', login: string) => {
    const db = server.fresh.db.prisma;
    const created = await createOrganisation(db, server.clock.now(), { name, sector, administrator: { name: `Admin of ${name}`, login, role: 'nurse' } }, 'test bootstrap');
    const token = tokenOf(created.administrator!.link.path);
    expect((await server.client().post(`/password-links/${token}`, { password: PASSWORD })).status).toBe(204);
    return { organisationId: created.organisationId, staffId: created.administrator!.staffId, client: await server.login(login, PASSWORD) };
  };

  /** A colleague made by an administrator, with a password set through the link. */
  const colleague = async (admin: ApiClient, login: string, extra: Record<string, unknown> = {}) => {
    const created = await admin.post('/admin/staff', { name: `Kollega ${login}`, login, role: 'nurse', ...extra });
    expect(created.status, created.text).toBe(201);
    const link = await admin.post(`/admin/staff/${created.body.staffMember.id}/password-links`);
    expect(link.status, link.text).toBe(201);
    expect((await server.client().post(`/password-links/${link.body.token}`, { password: PASSWORD })).status).toBe(204);
    return { id: created.body.staffMember.id as string, client: await server.login(login, PASSWORD) };
  };

  beforeAll(async () => {
    server = await startApiServer(kind, { seedDemo: false });
    expect(await server.fresh.db.prisma.staffUser.count()).toBe(0);
    const ward = await bootstrap('Regionshospitalet Test, Medicinsk Afdeling', 'hospital_ward', 'admin@ward.test');
    const town = await bootstrap('Testrup Kommune, Hjemmeplejen', 'municipal_unit', 'admin@town.test');
    wardAdmin = ward.client;
    townAdmin = town.client;
    wardId = ward.organisationId;
    wardAdminId = ward.staffId;
  });
  afterAll(() => server?.close());
  afterEach(() => server.clock.set(SCENARIO_NOW));

  it('tells an administrator by the session, and lists organisations to any staff member by sector', async () => {
    const me = await wardAdmin.get('/auth/me');
    expect(me.body.principal).toMatchObject({ kind: 'staff', administrator: true, organisation: { id: wardId, sector: 'hospital' } });
    const nurse = await colleague(wardAdmin, 'picker@ward.test');
    expect((await nurse.client.get('/auth/me')).body.principal.administrator).toBe(false);
    const municipalities = await nurse.client.get('/organisations?sector=municipality');
    expect(municipalities.status).toBe(200);
    expect(municipalities.body.organisations).toEqual([{ id: expect.any(String), name: 'Testrup Kommune, Hjemmeplejen', sector: 'municipality' }]);
    expect((await nurse.client.get('/organisations')).body.organisations.map((o: { name: string }) => o.name)).toEqual([
      'Regionshospitalet Test, Medicinsk Afdeling',
      'Testrup Kommune, Hjemmeplejen',
    ]);
    expect((await nurse.client.get('/organisations?sector=hospital_ward')).status).toBe(400);
    expect((await server.client().get('/organisations')).status).toBe(401);
  });

  it('creates, edits and lists staff of the own organisation, audited', async () => {
    const created = await wardAdmin.post('/admin/staff', { name: 'Hanne Ny', login: ' Hanne.Ny@Ward.Test ', role: 'discharge_coordinator', unit: 'Afsnit M3' });
    expect(created.status, created.text).toBe(201);
    const id = created.body.staffMember.id;
    expect(created.body.staffMember).toEqual({
      id,
      name: 'Hanne Ny',
      login: 'hanne.ny@ward.test',
      role: 'discharge_coordinator',
      unit: 'Afsnit M3',
      administrator: false,
      hasPassword: false,
      deactivatedAt: null,
      openPasswordLink: null,
    });
    // No password yet: nobody signs in to the account until its person chooses one.
    expect((await server.client().post('/auth/login', { login: 'hanne.ny@ward.test', password: '' })).status).toBe(400);
    expect((await server.client().post('/auth/login', { login: 'hanne.ny@ward.test', password: 'anything-at-all' })).status).toBe(401);

    const edited = await wardAdmin.put(`/admin/staff/${id}`, { name: 'Hanne Ny Bech', login: 'hanne.ny@ward.test', role: 'nurse', unit: null, administrator: false });
    expect(edited.status, edited.text).toBe(200);
    expect(edited.body.staffMember).toMatchObject({ name: 'Hanne Ny Bech', role: 'nurse', unit: null });

    const taken = await wardAdmin.post('/admin/staff', { name: 'Anden Hanne', login: 'HANNE.NY@ward.test', role: 'nurse' });
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe('LOGIN_TAKEN');
    expect((await wardAdmin.put(`/admin/staff/${id}`, { name: 'x', login: 'admin@town.test', role: 'nurse' })).body.error.code).toBe('LOGIN_TAKEN');

    const list = await wardAdmin.get('/admin/staff');
    expect(list.status).toBe(200);
    expect(list.body.staff.map((member: { login: string }) => member.login)).toContain('hanne.ny@ward.test');
    expect(list.body.staff.map((member: { login: string }) => member.login)).not.toContain('admin@town.test');
    expect(list.text).not.toContain('passwordHash');

    const audit = await server.fresh.db.prisma.auditEvent.findMany({ where: { resourceType: 'StaffUser', resourceId: id, outcome: 'ok' }, orderBy: { action: 'asc' } });
    expect(audit.map((row) => [row.action, row.actorKind, row.actorId, row.via])).toEqual([
      ['create', 'staff', wardAdminId, 'POST /api/admin/staff'],
      ['update', 'staff', wardAdminId, 'PUT /api/admin/staff/:staffId'],
    ]);
  });

  it('refuses a staff member who is no administrator, and audits the refusal', async () => {
    const nurse = await colleague(wardAdmin, 'plain@ward.test');
    const target = (await wardAdmin.get('/admin/staff')).body.staff[0].id;
    const attempts = [
      nurse.client.get('/admin/staff'),
      nurse.client.post('/admin/staff', { name: 'Sneaky', login: 'sneaky@ward.test', role: 'nurse' }),
      nurse.client.put(`/admin/staff/${target}`, { name: 'x', login: 'x@ward.test', role: 'nurse' }),
      nurse.client.post(`/admin/staff/${target}/deactivate`),
      nurse.client.post(`/admin/staff/${target}/password-links`),
      nurse.client.get('/admin/system-clients'),
      nurse.client.post('/admin/system-clients', { name: 'EPJ' }),
    ];
    for (const answer of await Promise.all(attempts)) {
      expect(answer.status, answer.text).toBe(403);
      expect(answer.body.error.code).toBe('FORBIDDEN');
    }
    const denied = await server.fresh.db.prisma.auditEvent.count({ where: { actorId: nurse.id, outcome: 'denied' } });
    expect(denied).toBe(attempts.length);
    expect(await server.fresh.db.prisma.staffUser.count({ where: { login: 'sneaky@ward.test' } })).toBe(0);
  });

  it("refuses an administrator of another organisation as if the staff member did not exist", async () => {
    const nurse = await colleague(wardAdmin, 'other-org@ward.test');
    const answers = await Promise.all([
      townAdmin.put(`/admin/staff/${nurse.id}`, { name: 'Taken over', login: 'other-org@ward.test', role: 'nurse' }),
      townAdmin.post(`/admin/staff/${nurse.id}/deactivate`),
      townAdmin.post(`/admin/staff/${nurse.id}/password-links`),
    ]);
    for (const answer of answers) expect(answer.status, answer.text).toBe(404);
    expect((await nurse.client.get('/auth/me')).status).toBe(200);
    const row = await server.fresh.db.prisma.staffUser.findUniqueOrThrow({ where: { id: nurse.id }, include: { passwordLinks: true } });
    expect(row).toMatchObject({ name: 'Kollega other-org@ward.test', deactivatedAt: null });
    expect(row.passwordLinks).toHaveLength(1);
    expect((await townAdmin.get('/admin/staff')).body.staff.map((member: { id: string }) => member.id)).not.toContain(nurse.id);
  });

  it('issues a set-password link shown once, stored as its hash, that works once', async () => {
    const created = await wardAdmin.post('/admin/staff', { name: 'Jens Link', login: 'jens@ward.test', role: 'doctor' });
    const issued = await wardAdmin.post(`/admin/staff/${created.body.staffMember.id}/password-links`);
    expect(issued.status).toBe(201);
    expect(issued.body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(issued.body.path).toBe(`/set-password/${issued.body.token}`);
    expect(issued.body.link.expiresAt).toBe(new Date(SCENARIO_NOW.getTime() + 72 * HOUR).toISOString());
    const stored = await server.fresh.db.prisma.passwordSetLink.findUniqueOrThrow({ where: { id: issued.body.link.id } });
    expect(stored.tokenHash).toBe(sha256(issued.body.token));
    expect(JSON.stringify(stored)).not.toContain(issued.body.token);
    const listed = await wardAdmin.get('/admin/staff');
    expect(listed.text).not.toContain(issued.body.token);
    expect(listed.body.staff.find((member: { login: string }) => member.login === 'jens@ward.test').openPasswordLink).toEqual(issued.body.link);

    const page = await server.client().get(`/password-links/${issued.body.token}`);
    expect(page.status).toBe(200);
    expect(page.body).toEqual({ name: 'Jens Link', login: 'jens@ward.test', expiresAt: issued.body.link.expiresAt });
    const tooShort = await server.client().post(`/password-links/${issued.body.token}`, { password: 'kort' });
    expect(tooShort.status).toBe(400);
    expect(tooShort.body.error.issues).toEqual([{ path: 'password', message: expect.any(String) }]);

    expect((await server.client().post(`/password-links/${issued.body.token}`, { password: PASSWORD })).status).toBe(204);
    expect((await server.client().post('/auth/login', { login: 'jens@ward.test', password: PASSWORD })).status).toBe(200);
    for (const again of [server.client().get(`/password-links/${issued.body.token}`), server.client().post(`/password-links/${issued.body.token}`, { password: `${PASSWORD}!` })]) {
      const answer = await again;
      expect(answer.status).toBe(410);
      expect(answer.body.error.code).toBe('PASSWORD_LINK_USED');
    }
    expect((await server.client().post('/auth/login', { login: 'jens@ward.test', password: `${PASSWORD}!` })).status).toBe(401);
    expect((await server.client().get(`/password-links/${'A'.repeat(43)}`)).status).toBe(404);
    expect((await wardAdmin.post(`/admin/password-links/${issued.body.link.id}/revoke`)).body.error.code).toBe('PASSWORD_LINK_USED');
  });

  it('refuses an expired link, a revoked link and a link replaced by a newer one, each by name', async () => {
    const { body } = await wardAdmin.post('/admin/staff', { name: 'Kirsten Links', login: 'kirsten@ward.test', role: 'therapist' });
    const issue = async () => (await wardAdmin.post(`/admin/staff/${body.staffMember.id}/password-links`)).body;
    const refusalOf = async (token: string) => (await server.client().post(`/password-links/${token}`, { password: PASSWORD })).body.error.code;

    const expiring = await issue();
    server.clock.set(new Date(SCENARIO_NOW.getTime() + 72 * HOUR + 1));
    expect(await refusalOf(expiring.token)).toBe('PASSWORD_LINK_EXPIRED');
    server.clock.set(SCENARIO_NOW);

    const revoked = await issue();
    expect(await refusalOf(expiring.token)).toBe('PASSWORD_LINK_REVOKED');
    expect((await wardAdmin.post(`/admin/password-links/${revoked.link.id}/revoke`)).status).toBe(204);
    expect(await refusalOf(revoked.token)).toBe('PASSWORD_LINK_REVOKED');
    expect((await server.client().get(`/password-links/${revoked.token}`)).status).toBe(410);
    expect((await townAdmin.post(`/admin/password-links/${revoked.link.id}/revoke`)).status).toBe(404);

    const audit = await server.fresh.db.prisma.auditEvent.findMany({ where: { resourceType: 'PasswordSetLink', resourceId: revoked.link.id } });
    expect(audit.map((row) => `${row.action} ${row.outcome}`).sort()).toEqual(['create ok', 'read denied', 'revoke denied', 'revoke ok', 'use denied']);
    expect(await server.fresh.db.prisma.staffUser.findUniqueOrThrow({ where: { id: body.staffMember.id } }).then((row) => row.passwordHash)).toBe('');
  });

  it("ends the person's open sessions when a link sets a new password", async () => {
    const nurse = await colleague(wardAdmin, 'forgot@ward.test');
    const link = await wardAdmin.post(`/admin/staff/${nurse.id}/password-links`);
    expect((await server.client().post(`/password-links/${link.body.token}`, { password: `ny ${PASSWORD}` })).status).toBe(204);
    expect((await nurse.client.get('/auth/me')).status).toBe(401);
    expect((await server.client().post('/auth/login', { login: 'forgot@ward.test', password: PASSWORD })).status).toBe(401);
    expect((await server.client().post('/auth/login', { login: 'forgot@ward.test', password: `ny ${PASSWORD}` })).status).toBe(200);
  });

  it('deactivates staff: the open session ends, sign-in and their links are refused', async () => {
    const nurse = await colleague(wardAdmin, 'leaving@ward.test');
    const pending = await wardAdmin.post(`/admin/staff/${nurse.id}/password-links`);
    const answer = await wardAdmin.post(`/admin/staff/${nurse.id}/deactivate`);
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body.staffMember).toMatchObject({ deactivatedAt: SCENARIO_NOW.toISOString(), openPasswordLink: null });
    expect(await server.fresh.db.prisma.authSession.count({ where: { staffUserId: nurse.id } })).toBe(0);
    expect((await nurse.client.get('/auth/me')).status).toBe(401);
    expect((await server.client().post('/auth/login', { login: 'leaving@ward.test', password: PASSWORD })).status).toBe(401);
    expect((await server.client().post(`/password-links/${pending.body.token}`, { password: PASSWORD })).body.error.code).toBe('PASSWORD_LINK_REVOKED');
    expect((await wardAdmin.post(`/admin/staff/${nurse.id}/password-links`)).status).toBe(409);
    expect((await wardAdmin.post(`/admin/staff/${nurse.id}/deactivate`)).status).toBe(409);
    const listed = (await wardAdmin.get('/admin/staff')).body.staff as Array<{ id: string; deactivatedAt: string | null }>;
    expect(listed.at(-1)?.deactivatedAt).not.toBeNull();
  });

  it('keeps an active administrator: the last one can neither leave nor step down', async () => {
    const self = await townAdmin.post(`/admin/staff/${(await townAdmin.get('/auth/me')).body.principal.staffId}/deactivate`);
    expect(self.status).toBe(409);
    expect(self.body.error.code).toBe('LAST_ADMINISTRATOR');
    const me = (await townAdmin.get('/auth/me')).body.principal;
    const stepDown = await townAdmin.put(`/admin/staff/${me.staffId}`, { name: me.name, login: 'admin@town.test', role: 'nurse', administrator: false });
    expect(stepDown.body.error.code).toBe('LAST_ADMINISTRATOR');
    expect((await townAdmin.get('/auth/me')).body.principal.administrator).toBe(true);

    const successor = await colleague(townAdmin, 'successor@town.test', { administrator: true });
    expect((await townAdmin.post(`/admin/staff/${me.staffId}/deactivate`)).status).toBe(200);
    expect((await townAdmin.get('/auth/me')).status).toBe(401);
    expect((await successor.client.post(`/admin/staff/${successor.id}/deactivate`)).body.error.code).toBe('LAST_ADMINISTRATOR');
    townAdmin = successor.client;
  });

  it('registers a system client: the key is shown once and only its hash is stored; deactivated, it stays listed', async () => {
    const created = await wardAdmin.post('/admin/system-clients', { name: 'Sundhedsplatformen ADT' });
    expect(created.status, created.text).toBe(201);
    const { key, systemClient } = created.body;
    expect(key).toMatch(/^spk_[A-Za-z0-9_-]{43}$/);
    expect(systemClient).toEqual({
      id: expect.any(String),
      name: 'Sundhedsplatformen ADT',
      keyPrefix: key.slice(0, 12),
      scopes: ['fhir:write'],
      createdAt: SCENARIO_NOW.toISOString(),
      createdBy: { id: wardAdminId, name: 'Admin of Regionshospitalet Test, Medicinsk Afdeling' },
      deactivatedAt: null,
    });
    const row = await server.fresh.db.prisma.systemClient.findUniqueOrThrow({ where: { id: systemClient.id } });
    expect(row).toMatchObject({ organisationId: wardId, keyHash: sha256(key) });
    expect(JSON.stringify(row)).not.toContain(key.slice(12));
    const listed = await wardAdmin.get('/admin/system-clients');
    expect(listed.body.systemClients).toEqual([systemClient]);
    expect(listed.text).not.toContain(key.slice(12));
    expect((await townAdmin.get('/admin/system-clients')).body.systemClients).toEqual([]);
    expect((await wardAdmin.post('/admin/system-clients', { name: 'x', scopes: ['fhir:read-everything'] })).status).toBe(400);

    expect((await townAdmin.post(`/admin/system-clients/${systemClient.id}/deactivate`)).status).toBe(404);
    const deactivated = await wardAdmin.post(`/admin/system-clients/${systemClient.id}/deactivate`);
    expect(deactivated.status).toBe(200);
    expect(deactivated.body.systemClient.deactivatedAt).toBe(SCENARIO_NOW.toISOString());
    expect((await wardAdmin.post(`/admin/system-clients/${systemClient.id}/deactivate`)).status).toBe(409);
    const audit = await server.fresh.db.prisma.auditEvent.findMany({ where: { resourceType: 'SystemClient', resourceId: systemClient.id } });
    expect(audit.map((entry) => `${entry.action} ${entry.outcome}`).sort()).toEqual(['create ok', 'deactivate denied', 'deactivate ok']);
  });
});

const CLI = fileURLToPath(new URL('../../../server/src/cli/admin.ts', import.meta.url));
const runCli = (url: string, args: string[], env: Record<string, string> = {}) =>
  run(process.execPath, ['--import', 'tsx', CLI, ...args], { env: { DATABASE_URL: url, NODE_ENV: 'development', PUBLIC_URL: '', HOST: '', PORT: '', ...env } });

describe.each(DATABASE_KINDS)('the bootstrap command line on an empty %s database', (kind) => {
  vi.setConfig({ testTimeout: SLOW_TEST_TIMEOUT_MS });
  let database: EmptyDatabase | undefined;
  afterEach(async () => {
    await database?.dispose();
    database = undefined;
  });

  it('creates the first organisation and administrator and prints a working set-password link', async () => {
    database = await createEmptyDatabase(kind);
    const created = await runCli(
      database.url,
      ['create-organisation', '--name', 'Regionshospitalet Første, Akutafdelingen', '--sector', 'hospital_ward', '--sor', '700000000001', '--admin-name', 'Første Admin', '--admin-login', 'Foerste@Hospital.test'],
      { PUBLIC_URL: 'https://samplan.example.dk/' },
    );
    expect(created.status, created.stderr).toBe(0);
    const url = /^https:\/\/samplan\.example\.dk\/set-password\/([A-Za-z0-9_-]{43})$/m.exec(created.stdout);
    expect(url, created.stdout).not.toBeNull();

    const usage = await runCli(database.url, ['create-organisation', '--name', 'Uden sektor']);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('--sector');
    expect(usage.stderr).toContain('Usage:');
    // The SOR code is how FHIR in finds the ward: a second organisation cannot take it.
    const sameSor = await runCli(database.url, ['create-organisation', '--name', 'En anden afdeling', '--sector', 'hospital_ward', '--sor', '700000000001']);
    expect(sameSor.status).toBe(1);
    expect(sameSor.stderr).toContain('SOR code 700000000001 exists already');

    const db = await openDatabase(database.url);
    try {
      const admin = await db.prisma.staffUser.findUniqueOrThrow({ where: { login: 'foerste@hospital.test' }, include: { organisation: true, passwordLinks: true } });
      expect(admin).toMatchObject({ name: 'Første Admin', role: 'nurse', administrator: true, passwordHash: '', organisation: { name: 'Regionshospitalet Første, Akutafdelingen', sector: 'hospital_ward', sorCode: '700000000001' } });
      expect(await db.prisma.organisation.count()).toBe(1);
      expect(admin.passwordLinks).toEqual([expect.objectContaining({ tokenHash: sha256(url![1]!), issuedById: null, usedAt: null })]);
      const audit = await db.prisma.auditEvent.findMany({ where: { via: 'cli admin create-organisation' }, orderBy: { resourceType: 'asc' } });
      expect(audit.map((row) => [row.actorKind, row.action, row.resourceType])).toEqual([
        ['system', 'create', 'Organisation'],
        ['system', 'create', 'PasswordSetLink'],
        ['system', 'create', 'StaffUser'],
      ]);
      if (kind === 'pglite') {
        // The server (here: this process) holds the embedded database: the command says so and changes nothing.
        const refused = await runCli(database.url, ['password-link', '--login', 'foerste@hospital.test']);
        expect(refused.status).toBe(1);
        expect(refused.stderr).toContain(`is in use by process ${process.pid}`);
        expect(refused.stdout).toBe('');
      }
    } finally {
      await db.close();
    }

    const again = await runCli(database.url, ['password-link', '--login', 'foerste@hospital.test'], { HOST: '127.0.0.9', PORT: '3999' });
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/^http:\/\/127\.0\.0\.9:3999\/set-password\/[A-Za-z0-9_-]{43}$/m);
    const unknown = await runCli(database.url, ['password-link', '--login', 'nobody@hospital.test']);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('No active staff account has the login nobody@hospital.test');
  });
});
