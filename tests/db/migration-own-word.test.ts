import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '@samplan/server/store/database.ts';
import { MIGRATIONS_DIR } from '@samplan/server/store/migrationFiles.ts';
import { createEmptyDatabase, DATABASE_KINDS, type EmptyDatabase } from '../support/database-targets.ts';
import { createRecord } from '../support/record-fixtures.ts';

// Agreements given before each relative was a party of her own: the
// migration turns a relative's yes recorded for the patient into her own, and
// leaves the patient's and staff's as they were.

const FIRST_NEW = '20261201235940_relative_representation_and_own_agreements';

describe.each(DATABASE_KINDS)("moving relatives' old agreements to their own party on %s", (kind) => {
  let database: EmptyDatabase;
  let before: string;
  beforeAll(async () => {
    database = await createEmptyDatabase(kind);
    before = mkdtempSync(join(tmpdir(), 'samplan-migrations-before-'));
    for (const name of readdirSync(MIGRATIONS_DIR)) {
      if (name < FIRST_NEW || !/^\d{14}_/.test(name)) cpSync(join(MIGRATIONS_DIR, name), join(before, name), { recursive: true });
    }
  });
  afterAll(async () => {
    rmSync(before, { recursive: true, force: true });
    await database?.dispose();
  });

  it("gives each relative's yes to her own party, links her link to her record row where the name is unambiguous, and keeps the rest", async () => {
    const old = await openDatabase(database.url, { migrationsDir: before });
    const { prisma } = old;
    const { patient, episode, plan, nurse } = await createRecord(prisma);
    // Rows the later columns do not exist for yet: written in SQL, as the schema was.
    const insert = async (sql: string, ...values: unknown[]) => ((await prisma.$queryRawUnsafe<{ id: string }[]>(`${sql} RETURNING id::text AS id`, ...values))[0] as { id: string });
    const hanneRow = await insert(`INSERT INTO "Relative" (id, "patientId", name, relation, "updatedAt") VALUES (gen_random_uuid(), $1::uuid, 'Hanne Jensen', 'datter', now())`, patient.id);
    const conference = await prisma.conference.create({
      data: { episodeId: episode.id, kind: 'discharge_conference', scheduledStart: new Date(), plannedDurationMinutes: 45, status: 'ended', hostId: nurse.id },
      select: { id: true },
    });
    const participant = (role: 'patient' | 'relative' | 'hospital', name: string | null, staffUserId: string | null = null) =>
      insert(
        `INSERT INTO "Participant" (id, "conferenceId", role, "externalName", "staffUserId", "updatedAt") VALUES (gen_random_uuid(), $1::uuid, $2::"ParticipantRole", $3, $4::uuid, now())`,
        conference.id,
        role,
        name,
        staffUserId,
      );
    const karen = await participant('patient', 'Karen Jensen');
    const hanne = await participant('relative', 'Hanne Jensen');
    const neighbour = await participant('relative', 'Nabo Hansen');
    const ward = await participant('hospital', null, nurse.id);
    const revision = async (number: number, parentId: string | null) =>
      (await prisma.planRevision.create({ data: { planId: plan.id, number, parentId, document: {}, operations: [], authorStaffId: nurse.id }, select: { id: true } })).id;
    const first = await revision(1, null);
    const second = await revision(2, first);
    const third = await revision(3, second);
    const agree = (revisionId: string, party: string, participantId: string) =>
      prisma.$executeRawUnsafe(
        `INSERT INTO "Agreement" (id, "revisionId", "conferenceId", party, "participantId") VALUES (gen_random_uuid(), $1::uuid, $2::uuid, $3::"AgreementParty", $4::uuid)`,
        revisionId,
        conference.id,
        party,
        participantId,
      );
    await agree(first, 'patient', hanne.id);
    await agree(first, 'hospital', ward.id);
    await agree(second, 'patient', karen.id);
    await agree(third, 'patient', neighbour.id);
    await old.close();

    const migrated = await openDatabase(database.url);
    try {
      expect(migrated.appliedMigrations).toContain(FIRST_NEW);
      const links = await migrated.prisma.participant.findMany({ where: { conferenceId: conference.id }, select: { id: true, relativeId: true } });
      expect(new Map(links.map((link) => [link.id, link.relativeId]))).toEqual(
        new Map([
          [karen.id, null],
          [hanne.id, hanneRow.id],
          [neighbour.id, null],
          [ward.id, null],
        ]),
      );
      const agreements = await migrated.prisma.agreement.findMany({ where: { conferenceId: conference.id }, select: { revisionId: true, party: true, partyKey: true, participantId: true, onBehalfAs: true } });
      expect(agreements.map((row) => [row.revisionId, row.party, row.partyKey, row.participantId, row.onBehalfAs]).sort()).toEqual(
        [
          // Hanne's yes was hers: no record said she could speak for her mother.
          [first, 'relative', `relative:${hanneRow.id}`, hanne.id, null],
          [first, 'hospital', 'hospital', ward.id, null],
          [second, 'patient', 'patient', karen.id, null],
          // A neighbour on no record row is known by her link.
          [third, 'relative', `relative:${neighbour.id}`, neighbour.id, null],
        ].sort(),
      );
      // Still append-only afterwards.
      await expect(migrated.prisma.agreement.updateMany({ where: { conferenceId: conference.id }, data: { partyKey: 'patient' } })).rejects.toThrow(/never changed or removed/);
      expect((await migrated.prisma.relative.findUniqueOrThrow({ where: { id: hanneRow.id } })).representation).toBe('none');
    } finally {
      await migrated.close();
    }
  });
});
