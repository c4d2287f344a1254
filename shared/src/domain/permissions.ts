import { z } from 'zod';
import { adviceWindowAt } from './adviceWindow.ts';
import type { EpisodeAccess } from './episode.ts';

export const ACTIONS = [
  'episode:read',
  'plan:read',
  'plan:edit-tasks',
  'plan:edit-wishes',
  'plan:comment',
  'plan:agree',
  'conference:schedule',
  'conference:join',
  'conference:admit',
  'advice:request',
  'advice:take',
  'audit:read',
  /** The patient's own view of who has looked at her record (as on sundhed.dk). */
  'access-log:read',
  'consent:record',
  /** Whether a relative represents the patient (guardian, power of attorney), from the papers shown. */
  'representation:record',
  'screening:record',
  'episode:discharge',
  'visit:record',
  'tobs:record',
] as const;
export const actionSchema = z.enum(ACTIONS);
export type Action = z.infer<typeof actionSchema>;

export const STAFF_SECTORS = ['hospital', 'municipality', 'general_practice'] as const;
export type StaffSector = (typeof STAFF_SECTORS)[number];

const id = z.string().min(1).max(100);

/** Who is asking, as the server knows them from their session or conference link. */
export const actorSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('staff'), userId: id, organisationId: id, sector: z.enum(STAFF_SECTORS) }),
  z.object({ kind: z.literal('geriatric_team'), userId: id }),
  /**
   * A patient or relative holding a link to one conference; `representative`
   * when the record names that relative the patient's guardian or holder of
   * her power of attorney.
   */
  z.object({
    kind: z.literal('conference_guest'),
    guestRole: z.enum(['patient', 'relative']),
    representative: z.literal(true).optional(),
    conferenceId: id,
    episodeId: id,
  }),
]);
export type Actor = z.infer<typeof actorSchema>;

/** The actor's relation to one episode; the permission table is keyed by it. */
export const STANDINGS = [
  'care_team_hospital',
  'care_team_municipality',
  'care_team_gp',
  'geriatric_team',
  'patient',
  'relative',
  /** A relative the record names the patient's representative. */
  'representative',
  'none',
] as const;
export type Standing = (typeof STANDINGS)[number];

/**
 * Who may do what, once the relation is known. Choices worth knowing:
 * - The geriatric team advises: it reads, comments and runs advice calls, but
 *   turning advice into tasks is the care team's job, and it is not a party
 *   that agrees to the plan.
 * - Patients and relatives read, agree, add wishes and comment through their
 *   link, and ask the geriatric team for advice from it: the 7-day advice is
 *   open to patient, relatives, municipality and GP alike. The ward has its
 *   own in-hospital geriatric consults.
 * - The patient reads who has looked at her record; of her relatives only a
 *   representative does (guardian, power of attorney), who also agrees to the
 *   plan on her behalf (plan/agreementParties.ts). Staff see the full trail
 *   (audit:read), the patient a plain one without staff detail.
 * - Who represents the patient is recorded by the ward and the municipality,
 *   who meet the relatives and see the papers; not by the GP or the
 *   geriatric team, who advise.
 * - Consent to share (and the access log that goes with it) is the
 *   discharging hospital's, per the sources. So is the follow-up screening,
 *   made during the admission to decide the discharge conference and visit.
 * - The discharge is the ward's act. The visits after it (reception visit,
 *   follow-up home visit, the day-after check) and TOBS are made by the
 *   municipality's nurses and the GP, so they record them; the ward reads them.
 */
export const PERMISSIONS: Readonly<Record<Standing, readonly Action[]>> = {
  care_team_hospital: [
    'episode:read',
    'plan:read',
    'plan:edit-tasks',
    'plan:edit-wishes',
    'plan:comment',
    'plan:agree',
    'conference:schedule',
    'conference:join',
    'conference:admit',
    'audit:read',
    'consent:record',
    'representation:record',
    'screening:record',
    'episode:discharge',
  ],
  care_team_municipality: [
    'episode:read',
    'plan:read',
    'plan:edit-tasks',
    'plan:edit-wishes',
    'plan:comment',
    'plan:agree',
    'conference:schedule',
    'conference:join',
    'conference:admit',
    'advice:request',
    'representation:record',
    'visit:record',
    'tobs:record',
  ],
  care_team_gp: [
    'episode:read',
    'plan:read',
    'plan:edit-tasks',
    'plan:edit-wishes',
    'plan:comment',
    'plan:agree',
    'conference:schedule',
    'conference:join',
    'conference:admit',
    'advice:request',
    'visit:record',
    'tobs:record',
  ],
  geriatric_team: ['episode:read', 'plan:read', 'plan:comment', 'conference:schedule', 'conference:join', 'conference:admit', 'advice:take'],
  patient: ['plan:read', 'plan:edit-wishes', 'plan:comment', 'plan:agree', 'conference:join', 'advice:request', 'access-log:read'],
  relative: ['plan:read', 'plan:edit-wishes', 'plan:comment', 'plan:agree', 'conference:join', 'advice:request'],
  representative: ['plan:read', 'plan:edit-wishes', 'plan:comment', 'plan:agree', 'conference:join', 'advice:request', 'access-log:read'],
  none: [],
};

/** Why an actor has no standing in an episode, for the audit log and the error shown. */
export type NoStandingReason = 'NOT_IN_CARE_TEAM' | 'ADVICE_WINDOW_NOT_OPEN' | 'OTHER_EPISODE' | 'OTHER_CONFERENCE';

export interface AccessTarget {
  readonly episode: EpisodeAccess;
  /** Set when the action concerns one conference (join, admit, …); a guest's link reaches only its own. */
  readonly conferenceId?: string;
  readonly now: Date;
}

export type StandingResult = { readonly standing: Exclude<Standing, 'none'> } | { readonly standing: 'none'; readonly reason: NoStandingReason };

const SECTOR_STANDING: Readonly<Record<StaffSector, Exclude<Standing, 'none'>>> = {
  hospital: 'care_team_hospital',
  municipality: 'care_team_municipality',
  general_practice: 'care_team_gp',
};

export function standingOf(actor: Actor, target: AccessTarget): StandingResult {
  const { episode } = target;
  switch (actor.kind) {
    case 'staff': {
      const inTeam = episode.careTeam.includes(actor.organisationId) || (episode.careTeamStaff?.includes(actor.userId) ?? false);
      if (!inTeam) return { standing: 'none', reason: 'NOT_IN_CARE_TEAM' };
      return { standing: SECTOR_STANDING[actor.sector] };
    }
    case 'geriatric_team': {
      const open = adviceWindowAt(episode.dischargedAt, target.now).state === 'open';
      return open ? { standing: 'geriatric_team' } : { standing: 'none', reason: 'ADVICE_WINDOW_NOT_OPEN' };
    }
    case 'conference_guest': {
      if (actor.episodeId !== episode.id) return { standing: 'none', reason: 'OTHER_EPISODE' };
      if (target.conferenceId !== undefined && target.conferenceId !== actor.conferenceId) return { standing: 'none', reason: 'OTHER_CONFERENCE' };
      return { standing: actor.guestRole === 'relative' && actor.representative === true ? 'representative' : actor.guestRole };
    }
  }
}

export type Decision =
  | { readonly allowed: true; readonly standing: Standing }
  | { readonly allowed: false; readonly standing: Standing; readonly reason: NoStandingReason | 'NOT_ALLOWED_FOR_STANDING' };

/** Actions on one conference: a guest's link must name that very conference. */
const CONFERENCE_SCOPED: ReadonlySet<Action> = new Set(['conference:schedule', 'conference:join', 'conference:admit']);

/** The one check the server makes for every route and socket event. */
export function authorize(actor: Actor, action: Action, target: AccessTarget): Decision {
  const result = standingOf(actor, target);
  if (result.standing === 'none') return { allowed: false, standing: 'none', reason: result.reason };
  // Without this, a link to Tuesday's conference would open every conference of the episode.
  if (actor.kind === 'conference_guest' && CONFERENCE_SCOPED.has(action) && target.conferenceId !== actor.conferenceId) {
    return { allowed: false, standing: 'none', reason: 'OTHER_CONFERENCE' };
  }
  return PERMISSIONS[result.standing].includes(action)
    ? { allowed: true, standing: result.standing }
    : { allowed: false, standing: result.standing, reason: 'NOT_ALLOWED_FOR_STANDING' };
}

/** Everything the actor may do here, for the client to show or hide controls. */
export function allowedActions(actor: Actor, target: AccessTarget): readonly Action[] {
  return ACTIONS.filter((action) => authorize(actor, action, target).allowed);
}
