import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '../../support/database-targets.ts';
import { type ApiServer, startApiServer, tokenOf } from './harness.ts';

describe.each(DATABASE_KINDS)('audit of the record API on %s', (kind) => {
  let server: ApiServer;
  let ella: { id: string; patientId: string; cpr: string };
  beforeAll(async () => {
    server = await startApiServer(kind);
    const row = await server.fresh.db.prisma.episode.findFirstOrThrow({ where: { patient: { name: 'Ella Sørensen' } }, include: { patient: true } });
    ella = { id: row.id, patientId: row.patientId, cpr: row.patient.cprNumber };
  });
  afterAll(() => server?.close());

  const trail = (where: object) => server.fresh.db.prisma.auditEvent.findMany({ where, orderBy: { at: 'asc' } });

  it('records a read with who, what, which patient, the route pattern and the outcome', async () => {
    const nurse = await server.login('sygeplejerske@horsens.demo');
    const me = (await nurse.get('/auth/me')).body.principal;
    expect((await nurse.get(`/episodes/${ella.id}`)).status).toBe(200);
    expect(await trail({ actorId: me.staffId, via: 'GET /api/episodes/:episodeId' })).toEqual([
      expect.objectContaining({ actorKind: 'staff', action: 'read', resourceType: 'Episode', resourceId: ella.id, patientId: ella.patientId, outcome: 'ok' }),
    ]);
  });

  it('records a write with the write, and a refused attempt by someone outside the care team', async () => {
    const nurse = await server.login('sygeplejerske@horsens.demo');
    const recorded = await nurse.post(`/episodes/${ella.id}/consents`, { scope: 'video_participation', lasts: 'until_withdrawn' });
    expect(recorded.status).toBe(201);
    expect(recorded.body.consent).toMatchObject({ scope: 'video_participation', episodeId: null, recordedBy: { name: 'Mette Lund' }, withdrawnAt: null });
    expect(await trail({ resourceId: recorded.body.consent.id })).toEqual([expect.objectContaining({ action: 'create', resourceType: 'Consent', patientId: ella.patientId, outcome: 'ok' })]);

    const outsider = await server.login('hjemmesygeplejerske@skanderborg.demo');
    const outsiderId = (await outsider.get('/auth/me')).body.principal.staffId as string;
    expect((await outsider.post(`/episodes/${ella.id}/consents/${recorded.body.consent.id}/withdraw`)).status).toBe(404);
    expect(await trail({ actorId: outsiderId })).toEqual([
      expect.objectContaining({ action: 'withdraw', resourceType: 'Consent', resourceId: recorded.body.consent.id, patientId: ella.patientId, via: 'POST /api/episodes/:episodeId/consents/:consentId/withdraw', outcome: 'denied' }),
    ]);
  });

  it('records a list as one read per patient shown', async () => {
    const gp = await server.login('laege@rosensgade.demo');
    const gpId = (await gp.get('/auth/me')).body.principal.staffId as string;
    const listed = (await gp.get('/episodes')).body.episodes as Array<{ id: string; patient: { id: string } }>;
    const rows = await trail({ actorId: gpId, via: 'GET /api/episodes' });
    expect(rows.map((row) => [row.resourceId, row.patientId]).sort()).toEqual(listed.map((episode) => [episode.id, episode.patient.id]).sort());
  });

  it('shows the full CPR number only when asked, and records who saw it', async () => {
    const doctor = await server.login('laege@horsens.demo');
    const episode = await doctor.get(`/episodes/${ella.id}`);
    expect(episode.text).not.toContain(ella.cpr);
    expect(episode.body.patient.cpr).toBe(`${ella.cpr.slice(0, 6)}-****`);
    const identified = await doctor.post(`/episodes/${ella.id}/patient/identify`);
    expect(identified.body).toEqual({ patientId: ella.patientId, cpr: ella.cpr });
    expect(await trail({ action: 'reveal-cpr', patientId: ella.patientId })).toHaveLength(1);
  });

  it('answers "who looked at this patient" for the hospital, names included, and reading it is audited too', async () => {
    const nurse = await server.login('sygeplejerske@horsens.demo');
    const answer = await nurse.get(`/episodes/${ella.id}/audit`);
    expect(answer.status).toBe(200);
    const events = answer.body.events as Array<{ at: string; actor: { name: string | null }; outcome: string; action: string }>;
    expect(events.map((event) => event.at)).toEqual([...events.map((event) => event.at)].sort().reverse());
    expect(events).toEqual(expect.arrayContaining([expect.objectContaining({ actor: expect.objectContaining({ name: 'Karina Holt' }), outcome: 'denied' })]));
    expect(events.some((event) => event.action === 'reveal-cpr' && event.actor.name === 'Anders Holm')).toBe(true);
    expect(await trail({ resourceType: 'AuditEvent', patientId: ella.patientId, outcome: 'ok' })).toHaveLength(1);
  });

  it('records a guest who tries a staff route, as the participant they are', async () => {
    const nurse = await server.login('sygeplejerske@horsens.demo');
    const followUp = await server.fresh.db.prisma.conference.findFirstOrThrow({ where: { episodeId: ella.id, kind: 'follow_up' } });
    const invited = await nurse.post(`/conferences/${followUp.id}/participants`, { kind: 'patient' });
    const patient = await server.join(tokenOf(invited.body.joinLink.path));
    expect((await patient.get(`/episodes/${ella.id}/audit`)).status).toBe(403);
    expect(await trail({ actorId: invited.body.participant.id, outcome: 'denied' })).toEqual([
      expect.objectContaining({ actorKind: 'participant', action: 'read', resourceType: 'AuditEvent', via: 'GET /api/episodes/:episodeId/audit' }),
    ]);
  });

  it('never writes a CPR number or a concrete id into the route of an audit row', async () => {
    const rows = await trail({});
    expect(rows.length).toBeGreaterThan(10);
    for (const row of rows) {
      expect(JSON.stringify(row)).not.toMatch(/\d{6}-\d{4}/);
      expect(row.via).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    }
  });
});
