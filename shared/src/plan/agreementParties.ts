import type { ActingRepresentation, Representation } from '../api/relatives.ts';
import { agreementOnFlags } from '../domain/agreement.ts';
import { type AgreementParties, type AgreementParty, type AgreementStatusView, isRelativeParty, type RelativeParty, relativePartyOf, STANDING_PARTIES, type StandingParty } from '../protocol/plan.ts';
import type { ParticipantRole } from '../roles.ts';

/**
 * Which parties a conference asks to agree (protocol/plan.ts): one rule for
 * the server, which judges and records agreement, and for tests. Each
 * relative is her own party; the patient's party is there when she is, or
 * when a relative who represents her is.
 */

/** A conference participant as agreement sees her. */
export interface AgreeingPerson {
  readonly participantId: string;
  readonly role: ParticipantRole;
  /** Her Relative row, for a relative invited from the patient's record. */
  readonly relativeId: string | null;
  /** What the record says she may do for the patient (none for everyone but a representative relative). */
  readonly representation: Representation;
}

const STANDING_OF_ROLE: Readonly<Record<ParticipantRole, StandingParty | null>> = {
  patient: 'patient',
  relative: null,
  hospital: 'hospital',
  municipality: 'municipality',
  gp: 'gp',
  // The geriatric team advises; it is not a party to the plan.
  geriatrician: null,
  // The out-of-hours doctor sees her for one night; her own GP is the party to the plan.
  out_of_hours_doctor: null,
};

/**
 * The party a person agrees for herself: a relative is known by her record
 * row, so her yes holds in every conference she is invited to; one invited
 * by name only is known by her link.
 */
export function ownPartyOf(person: Pick<AgreeingPerson, 'participantId' | 'role' | 'relativeId'>): AgreementParty | null {
  if (person.role === 'relative') return relativePartyOf(person.relativeId ?? person.participantId);
  return STANDING_OF_ROLE[person.role];
}

/** What a relative acts as when she answers for the patient, or null when she may not. */
export function representsPatient(person: Pick<AgreeingPerson, 'role' | 'representation'>): ActingRepresentation | null {
  return person.role === 'relative' && person.representation !== 'none' ? person.representation : null;
}

/** The parties present, in the order they are asked: the patient, the sectors, then each relative in the order given. */
export function presentParties(people: readonly AgreeingPerson[]): AgreementParty[] {
  const standing = new Set<StandingParty>();
  const relatives: RelativeParty[] = [];
  for (const person of people) {
    const own = ownPartyOf(person);
    if (own === null) continue;
    if (isRelativeParty(own)) {
      if (!relatives.includes(own)) relatives.push(own);
      if (representsPatient(person) !== null) standing.add('patient');
    } else {
      standing.add(own);
    }
  }
  return [...STANDING_PARTIES.filter((party) => standing.has(party)), ...relatives];
}

/**
 * Where agreement stands, judged on the parties the server sent: the same
 * call in the server (the plan as read) and in every open plan (as revisions
 * and parties arrive), with the names of the relatives it may mention.
 */
export function agreementOfParties(changesContent: readonly boolean[], parties: AgreementParties): AgreementStatusView {
  return { ...agreementOnFlags(changesContent, parties.agreements, parties.present), relatives: parties.relatives };
}
