import { randomBytes } from 'node:crypto';
import type { PlanOperationInput } from '@samplan/shared';
import { createPrincipalResolver, type ParticipantPrincipal, type StaffPrincipal } from '@samplan/server/auth/principal.ts';
import { sessionCookieName } from '@samplan/server/auth/sessionCookie.ts';
import { startSession } from '@samplan/server/auth/sessions.ts';
import { systemClock } from '@samplan/server/record/clock.ts';
import type { Db } from '@samplan/server/store/database.ts';
import type { StaffRole } from '@samplan/server/store/generated/enums.ts';
import { createRecord, uniqueLogin } from '../../support/record-fixtures.ts';

// An episode in a discharge conference: ward nurse, home nurse and GP in the
// care team, the patient and a daughter joined by link, a geriatrician and an
// outsider who are not. Everyone signs in as the server would see them: a
// session cookie, resolved by auth/principal.ts.

export const TEST_SECRET = 'plan-tests-secret-that-is-long-enough-for-hs256';

export function testPrincipals(db: Db) {
  return createPrincipalResolver({ db, secret: TEST_SECRET, secureCookies: false, now: systemClock });
}

type Signed<P> = P & { readonly cookie: string };

export async function signIn<P>(db: Db, kind: 'staff' | 'participant', subject: string, notAfter?: number): Promise<Signed<P>> {
  const { token } = await startSession({ db, secret: TEST_SECRET, now: systemClock }, { kind, subject, ...(notAfter === undefined ? {} : { notAfter }) });
  const cookie = `${sessionCookieName(false)}=${token}`;
  const principal = await testPrincipals(db).principalFromRequest({ headers: { cookie } });
  if (principal === null) throw new Error(`no principal for ${kind} ${subject}`);
  return { ...(principal as P), cookie };
}

export async function createConferenceScene(db: Db) {
  const record = await createRecord(db);
  const { ward, municipality, episode } = record;
  const practice = await db.organisation.create({ data: { sector: 'general_practice', name: 'Lægehuset Torvet' } });
  const elsewhere = await db.organisation.create({ data: { sector: 'municipal_unit', name: 'Hjemmeplejen Øst' } });
  for (const organisation of [ward, municipality, practice]) await db.careTeamOrganisation.create({ data: { episodeId: episode.id, organisationId: organisation.id } });

  const staff = async (organisationId: string, name: string, role: StaffRole) => {
    const row = await db.staffUser.create({ data: { name, role, organisationId, login: uniqueLogin(), passwordHash: 'not-a-real-hash' } });
    return signIn<StaffPrincipal>(db, 'staff', row.id);
  };
  const nurse = await staff(ward.id, 'Sygeplejerske Hansen', 'nurse');
  const homeNurse = await staff(municipality.id, 'Anna Holm', 'home_nurse');
  const gp = await staff(practice.id, 'Dr. Lind', 'gp');
  const geriatrician = await staff(ward.id, 'Dr. Berg', 'geriatrician');
  const outsider = await staff(elsewhere.id, 'Ole Outsider', 'visitator');

  const conference = await db.conference.create({
    data: { episodeId: episode.id, kind: 'discharge_conference', scheduledStart: new Date(), plannedDurationMinutes: 45, status: 'live', hostId: nurse.staffId },
  });
  const joined = { lobbyState: 'admitted' as const, joinedAt: new Date() };
  for (const [principal, role] of [
    [nurse, 'hospital'],
    [homeNurse, 'municipality'],
    [geriatrician, 'geriatrician'],
  ] as const) {
    await db.participant.create({ data: { conferenceId: conference.id, role, staffUserId: principal.staffId, ...joined } });
  }

  /** A link in the call; a relative from the patient's record (relativeId) is linked to her row, as an invitation from the record is. */
  const guest = async (role: 'patient' | 'relative', name: string, conferenceId = conference.id, relativeId: string | null = null) => {
    const expiresAt = new Date(Date.now() + 86_400_000);
    const row = await db.participant.create({
      data: { conferenceId, role, relativeId, externalName: name, tokenHash: randomBytes(32).toString('hex'), expiresAt, ...joined },
    });
    return signIn<ParticipantPrincipal>(db, 'participant', row.id, Math.floor(expiresAt.getTime() / 1000));
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
/** A wish names no author: the server takes it from who pushes it. */
export const addWish = (n: number, text: string): PlanOperationInput => ({ op: 'add', section: 'wishes', item: { id: item(n), text, topic: 'general' } });
