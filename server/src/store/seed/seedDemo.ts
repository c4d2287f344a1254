import { randomUUID } from 'node:crypto';
import { applyOperations, atLocalTime, emptyPlan, type PlanOperation } from '@samplan/shared';
import { hashPassword } from '../../auth/password.ts';
import { joinLinkExpiry, joinPath, newJoinToken } from '../../auth/joinLink.ts';
import type { Db, DbTransaction } from '../database.ts';
import type { ParticipantRole } from '../generated/enums.ts';
import { appendPlanRevision } from '../planRevisions.ts';
import { UniqueConflictError } from '../uniqueConflict.ts';
import { DEMO_ACUTE_OFFERS, DEMO_ORGANISATIONS, DEMO_PASSWORD, DEMO_PATIENTS, DEMO_STAFF, type DemoOrganisation, type DemoPatientKey, type DemoStaffKey } from './demoPeople.ts';

export interface DemoLogin {
  readonly login: string;
  readonly what: string;
}

export interface SeedResult {
  /** True when this call filled the database. */
  readonly seeded: boolean;
  /** The demo accounts present (seeded now or earlier), to print at start. */
  readonly logins: readonly DemoLogin[];
  readonly password: string;
  /** Join links of the first conference's patient and relative; only on the run that seeded (only hashes are stored). */
  readonly guestLinks: ReadonlyArray<{ name: string; path: string }>;
}

const HOUR = 3_600_000;

/**
 * Fills an EMPTY database with the demo scenario, its times relative to
 * `now`: one patient admitted yesterday, one discharged today, one
 * discharged five days ago (advice window open). A database with anything in
 * it is left alone, so this is safe on every start; two servers starting at
 * once both try, the unique logins let one win, the other skips.
 */
export async function seedDemoIfEmpty(db: Db, now: Date): Promise<SeedResult> {
  let guestLinks: SeedResult['guestLinks'] = [];
  let seeded = false;
  if (await isEmpty(db)) {
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    try {
      guestLinks = await db.$transaction((tx) => seed(tx, now, passwordHash), { timeout: 60_000, maxWait: 60_000 });
      seeded = true;
    } catch (error) {
      if (!(error instanceof UniqueConflictError)) throw error;
    }
  }
  const present = await db.staffUser.findMany({ where: { login: { in: DEMO_STAFF.map((staff) => staff.login) } }, select: { login: true } });
  const logins = DEMO_STAFF.filter((staff) => present.some((row) => row.login === staff.login)).map(({ login, what }) => ({ login, what }));
  return { seeded, logins, password: DEMO_PASSWORD, guestLinks };
}

async function isEmpty(db: Db): Promise<boolean> {
  const [organisations, staff, patients] = await Promise.all([db.organisation.count(), db.staffUser.count(), db.patient.count()]);
  return organisations + staff + patients === 0;
}

async function seed(tx: DbTransaction, now: Date, passwordHash: string) {
  const org = {} as Record<DemoOrganisation, string>;
  for (const [key, value] of Object.entries(DEMO_ORGANISATIONS) as Array<[DemoOrganisation, (typeof DEMO_ORGANISATIONS)[DemoOrganisation]]>) {
    org[key] = (await tx.organisation.create({ data: value, select: { id: true } })).id;
  }
  const staff = {} as Record<DemoStaffKey, string>;
  for (const person of DEMO_STAFF) {
    staff[person.key] = (
      await tx.staffUser.create({
        data: {
          login: person.login,
          name: person.name,
          role: person.role,
          organisationId: org[person.organisation],
          administrator: 'administrator' in person && person.administrator,
          passwordHash,
        },
        select: { id: true },
      })
    ).id;
  }
  const acuteOffers: string[] = [];
  for (const { municipality, competences, ...offer } of DEMO_ACUTE_OFFERS) {
    acuteOffers.push((await tx.acuteOffer.create({ data: { ...offer, competences: [...competences], municipalityId: org[municipality] }, select: { id: true } })).id);
  }
  // One bed in Randers taken this morning by the out-of-hours doctor, so the overview shows an occupied bed.
  const takenAt = new Date(now.getTime() - 3 * HOUR);
  await tx.acuteBedReservation.create({
    data: {
      offerId: acuteOffers[0] as string,
      status: 'confirmed',
      reservedById: staff.outOfHoursDoctor,
      reservedAt: takenAt,
      expiresAt: new Date(takenAt.getTime() + 30 * 60_000),
      confirmedById: staff.outOfHoursDoctor,
      confirmedAt: new Date(takenAt.getTime() + 10 * 60_000),
    },
  });

  const patient = async (key: DemoPatientKey) => {
    const { relatives, home, dateOfBirth, ...fields } = DEMO_PATIENTS[key];
    return tx.patient.create({
      data: { ...fields, dateOfBirth: new Date(`${dateOfBirth}T00:00:00Z`), homeMunicipalityId: org[home], relatives: { create: relatives.map((relative) => ({ ...relative })) } },
      select: { id: true, name: true, phone: true, relatives: { select: { id: true, name: true, phone: true, email: true } } },
    });
  };

  const episode = async (patientId: string, times: { admittedAt: Date; dischargedAt?: Date }, screeningScore: number, team: DemoOrganisation[]) =>
    tx.episode.create({
      data: {
        patientId,
        admittingWardId: org.ward,
        admittedAt: times.admittedAt,
        dischargedAt: times.dischargedAt ?? null,
        status: times.dischargedAt === undefined ? 'admitted' : 'discharged',
        screeningScore,
        careTeamOrganisations: { create: team.map((key) => ({ organisationId: org[key], addedById: staff.coordinator, addedAt: times.admittedAt })) },
      },
      select: { id: true },
    });

  const consents = (patientId: string, episodeId: string, at: Date) =>
    tx.consent.createMany({
      data: (['share_across_sectors', 'video_participation'] as const).map((scope) => ({ patientId, episodeId, scope, recordedById: staff.nurse, recordedAt: at })),
    });

  const firstRevision = async (episodeId: string, author: DemoStaffKey, ops: PlanOperation[], at: Date, conferenceId?: string) => {
    const plan = await tx.carePlan.create({ data: { episodeId, createdAt: at }, select: { id: true } });
    const applied = applyOperations(emptyPlan(), ops, { by: { id: `staff:${staff[author]}`, name: 'Samplan demo', role: 'hospital' }, at: at.toISOString() });
    if (!applied.ok) throw new Error(`demo plan does not apply: ${JSON.stringify(applied.rejection)}`);
    return appendPlanRevision(tx, { planId: plan.id, parentNumber: null, document: applied.doc, operations: ops, author: { staffId: staff[author] }, conferenceId: conferenceId ?? null, createdAt: at });
  };

  // 1. Karen Jensen, admitted yesterday afternoon; the goal conversation is on day 2.
  const karen = await patient('admitted');
  const karenAdmitted = atLocalTime(now, -1, 15, 30);
  const karenEpisode = await episode(karen.id, { admittedAt: karenAdmitted }, 34, ['ward', 'odder', 'gp']);
  await consents(karen.id, karenEpisode.id, new Date(karenAdmitted.getTime() + 2 * HOUR));
  // Day 2 at 10:00 as the pathway suggests; if the demo starts later than that, soon, so its links still open.
  const suggested = atLocalTime(karenAdmitted, 1, 10, 0);
  const goalStart = suggested > now ? suggested : new Date(Math.ceil((now.getTime() + 15 * 60_000) / (15 * 60_000)) * 15 * 60_000);
  const goal = await tx.conference.create({
    data: { episodeId: karenEpisode.id, kind: 'goal_conversation', scheduledStart: goalStart, plannedDurationMinutes: 45, hostId: staff.coordinator },
    select: { id: true },
  });
  const staffIn = (conferenceId: string, key: DemoStaffKey, role: ParticipantRole, lobbyState: 'invited' | 'admitted' = 'invited') =>
    tx.participant.create({ data: { conferenceId, staffUserId: staff[key], role, lobbyState, invitedById: staff.coordinator }, select: { id: true } });
  await staffIn(goal.id, 'coordinator', 'hospital', 'admitted');
  await staffIn(goal.id, 'nurse', 'hospital');
  await staffIn(goal.id, 'doctor', 'hospital');
  await staffIn(goal.id, 'therapist', 'hospital');
  await staffIn(goal.id, 'odderVisitator', 'municipality');
  const goalLinksExpire = joinLinkExpiry(new Date(goalStart.getTime() + 45 * 60_000));
  const guestLinks: Array<{ name: string; path: string }> = [];
  for (const guest of [
    { role: 'patient' as const, relativeId: null, name: karen.name, phone: karen.phone, email: null },
    ...karen.relatives.map((relative) => ({ role: 'relative' as const, relativeId: relative.id, name: relative.name, phone: relative.phone, email: relative.email })),
  ]) {
    const link = newJoinToken();
    await tx.participant.create({
      data: {
        conferenceId: goal.id,
        role: guest.role,
        relativeId: guest.relativeId,
        externalName: guest.name,
        externalPhone: guest.phone,
        externalEmail: guest.email,
        tokenHash: link.tokenHash,
        expiresAt: goalLinksExpire,
        invitedById: staff.coordinator,
      },
    });
    guestLinks.push({ name: guest.name, path: joinPath(link.token) });
  }
  await firstRevision(
    karenEpisode.id,
    'coordinator',
    [
      { op: 'add', section: 'goals', item: { id: randomUUID(), text: 'Komme hjem til huset i Odder og kunne gå ud i haven igen.' } },
      { op: 'add', section: 'needs', item: { id: randomUUID(), text: 'Hjælp til bad og påklædning de første uger.' } },
      { op: 'add', section: 'tasks', item: { id: randomUUID(), what: 'Visitation til hjemmepleje før udskrivelse', responsible: { role: 'municipality', organisation: 'Odder Kommune' }, due: null, status: 'open' } },
      { op: 'add', section: 'contacts', item: { id: randomUUID(), name: 'Medicinsk Afdeling M2', role: 'Sengeafsnit', phone: '+45 78 42 00 00', whenToCall: 'Spørgsmål under indlæggelsen, hele døgnet.' } },
    ],
    new Date(karenAdmitted.getTime() + 3 * HOUR),
  );

  // 2. Poul Erik Nielsen, discharged this morning after a video discharge conference yesterday.
  const poul = await patient('dischargedToday');
  const poulAdmitted = atLocalTime(now, -4, 11, 0);
  const todayTen = atLocalTime(now, 0, 10, 0);
  const poulDischarged = todayTen.getTime() <= now.getTime() - HOUR / 2 ? todayTen : new Date(now.getTime() - HOUR / 2);
  const poulEpisode = await episode(poul.id, { admittedAt: poulAdmitted, dischargedAt: poulDischarged }, 27, ['ward', 'skanderborg', 'gp']);
  await consents(poul.id, poulEpisode.id, new Date(poulAdmitted.getTime() + 4 * HOUR));
  const dischargeStart = atLocalTime(now, -1, 13, 0);
  const discharge = await tx.conference.create({
    data: {
      episodeId: poulEpisode.id,
      kind: 'discharge_conference',
      scheduledStart: dischargeStart,
      plannedDurationMinutes: 30,
      hostId: staff.nurse,
      status: 'ended',
      startedAt: dischargeStart,
      endedAt: new Date(dischargeStart.getTime() + 35 * 60_000),
    },
    select: { id: true },
  });
  const nurseIn = await staffIn(discharge.id, 'nurse', 'hospital', 'admitted');
  const homeNurseIn = await staffIn(discharge.id, 'skanderborgNurse', 'municipality', 'admitted');
  const poulIn = await tx.participant.create({
    data: {
      conferenceId: discharge.id,
      role: 'patient',
      externalName: poul.name,
      externalPhone: poul.phone,
      tokenHash: newJoinToken().tokenHash,
      expiresAt: joinLinkExpiry(new Date(dischargeStart.getTime() + 35 * 60_000)),
      lobbyState: 'admitted',
      joinedAt: dischargeStart,
      leftAt: new Date(dischargeStart.getTime() + 35 * 60_000),
      invitedById: staff.nurse,
    },
    select: { id: true },
  });
  const agreed = await firstRevision(
    poulEpisode.id,
    'nurse',
    [
      { op: 'add', section: 'goals', item: { id: randomUUID(), text: 'Klare mig selv hjemme med Inge, og gå min tur til købmanden.' } },
      { op: 'add', section: 'tasks', item: { id: randomUUID(), what: 'Modtagebesøg af hjemmesygeplejen inden for 24 timer', responsible: { role: 'municipality', organisation: 'Skanderborg Kommune' }, due: new Date(poulDischarged.getTime() + 24 * HOUR).toISOString(), status: 'open' } },
      { op: 'add', section: 'tasks', item: { id: randomUUID(), what: 'Opfølgende hjemmebesøg med egen læge', responsible: { role: 'gp', organisation: 'Lægehuset Rosensgade' }, due: atLocalTime(poulDischarged, 8, 12, 0).toISOString(), status: 'open' } },
      { op: 'add', section: 'medication', item: { id: randomUUID(), text: 'Furosemid øget til 40 mg morgen; vægt dagligt, ring ved stigning over 2 kg.' } },
      { op: 'add', section: 'aids', item: { id: randomUUID(), what: 'Rollator', status: 'in_place' } },
    ],
    new Date(dischargeStart.getTime() + 30 * 60_000),
    discharge.id,
  );
  await tx.agreement.createMany({
    data: [
      { revisionId: agreed.id, conferenceId: discharge.id, party: 'hospital', partyKey: 'hospital', participantId: nurseIn.id, agreedAt: new Date(dischargeStart.getTime() + 33 * 60_000) },
      { revisionId: agreed.id, conferenceId: discharge.id, party: 'municipality', partyKey: 'municipality', participantId: homeNurseIn.id, agreedAt: new Date(dischargeStart.getTime() + 33 * 60_000) },
      { revisionId: agreed.id, conferenceId: discharge.id, party: 'patient', partyKey: 'patient', participantId: poulIn.id, agreedAt: new Date(dischargeStart.getTime() + 34 * 60_000) },
    ],
  });
  await tx.conference.update({ where: { id: discharge.id }, data: { agreedRevisionId: agreed.id } });

  // 3. Ella Sørensen, home five days; her neighbour has called the advice line.
  const ella = await patient('inAdviceWindow');
  const ellaDischarged = atLocalTime(now, -5, 11, 0);
  const ellaEpisode = await episode(ella.id, { admittedAt: atLocalTime(now, -9, 9, 0), dischargedAt: ellaDischarged }, 31, ['ward', 'odder', 'gp']);
  await consents(ella.id, ellaEpisode.id, atLocalTime(now, -9, 12, 0));
  await firstRevision(
    ellaEpisode.id,
    'doctor',
    [
      { op: 'add', section: 'goals', item: { id: randomUUID(), text: 'Blive i min lejlighed så længe som muligt.' } },
      { op: 'add', section: 'wishes', item: { id: randomUUID(), text: 'Vil ikke genoplives ved hjertestop; ønsker at dø hjemme.', topic: 'end_of_life' } },
      { op: 'add', section: 'tasks', item: { id: randomUUID(), what: 'Ugentligt besøg af hjemmesygeplejerske (KOL-plan)', responsible: { role: 'municipality', organisation: 'Odder Kommune' }, due: null, status: 'open' } },
    ],
    new Date(ellaDischarged.getTime() - 2 * HOUR),
  );
  await tx.adviceRequest.create({
    data: {
      episodeId: ellaEpisode.id,
      requestedBy: 'relative',
      requesterName: 'Jørgen Sørensen',
      requesterContact: '+45 20 30 40 50',
      channel: 'phone',
      question: 'Ella er mere forvirret end i går og vil ikke drikke. Skal vi ringe til lægen, eller kan I se på hendes medicin?',
      urgency: 'urgent',
      createdAt: new Date(now.getTime() - 2 * HOUR),
    },
  });
  await tx.conference.create({
    data: { episodeId: ellaEpisode.id, kind: 'follow_up', scheduledStart: atLocalTime(now, 1, 13, 0), plannedDurationMinutes: 30, hostId: staff.odderNurse },
  });
  return guestLinks;
}
