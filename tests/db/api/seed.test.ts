import { parseCpr } from '@samplan/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adviceWindowAt, addCalendarDays } from '@samplan/shared';
import { seedDemoIfEmpty } from '@samplan/server/store/seed/seedDemo.ts';
import { DATABASE_KINDS, openFreshDatabase, type FreshDatabase } from '../../support/database-targets.ts';
import { SCENARIO_NOW } from './harness.ts';
import { startTestSamplan } from '../../support/samplan.ts';

describe.each(DATABASE_KINDS)('demo data on %s', (kind) => {
  let fresh: FreshDatabase;
  beforeAll(async () => {
    fresh = await openFreshDatabase(kind);
  });
  afterAll(() => fresh?.dispose());

  const counts = async () => {
    const db = fresh.db.prisma;
    return {
      organisations: await db.organisation.count(),
      staff: await db.staffUser.count(),
      patients: await db.patient.count(),
      relatives: await db.relative.count(),
      episodes: await db.episode.count(),
      revisions: await db.planRevision.count(),
      consents: await db.consent.count(),
      conferences: await db.conference.count(),
      acuteOffers: await db.acuteOffer.count(),
      acuteReservations: await db.acuteBedReservation.count(),
    };
  };

  it('fills an empty database once, with times relative to the clock', async () => {
    const first = await seedDemoIfEmpty(fresh.db.prisma, SCENARIO_NOW);
    expect(first.seeded).toBe(true);
    expect(first.logins.map((login) => login.login)).toContain('sygeplejerske@horsens.demo');
    expect(first.logins.map((login) => login.login)).toContain('admin@horsens.demo');
    expect(first.logins.map((login) => login.login)).toEqual(expect.arrayContaining(['visitation@randers-sygehus.demo', 'akut@favrskov.demo', 'vagtlaege@regionmidt.demo', 'laege@houmeden.demo']));
    expect(first.guestLinks).toHaveLength(2);
    expect(await counts()).toEqual({ organisations: 12, staff: 19, patients: 3, relatives: 4, episodes: 3, revisions: 3, consents: 6, conferences: 3, acuteOffers: 5, acuteReservations: 1 });

    const episodes = await fresh.db.prisma.episode.findMany({ include: { patient: true }, orderBy: { admittedAt: 'desc' } });
    const [karen, poul, ella] = episodes;
    expect(karen).toMatchObject({ status: 'admitted', dischargedAt: null });
    expect(addCalendarDays(karen!.admittedAt, 1).toDateString()).toBe(SCENARIO_NOW.toDateString());
    expect(poul!.dischargedAt!.toDateString()).toBe(SCENARIO_NOW.toDateString());
    expect(adviceWindowAt(ella!.dischargedAt, SCENARIO_NOW).state).toBe('open');
    expect(addCalendarDays(ella!.dischargedAt!, 5).getTime()).toBeLessThanOrEqual(SCENARIO_NOW.getTime() + 24 * 3_600_000);
    for (const { patient } of episodes) expect(parseCpr(patient.cprNumber)).toMatchObject({ ok: true, cpr: { birthDate: patient.dateOfBirth.toISOString().slice(0, 10) } });
    // A revision dated by the wall clock would sit years apart from the scenario in the revision list.
    const revisions = await fresh.db.prisma.planRevision.findMany({ select: { createdAt: true } });
    for (const { createdAt } of revisions) expect(Math.abs(createdAt.getTime() - SCENARIO_NOW.getTime())).toBeLessThan(8 * 24 * 3_600_000);
  });

  it('leaves a database with anything in it alone, however often it starts', async () => {
    const before = await counts();
    const again = await seedDemoIfEmpty(fresh.db.prisma, SCENARIO_NOW);
    expect(again).toMatchObject({ seeded: false, guestLinks: [] });
    expect(again.logins).toHaveLength(19);
    const samplan = await startTestSamplan(
      { secret: 'seed-test-secret-that-is-long-enough-0123', seedDemo: true, clientDist: '/nonexistent' },
      { database: fresh.db, now: () => SCENARIO_NOW },
    );
    try {
      expect(samplan.demo).toMatchObject({ seeded: false });
    } finally {
      await samplan.close();
    }
    expect(await counts()).toEqual(before);
  });

  it('does not seed a database that holds only an organisation', async () => {
    const other = await openFreshDatabase(kind);
    try {
      await other.db.prisma.organisation.create({ data: { sector: 'hospital_ward', name: 'Afdeling X' } });
      expect(await seedDemoIfEmpty(other.db.prisma, SCENARIO_NOW)).toMatchObject({ seeded: false, logins: [] });
      expect(await other.db.prisma.staffUser.count()).toBe(0);
    } finally {
      await other.dispose();
    }
  });
});
