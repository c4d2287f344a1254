import { randomBytes, randomInt } from 'node:crypto';
import type { DbClient } from '@samplan/server/store/database.ts';

// The smallest clinical record the db tests build on: a ward, a municipality,
// a nurse, a patient admitted to the ward, and the episode's care plan. Every
// call makes new rows with unique keys, so tests can share one database.
// Only ids come back: a data-migration test builds on an older schema, where
// columns added since would be missing from a full row.

const ID = { id: true } as const;

export async function createRecord(db: DbClient) {
  const ward = await db.organisation.create({ data: { sector: 'hospital_ward', name: 'Medicinsk afdeling M1' }, select: ID });
  const municipality = await db.organisation.create({ data: { sector: 'municipal_unit', name: 'Hjemmeplejen Vest' }, select: ID });
  const nurse = await db.staffUser.create({
    data: { name: 'Sygeplejerske Hansen', role: 'nurse', organisationId: ward.id, login: uniqueLogin(), passwordHash: 'not-a-real-hash' },
    select: ID,
  });
  const patient = await db.patient.create({
    data: { name: 'Karen Jensen', cprNumber: uniqueCprNumber(), dateOfBirth: new Date('1938-04-12'), homeMunicipalityId: municipality.id },
    select: { id: true, cprNumber: true },
  });
  const episode = await db.episode.create({ data: { patientId: patient.id, admittingWardId: ward.id, admittedAt: new Date() }, select: ID });
  const plan = await db.carePlan.create({ data: { episodeId: episode.id }, select: ID });
  return { ward, municipality, nurse, patient, episode, plan };
}

export function uniqueLogin(): string {
  return `nurse-${randomBytes(6).toString('hex')}@example.dk`;
}

/** A CPR-shaped number for a made-up person (random date and serial; a clash is one in hundreds of millions). */
export function uniqueCprNumber(): string {
  const [day, month, year, serial] = [1 + randomInt(28), 1 + randomInt(12), randomInt(100), randomInt(10_000)];
  return `${pad(day, 2)}${pad(month, 2)}${pad(year, 2)}-${pad(serial, 4)}`;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}
