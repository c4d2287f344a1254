import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditActInWords } from '@samplan/shared';
import { DATABASE_KINDS } from '../../support/database-targets.ts';
import { type ApiClient, type ApiServer, startApiServer, tokenOf } from './harness.ts';

// The audit trail in plain words for staff, and the patient's own "who has
// looked at my record": staff reads of her record, nothing of anyone else's,
// no staff detail; her daughter sees it only as her representative.

describe.each(DATABASE_KINDS)("who has looked at the patient's record, on %s", (kind) => {
  let server: ApiServer;
  let nurse: ApiClient;
  let ella: { episodeId: string; patientId: string; followUpId: string; neighbourId: string };
  let karenEpisodeId: string;
  beforeAll(async () => {
    server = await startApiServer(kind);
    const db = server.fresh.db.prisma;
    const row = await db.episode.findFirstOrThrow({ where: { patient: { name: 'Ella Sørensen' } }, include: { conferences: true, patient: { include: { relatives: true } } } });
    const followUp = row.conferences.find((conference) => conference.kind === 'follow_up');
    const neighbour = row.patient.relatives[0];
    if (!followUp || !neighbour) throw new Error('the demo scenario has a follow-up and a relative for Ella');
    ella = { episodeId: row.id, patientId: row.patientId, followUpId: followUp.id, neighbourId: neighbour.id };
    karenEpisodeId = (await db.episode.findFirstOrThrow({ where: { patient: { name: 'Karen Margrethe Jensen' } } })).id;
    nurse = await server.login('sygeplejerske@horsens.demo');
  });
  afterAll(() => server?.close());

  const linkFor = async (body: unknown) => {
    const invited = await nurse.post(`/conferences/${ella.followUpId}/participants`, body);
    expect(invited.status, invited.text).toBe(201);
    return { client: await server.join(tokenOf(invited.body.joinLink.path)), participantId: invited.body.participant.id as string };
  };

  it('shows staff who read the record, in her words, and nothing of another patient or of how', async () => {
    const { client: ellaLink } = await linkFor({ kind: 'patient' });
    expect((await nurse.get(`/episodes/${ella.episodeId}/plan`)).status).toBe(200);
    const before = await ellaLink.get(`/episodes/${ella.episodeId}/access-log`);
    expect(before.status, before.text).toBe(200);
    expect(before.body.entries[0]).toEqual({
      at: expect.any(String),
      who: { kind: 'staff', name: 'Mette Lund', role: 'nurse', organisation: 'Regionshospitalet Horsens, Medicinsk Afdeling M2' },
      action: 'read',
      resourceType: 'CarePlan',
    });
    expect(auditActInWords(before.body.entries[0].action, before.body.entries[0].resourceType, 'da')).toBe('læste planen');

    // The nurse reads another patient's record: nothing of it reaches Ella's log.
    expect((await nurse.get(`/episodes/${karenEpisodeId}/plan`)).status).toBe(200);
    const after = await ellaLink.get(`/episodes/${ella.episodeId}/access-log`);
    expect(after.body.entries).toEqual(before.body.entries);

    // No routes, ids, addresses or refusals; and her own doings (opening her link, reading this) are hers, not listed.
    const text = after.text;
    expect(text).not.toMatch(/\/api\/|GET |POST /);
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-/);
    expect(text).not.toContain('denied');
    const outsider = await server.login('hjemmesygeplejerske@skanderborg.demo');
    expect((await outsider.get(`/episodes/${ella.episodeId}`)).status).toBe(404);
    expect((await ellaLink.get(`/episodes/${ella.episodeId}/access-log`)).text).not.toContain('Karina Holt');
    const audited = await server.fresh.db.prisma.auditEvent.count({ where: { patientId: ella.patientId, outcome: 'ok', actorKind: 'staff' } });
    expect(after.body.entries.length).toBe(Math.min(audited, 50));
  });

  it('refuses a relative who does not represent her with NOT_REPRESENTATIVE, audited; once staff record her power of attorney, she may', async () => {
    const { client: neighbourLink, participantId } = await linkFor({ kind: 'relative', relativeId: ella.neighbourId });
    const refused = await neighbourLink.get(`/episodes/${ella.episodeId}/access-log`);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('NOT_REPRESENTATIVE');
    expect(await server.fresh.db.prisma.auditEvent.findMany({ where: { actorId: participantId, via: 'GET /api/episodes/:episodeId/access-log' } })).toEqual([
      expect.objectContaining({ action: 'read', resourceType: 'AuditEvent', outcome: 'denied', patientId: ella.patientId }),
    ]);

    const recorded = await nurse.put(`/episodes/${ella.episodeId}/relatives/${ella.neighbourId}/representation`, { representation: 'power_of_attorney' });
    expect(recorded.status, recorded.text).toBe(200);
    expect(recorded.body).toMatchObject({ id: ella.neighbourId, representation: 'power_of_attorney' });
    const allowed = await neighbourLink.get(`/episodes/${ella.episodeId}/access-log`);
    expect(allowed.status, allowed.text).toBe(200);
    // The change is in the trail, and the patient sees it in words.
    expect(allowed.body.entries[0]).toMatchObject({ who: { kind: 'staff', name: 'Mette Lund' }, action: 'set-representation', resourceType: 'Relative' });
    expect((await neighbourLink.get('/auth/me')).body.allowedActions).toContain('access-log:read');

    expect((await nurse.put(`/episodes/${ella.episodeId}/relatives/${ella.neighbourId}/representation`, { representation: 'none' })).status).toBe(200);
    expect((await neighbourLink.get(`/episodes/${ella.episodeId}/access-log`)).body.error.code).toBe('NOT_REPRESENTATIVE');
  });

  it("refuses a relative of another patient, bad input, and another patient's relative through this episode", async () => {
    const bad = await nurse.put(`/episodes/${ella.episodeId}/relatives/${ella.neighbourId}/representation`, { representation: 'landlord' });
    expect(bad.status).toBe(400);
    const karenDaughter = await server.fresh.db.prisma.relative.findFirstOrThrow({ where: { name: 'Susanne Jensen' } });
    const other = await nurse.put(`/episodes/${ella.episodeId}/relatives/${karenDaughter.id}/representation`, { representation: 'guardian' });
    expect(other.status).toBe(404);
    expect((await server.fresh.db.prisma.relative.findUniqueOrThrow({ where: { id: karenDaughter.id } })).representation).toBe('none');
  });

  it('gives staff the trail in plain words: name, role and organisation, beside the stored verb and route', async () => {
    const answer = await nurse.get(`/episodes/${ella.episodeId}/audit`);
    const read = (answer.body.events as Array<{ who: unknown; action: string; resourceType: string; via: string }>).find(
      (event) => event.action === 'read' && event.resourceType === 'CarePlan',
    );
    expect(read).toMatchObject({
      who: { kind: 'staff', name: 'Mette Lund', role: 'nurse', organisation: 'Regionshospitalet Horsens, Medicinsk Afdeling M2' },
      via: 'GET /api/episodes/:episodeId/plan',
    });
    expect(auditActInWords(read!.action, read!.resourceType, 'en')).toBe('read the plan');
    const guest = (answer.body.events as Array<{ who: { kind: string; name?: string; role?: string } }>).find((event) => event.who.kind === 'participant');
    expect(guest?.who).toMatchObject({ kind: 'participant', role: expect.stringMatching(/^(patient|relative)$/) });
  });
});
