import { randomBytes, randomUUID } from 'node:crypto';
import type { Actor, ParticipantRole, PlanOperationInput, StaffSector } from '@samplan/shared';
import type { ParticipantPrincipal, StaffPrincipal } from '../../../server/src/auth/principal.ts';
import type { Db } from '../../../server/src/store/database.ts';
import type { StaffRole } from '../../../server/src/store/generated/enums.ts';
import { createRecord, uniqueLogin } from '../../support/record-fixtures.ts';

// An episode in a discharge conference: ward nurse, home nurse and GP in the
// care team, the patient and a daughter joined by link, a geriatrician and an
// outsider who are not. Principals are built as auth/principal.ts builds them.

const claims = (sub: string, kind: 'staff' | 'participant') => ({ sub, kind, jti: randomUUID(), auth_time: 0, iat: 0, exp: 0 });

const SECTOR = { hospital_ward: 'hospital', municipal_unit: 'municipality', general_practice: 'general_practice' } as const;

async function staff(db: Db, organisation: { id: string; name: string; sector: keyof typeof SECTOR }, name: string, role: StaffRole): Promise<StaffPrincipal> {
  const row = await db.staffUser.create({ data: { name, role, organisationId: organisation.id, login: uniqueLogin(), passwordHash: 'not-a-real-hash' } });
  const sector: StaffSector = SECTOR[organisation.sector];
  const actor: Actor = role === 'geriatrician' ? { kind: 'geriatric_team', userId: row.id } : { kind: 'staff', userId: row.id, organisationId: organisation.id, sector };
  return { kind: 'staff', staffId: row.id, name, role, organisationId: organisation.id, organisationName: organisation.name, sector, actor, session: claims(row.id, 'staff') };
}

export async function createConferenceScene(db: Db) {
  const record = await createRecord(db);
  const { ward, municipality, episode, patient } = record;
  const practice = await db.organisation.create({ data: { sector: 'general_practice', name: 'Lægehuset Torvet' } });
  const elsewhere = await db.organisation.create({ data: { sector: 'municipal_unit', name: 'Hjemmeplejen Øst' } });
  for (const organisation of [ward, municipality, practice]) await db.careTeamOrganisation.create({ data: { episodeId: episode.id, organisationId: organisation.id } });

  const nurse = await staff(db, ward, 'Sygeplejerske Hansen', 'nurse');
  const homeNurse = await staff(db, municipality, 'Anna Holm', 'home_nurse');
  const gp = await staff(db, practice, 'Dr. Lind', 'gp');
  const geriatrician = await staff(db, ward, 'Dr. Berg', 'geriatrician');
  const outsider = await staff(db, elsewhere, 'Ole Outsider', 'visitator');

  const conference = await db.conference.create({
    data: { episodeId: episode.id, kind: 'discharge_conference', scheduledStart: new Date(), plannedDurationMinutes: 45, status: 'live', hostId: nurse.staffId },
  });
  const joined = { lobbyState: 'admitted' as const, joinedAt: new Date() };
  const join = async (principal: StaffPrincipal, role: ParticipantRole) =>
    db.participant.create({ data: { conferenceId: conference.id, role, staffUserId: principal.staffId, ...joined } });
  await join(nurse, 'hospital');
  await join(homeNurse, 'municipality');
  await join(geriatrician, 'geriatrician');

  const guest = async (role: 'patient' | 'relative', name: string, conferenceId = conference.id): Promise<ParticipantPrincipal> => {
    const row = await db.participant.create({
      data: { conferenceId, role, externalName: name, tokenHash: randomBytes(32).toString('hex'), expiresAt: new Date(Date.now() + 86_400_000), ...joined },
    });
    return {
      kind: 'participant',
      participantId: row.id,
      conferenceId,
      episodeId: episode.id,
      name,
      role,
      actor: { kind: 'conference_guest', guestRole: role, conferenceId, episodeId: episode.id },
      session: claims(row.id, 'participant'),
    };
  };
  const karen = await guest('patient', 'Karen Jensen');
  const daughter = await guest('relative', 'Mette Jensen');

  return { ...record, practice, conference, nurse, homeNurse, gp, geriatrician, outsider, karen, daughter, guest };
}

/** Readable, valid v4 uuids: item(1) = 00000000-0000-4000-8000-000000000001. */
export const item = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

export const addTask = (n: number, what = `Task ${n}`): PlanOperationInput => ({
  op: 'add',
  section: 'tasks',
  item: { id: item(n), what, responsible: { role: 'municipality', organisation: 'Hjemmeplejen Vest' }, due: null, status: 'open' },
});
export const setTask = (n: number, set: Record<string, unknown>) => ({ op: 'update', section: 'tasks', id: item(n), set }) as PlanOperationInput;
export const addWish = (n: number, text: string): PlanOperationInput => ({ op: 'add', section: 'wishes', item: { id: item(n), text, topic: 'general', author: 'patient' } });
