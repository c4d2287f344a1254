import { z } from 'zod';
import type { ParticipantRole } from '../roles.ts';

export const CONFERENCE_KINDS = ['goal_conversation', 'discharge_conference', 'advice_call', 'follow_up', 'acute_assessment'] as const;
export const conferenceKindSchema = z.enum(CONFERENCE_KINDS);
export type ConferenceKind = z.infer<typeof conferenceKindSchema>;

/**
 * The discharge pathway's conferences, which the indicators count; the acute
 * assessment is before or beside it. A record, so a new kind must say.
 */
const IN_PATHWAY = { goal_conversation: true, discharge_conference: true, advice_call: true, follow_up: true, acute_assessment: false } as const satisfies Record<ConferenceKind, boolean>;
export type PathwayConferenceKind = { [K in ConferenceKind]: (typeof IN_PATHWAY)[K] extends true ? K : never }[ConferenceKind];
export const PATHWAY_CONFERENCE_KINDS: readonly PathwayConferenceKind[] = CONFERENCE_KINDS.filter((kind): kind is PathwayConferenceKind => IN_PATHWAY[kind]);

/** Finer than ParticipantRole: who the organiser should invite, shown on the invitation list. */
export const STAFF_FUNCTIONS = [
  'discharge_coordinator',
  'ward_doctor',
  'ward_nurse',
  'therapist',
  'visitator',
  'home_nurse',
  'general_practitioner',
  'geriatrician',
  'acute_nurse',
  'out_of_hours_doctor',
  'visitation_nurse',
] as const;
export type StaffFunction = (typeof STAFF_FUNCTIONS)[number];

export type Attendance =
  /** Invite them; the conference is incomplete without them. */
  | 'expected'
  /** The GP joins a discharge conference when the further treatment is unclear. */
  | 'when_treatment_unclear'
  /** Welcome, not needed for the conference to go ahead. */
  | 'welcome';

export interface ExpectedParticipant {
  /** `requester`: whoever asked for the advice call (patient, relative, municipality or GP). */
  readonly who: ParticipantRole | 'requester';
  readonly as?: StaffFunction;
  readonly attendance: Attendance;
}

/** Who may ask for geriatric advice: "open to the patient, relatives, the municipality and the GP". */
export const ADVICE_REQUESTER_ROLES = ['patient', 'relative', 'municipality', 'gp'] as const satisfies readonly ParticipantRole[];

/**
 * Where a conference of a kind begins: booked on the schedule page; the
 * geriatric team's call answering an advice request; or the acute team taking
 * a doctor's request, which starts it at once and is never scheduled.
 */
export type ConferenceOrigin = 'schedule' | 'advice_request' | 'acute_request';

export interface ConferenceKindRules {
  readonly defaultMinutes: number;
  readonly participants: readonly ExpectedParticipant[];
  readonly origin: ConferenceOrigin;
  /** Held after discharge: its link leads the guest to "Ask the geriatric team". */
  readonly afterDischarge: boolean;
}

/**
 * Durations: 45 min for the goal conversation is from the sources; the others
 * are product defaults the organiser can change.
 */
export const CONFERENCE_KIND_RULES: Readonly<Record<ConferenceKind, ConferenceKindRules>> = {
  goal_conversation: {
    origin: 'schedule',
    afterDischarge: false,
    defaultMinutes: 45,
    participants: [
      { who: 'hospital', as: 'discharge_coordinator', attendance: 'expected' },
      { who: 'hospital', as: 'ward_doctor', attendance: 'expected' },
      { who: 'hospital', as: 'ward_nurse', attendance: 'expected' },
      { who: 'hospital', as: 'therapist', attendance: 'expected' },
      { who: 'municipality', as: 'visitator', attendance: 'expected' },
      { who: 'patient', attendance: 'expected' },
      { who: 'relative', attendance: 'expected' },
    ],
  },
  discharge_conference: {
    origin: 'schedule',
    afterDischarge: false,
    defaultMinutes: 30,
    participants: [
      { who: 'patient', attendance: 'expected' },
      { who: 'relative', attendance: 'expected' },
      { who: 'hospital', as: 'ward_nurse', attendance: 'expected' },
      { who: 'municipality', as: 'home_nurse', attendance: 'expected' },
      { who: 'gp', as: 'general_practitioner', attendance: 'when_treatment_unclear' },
    ],
  },
  advice_call: {
    origin: 'advice_request',
    afterDischarge: true,
    defaultMinutes: 20,
    participants: [
      { who: 'geriatrician', as: 'geriatrician', attendance: 'expected' },
      { who: 'requester', attendance: 'expected' },
    ],
  },
  follow_up: {
    origin: 'schedule',
    afterDischarge: true,
    defaultMinutes: 30,
    participants: [
      { who: 'patient', attendance: 'expected' },
      { who: 'municipality', as: 'home_nurse', attendance: 'expected' },
      { who: 'gp', as: 'general_practitioner', attendance: 'expected' },
      { who: 'relative', attendance: 'welcome' },
    ],
  },
  /** Ad hoc, never scheduled: the acute nurse at the citizen's home and the doctor who asked. */
  acute_assessment: {
    origin: 'acute_request',
    afterDischarge: false,
    defaultMinutes: 30,
    participants: [
      { who: 'municipality', as: 'acute_nurse', attendance: 'expected' },
      { who: 'requester', attendance: 'expected' },
      { who: 'patient', attendance: 'welcome' },
      { who: 'hospital', as: 'visitator', attendance: 'welcome' },
      { who: 'municipality', as: 'visitation_nurse', attendance: 'welcome' },
    ],
  },
};
