/**
 * Who an organiser invites by default, from the pathway's rules
 * (CONFERENCE_KIND_RULES): the staff functions a kind of conference expects,
 * matched to the care team's people by their professional role.
 */
import { CONFERENCE_KIND_RULES, type ConferenceKind, type EpisodeDetail, type StaffFunction, type StaffRole } from '@samplan/shared';

const FUNCTION_OF_ROLE: Readonly<Record<StaffRole, StaffFunction>> = {
  discharge_coordinator: 'discharge_coordinator',
  doctor: 'ward_doctor',
  nurse: 'ward_nurse',
  therapist: 'therapist',
  visitator: 'visitator',
  home_nurse: 'home_nurse',
  gp: 'general_practitioner',
  geriatrician: 'geriatrician',
  // The acute roles are not expected at the pathway's conferences; the nearest function says what they are when invited.
  visitation_nurse: 'ward_nurse',
  acute_nurse: 'home_nurse',
  out_of_hours_doctor: 'general_practitioner',
};

type Staff = EpisodeDetail['careTeam']['staff'][number];

export function expectedFunctions(kind: ConferenceKind): { expected: StaffFunction[]; whenUnclear: StaffFunction[] } {
  const functions = (attendance: string) =>
    CONFERENCE_KIND_RULES[kind].participants.filter((p) => p.attendance === attendance && p.as !== undefined).map((p) => p.as as StaffFunction);
  return { expected: functions('expected'), whenUnclear: functions('when_treatment_unclear') };
}

/** The staff to tick from the start: those whose function the kind expects; never the organiser, who hosts anyway. */
export function preselectedStaff(kind: ConferenceKind, staff: readonly Staff[], organiserId: string): Set<string> {
  const { expected } = expectedFunctions(kind);
  return new Set(staff.filter((person) => person.id !== organiserId && expected.includes(FUNCTION_OF_ROLE[person.role])).map((person) => person.id));
}

/** The kind to offer first: a goal conversation early in the stay, a discharge conference later, a follow-up once home. */
export function defaultKind(episode: Pick<EpisodeDetail, 'dischargedAt' | 'clocks'>, now: Date): ConferenceKind {
  if (episode.dischargedAt !== null) return 'follow_up';
  return now < new Date(episode.clocks.goalConversation.until) ? 'goal_conversation' : 'discharge_conference';
}

/** Guests (patient and relatives) are expected at every kind but the advice call, where the requester is invited. */
export function guestsExpected(kind: ConferenceKind): boolean {
  return CONFERENCE_KIND_RULES[kind].participants.some((p) => p.who === 'patient' && p.attendance === 'expected');
}
