import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSamplan } from '@samplan/server';
import { confirmReservationIn } from '@samplan/server/record/acuteBeds/confirmReservation.ts';
import { DATABASE_KINDS, openFreshDatabase, type FreshDatabase } from '../../support/database-targets.ts';
import { startTestSamplan } from '../../support/samplan.ts';
import { TestClock } from '../api/harness.ts';
import { TEST_SECRET } from '../plan/fixtures.ts';
import { type AcuteCast, api, createAcuteScene, freshOffer } from './fixtures.ts';

// The municipalities' acute beds over REST: the shared overview, reserving,
// confirming, releasing, the municipality keeping its offers, the last bed
// taken by two doctors at once, and a reservation that runs out.

const START = new Date('2026-03-10T12:00:00Z');
const MINUTE = 60_000;

describe.each(DATABASE_KINDS)('acute beds on %s', (kind) => {
  let fresh: FreshDatabase;
  let server: RunningSamplan;
  const clock = new TestClock(START);
  beforeAll(async () => {
    fresh = await openFreshDatabase(kind);
    server = await startTestSamplan({ secret: TEST_SECRET, clientDist: '/nonexistent', acuteReservationMinutes: 30 }, { database: fresh.db, now: clock.now });
  });
  afterAll(async () => {
    await server?.close();
    await fresh?.dispose();
  });
  const call = (who: { cookie: string } | null, method: string, path: string, body?: unknown) => api(server.url, who?.cookie ?? null, method, path, body);
  const offerIn = async (cast: { cookie: string }, offerId: string) => {
    const overview = await call(cast, 'GET', '/acute-beds');
    expect(overview.status, overview.text).toBe(200);
    for (const municipality of overview.body.municipalities) {
      const offer = municipality.offers.find((candidate: { id: string }) => candidate.id === offerId);
      if (offer !== undefined) return { municipality, offer };
    }
    throw new Error(`offer ${offerId} not in the overview`);
  };

  it('shows every municipality’s beds and competences to visitation, GPs, out-of-hours doctors and municipal teams, and to nobody else', async () => {
    const cast = await createAcuteScene(fresh.db.prisma, { beds: 3 });
    for (const viewer of [cast.doctor, cast.visitationNurse, cast.gp, cast.outOfHoursDoctor, cast.acuteNurse, cast.otherAcuteNurse]) {
      const { municipality, offer } = await offerIn(viewer, cast.offer.id);
      expect(offer).toMatchObject({ bedsTotal: 3, free: 3, reserved: 0, occupied: 0, competences: ['blood_tests_point_of_care', 'iv_antibiotics'], otherCompetences: 'Læge på tilkald', holds: [] });
      expect(municipality.own).toBe(viewer === cast.acuteNurse);
    }
    const refused = await call(cast.wardNurse, 'GET', '/acute-beds');
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('FORBIDDEN');
    expect(await fresh.db.prisma.auditEvent.count({ where: { actorId: cast.wardNurse.staffId, via: 'GET /api/acute-beds', outcome: 'denied' } })).toBe(1);
    expect((await call(null, 'GET', '/acute-beds')).status).toBe(401);
  });

  it('a doctor reserves, the reservation is confirmed, and the municipality frees the bed when the patient leaves; every step audited', async () => {
    const cast = await createAcuteScene(fresh.db.prisma, { beds: 2 });
    const reserved = await call(cast.gp, 'POST', `/acute-beds/offers/${cast.offer.id}/reservations`);
    expect(reserved.status, reserved.text).toBe(201);
    const reservation = reserved.body.reservation;
    expect(reservation).toMatchObject({ offerId: cast.offer.id, status: 'reserved', municipalityId: cast.municipality.id, expiresAt: new Date(START.getTime() + 30 * MINUTE).toISOString() });

    const seenByMunicipality = await offerIn(cast.acuteNurse, cast.offer.id);
    expect(seenByMunicipality.offer).toMatchObject({ free: 1, reserved: 1, occupied: 0 });
    expect(seenByMunicipality.offer.holds).toEqual([
      expect.objectContaining({ reservationId: reservation.id, status: 'reserved', reservedByName: 'Dr. Bach', mine: false, mayConfirm: true, mayRelease: true }),
    ]);
    const seenByOther = await offerIn(cast.doctor, cast.offer.id);
    expect(seenByOther.offer.holds[0]).toMatchObject({ mine: false, mayConfirm: false, mayRelease: false });
    expect((await offerIn(cast.gp, cast.offer.id)).offer.holds[0]).toMatchObject({ mine: true, mayConfirm: true, mayRelease: true });

    // Another doctor neither confirms nor releases it.
    expect((await call(cast.doctor, 'POST', `/acute-beds/reservations/${reservation.id}/confirm`)).status).toBe(403);
    expect((await call(cast.doctor, 'POST', `/acute-beds/reservations/${reservation.id}/release`, { reason: 'cancelled' })).status).toBe(403);

    const confirmed = await call(cast.gp, 'POST', `/acute-beds/reservations/${reservation.id}/confirm`);
    expect(confirmed.status, confirmed.text).toBe(200);
    expect(confirmed.body.reservation).toMatchObject({ status: 'confirmed', confirmedAt: START.toISOString() });
    expect((await call(cast.gp, 'POST', `/acute-beds/reservations/${reservation.id}/confirm`)).body.error.code).toBe('RESERVATION_NOT_ACTIVE');
    expect((await offerIn(cast.visitationNurse, cast.offer.id)).offer).toMatchObject({ free: 1, reserved: 0, occupied: 1 });

    // An occupied bed is the municipality's to free, and only as "the patient left".
    expect((await call(cast.gp, 'POST', `/acute-beds/reservations/${reservation.id}/release`, { reason: 'left' })).status).toBe(403);
    expect((await call(cast.otherAcuteNurse, 'POST', `/acute-beds/reservations/${reservation.id}/release`, { reason: 'left' })).status).toBe(403);
    expect((await call(cast.acuteNurse, 'POST', `/acute-beds/reservations/${reservation.id}/release`, { reason: 'cancelled' })).body.error.code).toBe('BAD_REQUEST');
    const left = await call(cast.acuteNurse, 'POST', `/acute-beds/reservations/${reservation.id}/release`, { reason: 'left' });
    expect(left.status, left.text).toBe(200);
    expect(left.body.reservation).toMatchObject({ status: 'released', releaseReason: 'left' });
    expect((await offerIn(cast.gp, cast.offer.id)).offer).toMatchObject({ free: 2, reserved: 0, occupied: 0, holds: [] });

    const trail = await fresh.db.prisma.auditEvent.findMany({ where: { resourceId: reservation.id, outcome: 'ok' }, orderBy: { at: 'asc' } });
    expect(trail.map((row) => [row.action, row.actorId])).toEqual([
      ['reserve', cast.gp.staffId],
      ['confirm', cast.gp.staffId],
      ['release', cast.acuteNurse.staffId],
    ]);
    expect(trail.every((row) => row.patientId === null)).toBe(true);
  });

  it('only doctors reserve; a reservation is given up by its doctor', async () => {
    const cast = await createAcuteScene(fresh.db.prisma, { beds: 2 });
    for (const notDoctor of [cast.visitationNurse, cast.acuteNurse, cast.wardNurse]) {
      const refused = await call(notDoctor, 'POST', `/acute-beds/offers/${cast.offer.id}/reservations`);
      expect(refused.status).toBe(403);
    }
    const reserved = await call(cast.outOfHoursDoctor, 'POST', `/acute-beds/offers/${cast.offer.id}/reservations`);
    expect(reserved.status, reserved.text).toBe(201);
    const cancelled = await call(cast.outOfHoursDoctor, 'POST', `/acute-beds/reservations/${reserved.body.reservation.id}/release`, { reason: 'cancelled' });
    expect(cancelled.body.reservation).toMatchObject({ status: 'released', releaseReason: 'cancelled' });
    expect((await call(cast.doctor, 'POST', `/acute-beds/offers/00000000-0000-7000-8000-000000000000/reservations`)).status).toBe(404);
  });

  it('the municipality’s own staff keep its offers: add, change, never below the beds held', async () => {
    const cast = await createAcuteScene(fresh.db.prisma, { beds: 2 });
    const input = { name: 'IV-behandling i eget hjem', bedsTotal: 4, competences: ['iv_antibiotics', 'iv_fluids'], otherCompetences: '' };
    expect((await call(cast.otherAcuteNurse, 'PUT', `/acute-beds/offers/${cast.offer.id}`, input)).status).toBe(403);
    expect((await call(cast.doctor, 'POST', '/acute-beds/offers', input)).status).toBe(403);
    expect((await call(cast.acuteNurse, 'POST', '/acute-beds/offers', { ...input, competences: ['teleportation'] })).status).toBe(400);

    const created = await call(cast.acuteNurse, 'POST', '/acute-beds/offers', input);
    expect(created.status, created.text).toBe(201);
    const { municipality } = await offerIn(cast.gp, created.body.offer.id);
    expect(municipality).toMatchObject({ id: cast.municipality.id, bedsTotal: 6, free: 6 });

    await call(cast.doctor, 'POST', `/acute-beds/offers/${cast.offer.id}/reservations`);
    await call(cast.gp, 'POST', `/acute-beds/offers/${cast.offer.id}/reservations`);
    const below = await call(cast.acuteNurse, 'PUT', `/acute-beds/offers/${cast.offer.id}`, { ...input, name: 'Akutpladser, Plejecenter Nord', bedsTotal: 1 });
    expect(below.status).toBe(409);
    expect(below.body.error.code).toBe('BEDS_IN_USE');
    const more = await call(cast.acuteNurse, 'PUT', `/acute-beds/offers/${cast.offer.id}`, { ...input, name: 'Akutpladser, Plejecenter Nord', bedsTotal: 3 });
    expect(more.status, more.text).toBe(200);
    expect((await offerIn(cast.gp, cast.offer.id)).offer).toMatchObject({ bedsTotal: 3, free: 1, reserved: 2, competences: ['iv_antibiotics', 'iv_fluids'] });
  });

  it('two doctors taking the last bed at the same moment: exactly one gets it, the other NO_FREE_BED at once', async () => {
    const cast = await createAcuteScene(fresh.db.prisma, { beds: 1 });
    for (let round = 0; round < 5; round += 1) {
      const offer = await freshOffer(fresh.db.prisma, cast.municipality.id, 1);
      const answers = await Promise.all([cast.doctor, cast.gp, cast.outOfHoursDoctor].map((doctor) => call(doctor, 'POST', `/acute-beds/offers/${offer.id}/reservations`)));
      expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409, 409]);
      for (const refused of answers.filter((answer) => answer.status === 409)) expect(refused.body.error.code).toBe('NO_FREE_BED');
      expect(await fresh.db.prisma.acuteBedReservation.count({ where: { offerId: offer.id } })).toBe(1);
    }
    // Many at once on several beds: never more reservations than beds.
    const offer = await freshOffer(fresh.db.prisma, cast.municipality.id, 3);
    const doctors = [cast.doctor, cast.secondDoctor, cast.gp, cast.outOfHoursDoctor];
    const answers = await Promise.all([...doctors, ...doctors].map((doctor) => call(doctor, 'POST', `/acute-beds/offers/${offer.id}/reservations`)));
    expect(answers.filter((answer) => answer.status === 201)).toHaveLength(3);
    expect(answers.filter((answer) => answer.status === 409 && answer.body.error.code === 'NO_FREE_BED')).toHaveLength(5);
    expect((await offerIn(cast.gp, offer.id)).offer).toMatchObject({ free: 0, reserved: 3 });
  });

  it('a reservation not confirmed in time frees its bed by the record’s clock, and the sweep writes it down once', async () => {
    const cast = await createAcuteScene(fresh.db.prisma, { beds: 1 });
    const reserved = await call(cast.doctor, 'POST', `/acute-beds/offers/${cast.offer.id}/reservations`);
    const reservationId: string = reserved.body.reservation.id;
    expect((await call(cast.gp, 'POST', `/acute-beds/offers/${cast.offer.id}/reservations`)).body.error.code).toBe('NO_FREE_BED');

    clock.set(new Date(START.getTime() + 30 * MINUTE));
    try {
      // Free at once by the clock, before any sweep.
      expect((await offerIn(cast.gp, cast.offer.id)).offer).toMatchObject({ free: 1, reserved: 0, holds: [] });
      const late = await call(cast.doctor, 'POST', `/acute-beds/reservations/${reservationId}/confirm`);
      expect(late.status).toBe(409);
      expect(late.body.error.code).toBe('RESERVATION_NOT_ACTIVE');

      expect(await server.acuteExpiry.sweep()).toBeGreaterThanOrEqual(1);
      const row = await fresh.db.prisma.acuteBedReservation.findUniqueOrThrow({ where: { id: reservationId } });
      expect(row).toMatchObject({ status: 'released', releaseReason: 'expired', releasedById: null, releasedAt: new Date(START.getTime() + 30 * MINUTE) });
      await server.acuteExpiry.sweep();
      expect(await fresh.db.prisma.auditEvent.count({ where: { resourceId: reservationId, action: 'expire', actorKind: 'system' } })).toBe(1);

      const again = await call(cast.gp, 'POST', `/acute-beds/offers/${cast.offer.id}/reservations`);
      expect(again.status, again.text).toBe(201);
    } finally {
      clock.set(START);
    }
  });

  it('confirms inside another act’s transaction: both commit, or neither (the acute assessment’s decision)', async () => {
    const cast = await createAcuteScene(fresh.db.prisma, { beds: 1 });
    const reserved = await call(cast.doctor, 'POST', `/acute-beds/offers/${cast.offer.id}/reservations`);
    const reservationId: string = reserved.body.reservation.id;
    const caller = { principal: cast.doctor, via: 'POST /api/acute-assessments/:id/decision' };
    const db = fresh.db.prisma;

    // The larger act fails after confirming: the bed stays reserved, no audit row is left.
    await expect(
      db.$transaction(async (tx) => {
        await confirmReservationIn(tx, caller, reservationId, clock.now());
        throw new Error('the decision could not be saved');
      }),
    ).rejects.toThrow('the decision could not be saved');
    expect(await db.acuteBedReservation.findUniqueOrThrow({ where: { id: reservationId } })).toMatchObject({ status: 'reserved' });
    expect(await db.auditEvent.count({ where: { resourceId: reservationId, action: 'confirm' } })).toBe(0);

    // Another doctor's decision cannot take this doctor's reservation.
    await expect(db.$transaction((tx) => confirmReservationIn(tx, { ...caller, principal: cast.gp }, reservationId, clock.now()))).rejects.toMatchObject({ code: 'FORBIDDEN' });

    const confirmed = await db.$transaction((tx) => confirmReservationIn(tx, caller, reservationId, clock.now()));
    expect(confirmed).toMatchObject({ municipalityId: cast.municipality.id, reservation: { id: reservationId, status: 'confirmed' } });
    expect(await db.auditEvent.count({ where: { resourceId: reservationId, action: 'confirm', outcome: 'ok', via: caller.via } })).toBe(1);
  });
});
