import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planPushSchema } from '@samplan/shared';
import { agreedRevisionFor } from '@samplan/server/record/plan/agreements.ts';
import { planCalls } from './planCalls.ts';
import { conferenceSelect, conferenceView } from '@samplan/server/record/views.ts';
import { DATABASE_KINDS, openFreshDatabase, type FreshDatabase } from '../../support/database-targets.ts';
import { addTask, createConferenceScene } from './fixtures.ts';

// Each party's own word: the patient and each relative agree separately, and a
// relative answers for the patient only where the record names her the
// patient's representative, and then the agreement says so.

describe.each(DATABASE_KINDS)('agreement, each party for itself, on %s', (kind) => {
  let fresh: FreshDatabase;
  beforeAll(async () => {
    fresh = await openFreshDatabase(kind);
  });
  afterAll(() => fresh?.dispose());

  async function scene() {
    const { prisma } = fresh.db;
    const setup = await createConferenceScene(prisma);
    const service = planCalls(prisma);
    const agreeIn = { conferenceId: setup.conference.id, via: 'plan:agree' };
    await service.push(setup.nurse, { episodeId: setup.episode.id, conferenceId: setup.conference.id, via: 'plan:push' }, planPushSchema.parse({ baseRevision: 0, ops: [addTask(1)] }));
    // The geriatrician advises and is no party; the GP is not in this call.
    const relativeRow = (name: string, representation: 'none' | 'guardian' | 'power_of_attorney') =>
      prisma.relative.create({ data: { patientId: setup.patient.id, name, relation: 'datter', representation } });
    const agreedWith = async () => conferenceView(await prisma.conference.findUniqueOrThrow({ where: { id: setup.conference.id }, select: conferenceSelect }), false).agreedWith;
    return { ...setup, prisma, service, agreeIn, relativeRow, agreedWith };
  }

  it("counts the daughter's yes as hers only: the patient is asked for her own, and the record shows both", async () => {
    const { service, agreeIn, nurse, homeNurse, karen, daughter, prisma, conference, agreedWith } = await scene();
    const mette = `relative:${daughter.participantId}`;
    expect(await service.agree(nurse, agreeIn, 1)).toMatchObject({ state: 'not_agreed', awaiting: ['patient', 'municipality', mette] });
    await service.agree(homeNurse, agreeIn, 1);

    const afterDaughter = await service.agree(daughter, agreeIn, 1);
    expect(afterDaughter).toEqual({ state: 'not_agreed', currentRevision: 1, agreedRevision: null, awaiting: ['patient'], relatives: [{ party: mette, name: 'Mette Jensen' }] });
    expect(await agreedRevisionFor(prisma, conference.id)).toBeNull();

    expect(await service.agree(karen, agreeIn, 1)).toMatchObject({ state: 'agreed', agreedRevision: 1, awaiting: [] });
    const given = await prisma.agreement.findMany({ where: { conferenceId: conference.id }, orderBy: { agreedAt: 'asc' } });
    expect(given.map((row) => [row.party, row.partyKey, row.participantId, row.onBehalfAs])).toEqual([
      ['hospital', 'hospital', expect.any(String), null],
      ['municipality', 'municipality', expect.any(String), null],
      ['relative', mette, daughter.participantId, null],
      ['patient', 'patient', karen.participantId, null],
    ]);
    // The episode page's "who agreed": the patient and the daughter, each in her own name.
    expect((await agreedWith())?.agreedBy.map((entry) => [entry.party, entry.name, entry.onBehalfOf])).toEqual([
      ['hospital', 'Sygeplejerske Hansen', null],
      ['municipality', 'Anna Holm', null],
      ['patient', 'Karen Jensen', null],
      [mette, 'Mette Jensen', null],
    ]);
  });

  it('asks each relative present for herself: a second daughter holds up agreement until she says yes', async () => {
    const { service, agreeIn, nurse, homeNurse, karen, daughter, guest, relativeRow } = await scene();
    const row = await relativeRow('Lise Jensen', 'none');
    const lise = await guest('relative', 'Lise Jensen', undefined, row.id);
    for (const principal of [nurse, homeNurse, karen, daughter]) await service.agree(principal, agreeIn, 1);
    const status = await service.agreement(nurse, { episodeId: karen.episodeId, conferenceId: agreeIn.conferenceId, via: 'GET /api/episodes/:id/plan/agreement' });
    // Known by her record row, so a yes she gives holds in every conference she is invited to.
    expect(status).toMatchObject({ state: 'not_agreed', awaiting: [`relative:${row.id}`] });
    expect(status.relatives).toContainEqual({ party: `relative:${row.id}`, name: 'Lise Jensen' });
    expect(await service.agree(lise, agreeIn, 1)).toMatchObject({ state: 'agreed', awaiting: [] });
  });

  it("lets a representative agree on the patient's behalf, recorded as such, while her own yes stays hers", async () => {
    const { service, agreeIn, nurse, homeNurse, karen, guest, relativeRow, prisma, conference, agreedWith } = await scene();
    // Karen is not in this call: her daughter, who holds her power of attorney, is.
    await prisma.participant.update({ where: { id: karen.participantId }, data: { leftAt: new Date() } });
    await prisma.participant.updateMany({ where: { conferenceId: conference.id, role: 'relative', relativeId: null }, data: { leftAt: new Date() } });
    const row = await relativeRow('Hanne Jensen', 'power_of_attorney');
    const hanne = await guest('relative', 'Hanne Jensen', undefined, row.id);
    const hanneParty = `relative:${row.id}`;

    // With a representative present, the patient's party is asked too: someone can answer for her.
    expect(await service.agree(nurse, agreeIn, 1)).toMatchObject({ awaiting: ['patient', 'municipality', hanneParty] });
    await service.agree(homeNurse, agreeIn, 1);
    expect(await service.agree(hanne, agreeIn, 1)).toMatchObject({ state: 'not_agreed', awaiting: ['patient'] });
    expect(await service.agree(hanne, agreeIn, 1, true)).toMatchObject({ state: 'agreed', agreedRevision: 1, awaiting: [] });

    const onBehalf = await prisma.agreement.findFirstOrThrow({ where: { conferenceId: conference.id, partyKey: 'patient' } });
    expect(onBehalf).toMatchObject({ party: 'patient', participantId: hanne.participantId, onBehalfAs: 'power_of_attorney' });
    const audited = await prisma.auditEvent.findMany({ where: { actorId: hanne.participantId, resourceType: 'Agreement' }, orderBy: { at: 'asc' } });
    expect(audited.map((event) => [event.action, event.outcome])).toEqual([
      ['agree', 'ok'],
      ['agree-on-behalf', 'ok'],
    ]);
    // "Hanne Jensen on behalf of Karen Jensen, power of attorney", and her own yes beside it.
    expect((await agreedWith())?.agreedBy.filter((entry) => entry.name === 'Hanne Jensen').map((entry) => [entry.party, entry.onBehalfOf])).toEqual([
      [hanneParty, null],
      ['patient', { name: 'Karen Jensen', as: 'power_of_attorney' }],
    ]);
  });

  it("refuses a relative without representation who tries to agree for the patient, with NOT_REPRESENTATIVE, audited, and records nothing", async () => {
    const { service, agreeIn, daughter, prisma, conference } = await scene();
    await expect(service.agree(daughter, agreeIn, 1, true)).rejects.toMatchObject({ code: 'NOT_REPRESENTATIVE' });
    expect(await prisma.agreement.count({ where: { conferenceId: conference.id } })).toBe(0);
    expect(await prisma.auditEvent.findMany({ where: { actorId: daughter.participantId, resourceType: 'Agreement' } })).toEqual([
      expect.objectContaining({ action: 'agree-on-behalf', outcome: 'denied' }),
    ]);
    // Nor do the patient herself or staff "represent" her: only a relative the record names.
    const { karen, nurse } = await scene();
    const other = { conferenceId: (await prisma.participant.findUniqueOrThrow({ where: { id: karen.participantId } })).conferenceId, via: 'plan:agree' };
    await expect(service.agree(karen, other, 1, true)).rejects.toMatchObject({ code: 'NOT_REPRESENTATIVE' });
    await expect(service.agree(nurse, other, 1, true)).rejects.toMatchObject({ code: 'NOT_REPRESENTATIVE' });
  });

  it('reads the representation when she agrees, not when she signed in: taken away, her next attempt is refused', async () => {
    const { service, agreeIn, guest, relativeRow, prisma } = await scene();
    const row = await relativeRow('Hanne Jensen', 'guardian');
    const hanne = await guest('relative', 'Hanne Jensen', undefined, row.id);
    await prisma.relative.update({ where: { id: row.id }, data: { representation: 'none' } });
    await expect(service.agree(hanne, agreeIn, 1, true)).rejects.toMatchObject({ code: 'NOT_REPRESENTATIVE' });
  });
});
