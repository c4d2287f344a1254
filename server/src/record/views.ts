import {
  adviceWindowAt,
  agreementPartySchema,
  type AdviceWindowView,
  type ConferenceView,
  type EpisodeClocks,
  followUpVisitDue,
  goalConversationWindow,
  maskCpr,
  parseCpr,
  type ParticipantView,
  type PatientRef,
  receptionVisitDue,
  type ScreeningRecommendation,
  screeningRecommendations,
} from '@samplan/shared';
import type { ConferenceKind, ConferenceStatus, LobbyState, ParticipantRole, Representation } from '../store/generated/enums.ts';

/** Pure mappings from stored rows to what the API sends; no database, no clock of their own. */

const iso = (date: Date) => date.toISOString();
const isoOrNull = (date: Date | null) => (date === null ? null : date.toISOString());

export function maskedCpr(stored: string): string {
  const parsed = parseCpr(stored);
  // A CHECK keeps stored numbers in shape; the fallback only keeps a bad row from leaking its serial.
  return parsed.ok ? maskCpr(parsed.cpr) : `${stored.slice(0, 6).padEnd(6, '0')}-****`;
}

export function patientRef(patient: { id: string; name: string; cprNumber: string }): PatientRef {
  return { id: patient.id, name: patient.name, cpr: maskedCpr(patient.cprNumber) };
}

export function adviceWindowView(dischargedAt: Date | null, now: Date): AdviceWindowView {
  const window = adviceWindowAt(dischargedAt, now);
  if (window.state === 'not_open') return { state: 'not_open' };
  return window.state === 'open'
    ? { state: 'open', opensAt: iso(window.opensAt), closesAt: iso(window.closesAt), msLeft: window.msLeft }
    : { state: 'closed', opensAt: iso(window.opensAt), closedAt: iso(window.closedAt) };
}

export function episodeClocks(episode: { admittedAt: Date; dischargedAt: Date | null }, now: Date): EpisodeClocks {
  const goal = goalConversationWindow(episode.admittedAt);
  return {
    goalConversation: { from: iso(goal.from), until: iso(goal.until), defaultStart: iso(goal.defaultStart) },
    adviceWindow: adviceWindowView(episode.dischargedAt, now),
    receptionVisitDue: episode.dischargedAt === null ? null : iso(receptionVisitDue(episode.dischargedAt)),
    followUpVisitDue: episode.dischargedAt === null ? null : iso(followUpVisitDue(episode.dischargedAt)),
  };
}

export function recommendationsOf(score: number | null): ScreeningRecommendation[] {
  if (score === null) return [];
  const result = screeningRecommendations(score);
  return result.ok ? [...result.recommend] : [];
}

export interface ParticipantRow {
  id: string;
  role: ParticipantRole;
  staffUserId: string | null;
  staffUser: { name: string } | null;
  externalName: string | null;
  externalPhone: string | null;
  externalEmail: string | null;
  tokenHash: string | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
  lobbyState: LobbyState;
  joinedAt: Date | null;
  leftAt: Date | null;
}

export const participantSelect = {
  id: true,
  role: true,
  staffUserId: true,
  staffUser: { select: { name: true } },
  externalName: true,
  externalPhone: true,
  externalEmail: true,
  tokenHash: true,
  expiresAt: true,
  revokedAt: true,
  lobbyState: true,
  joinedAt: true,
  leftAt: true,
} as const;

/** A guest sees who is in the call, not their contact details or link states. */
export function participantView(row: ParticipantRow, forGuest: boolean): ParticipantView {
  return {
    id: row.id,
    role: row.role,
    name: row.staffUser?.name ?? row.externalName ?? '',
    staffId: row.staffUserId,
    lobbyState: row.lobbyState,
    joinedAt: isoOrNull(row.joinedAt),
    leftAt: isoOrNull(row.leftAt),
    link: forGuest || row.tokenHash === null || row.expiresAt === null ? null : { expiresAt: iso(row.expiresAt), revokedAt: isoOrNull(row.revokedAt) },
    contact: forGuest || row.staffUserId !== null ? null : { phone: row.externalPhone, email: row.externalEmail },
  };
}

export interface ConferenceRow {
  id: string;
  episodeId: string;
  kind: ConferenceKind;
  status: ConferenceStatus;
  scheduledStart: Date;
  plannedDurationMinutes: number;
  host: { id: string; name: string };
  startedAt: Date | null;
  endedAt: Date | null;
  agreedRevisionId: string | null;
  agreedPresence: AgreedPresenceRow[];
  participants: ParticipantRow[];
}

interface PersonRow {
  role: ParticipantRole;
  staffUser: { name: string } | null;
  externalName: string | null;
}

interface AgreedPresenceRow {
  revision: { id: string; number: number };
  participant: PersonRow;
  agreement: AgreementRow | null;
  representedAgreement: AgreementRow | null;
}

interface AgreementRow {
  id: string;
  partyKey: string;
  onBehalfAs: Representation | null;
  agreedAt: Date;
  participant: PersonRow;
  conference: { episode: { patient: { name: string } } };
}

const personSelect = { role: true, staffUser: { select: { name: true } }, externalName: true } as const;
const agreementSelect = {
  id: true,
  partyKey: true,
  onBehalfAs: true,
  agreedAt: true,
  participant: { select: personSelect },
  conference: { select: { episode: { select: { patient: { select: { name: true } } } } } },
} as const;

export const conferenceSelect = {
  id: true,
  episodeId: true,
  kind: true,
  status: true,
  scheduledStart: true,
  plannedDurationMinutes: true,
  host: { select: { id: true, name: true } },
  startedAt: true,
  endedAt: true,
  agreedRevisionId: true,
  agreedPresence: {
    select: {
      revision: { select: { id: true, number: true } },
      participant: { select: personSelect },
      agreement: { select: agreementSelect },
      representedAgreement: { select: agreementSelect },
    },
    orderBy: { participant: { createdAt: 'asc' } },
  },
  participants: { select: participantSelect, orderBy: { createdAt: 'asc' } },
} as const;

export function scheduledEnd(conference: { scheduledStart: Date; plannedDurationMinutes: number }): Date {
  return new Date(conference.scheduledStart.getTime() + conference.plannedDurationMinutes * 60_000);
}

export function conferenceView(row: ConferenceRow, forGuest: boolean): ConferenceView {
  return {
    id: row.id,
    episodeId: row.episodeId,
    kind: row.kind,
    status: row.status,
    scheduledStart: iso(row.scheduledStart),
    plannedDurationMinutes: row.plannedDurationMinutes,
    scheduledEnd: iso(scheduledEnd(row)),
    host: row.host,
    startedAt: isoOrNull(row.startedAt),
    endedAt: isoOrNull(row.endedAt),
    agreedRevisionId: row.agreedRevisionId,
    agreedWith: agreedWithOf(row),
    participants: row.participants.map((participant) => participantView(participant, forGuest)),
  };
}

const nameOf = (person: PersonRow) => person.staffUser?.name ?? person.externalName ?? '';

/** The presence recorded with the conference's agreed revision (record/plan/agreedPresence.ts); null when none was. */
function agreedWithOf(row: ConferenceRow): ConferenceView['agreedWith'] {
  const rows = row.agreedPresence.filter((presence) => presence.revision.id === row.agreedRevisionId);
  const first = rows[0];
  if (first === undefined) return null;
  const agreements = new Map(
    rows.flatMap(({ agreement, representedAgreement }) => [agreement, representedAgreement].flatMap((given) => (given === null ? [] : [[given.id, given] as const]))),
  );
  return {
    revision: first.revision.number,
    present: rows.map(({ participant }) => ({ name: nameOf(participant), role: participant.role })),
    agreedBy: [...agreements.values()].map((agreement) => ({
      party: agreementPartySchema.parse(agreement.partyKey),
      name: nameOf(agreement.participant),
      role: agreement.participant.role,
      at: iso(agreement.agreedAt),
      onBehalfOf:
        agreement.onBehalfAs === null || agreement.onBehalfAs === 'none'
          ? null
          : { name: agreement.conference.episode.patient.name, as: agreement.onBehalfAs },
    })),
  };
}
