import type { Bundle, BundleEntry, Encounter, HumanName, Identifier, Organization, Patient, Reference, RelatedPerson, Resource } from '@medplum/fhirtypes';
import { type Cpr, parseCpr } from '@samplan/shared';
import type { DischargeDestination } from '../store/generated/enums.ts';
import { CPR_SYSTEM } from './episodeBundle.ts';
import { InboundRefusal, type InboundIssue } from './operationOutcome.ts';
import { fhirIssues } from './validate.ts';

/**
 * A hospital's transaction Bundle → what Samplan is asked to do (pure: no
 * database). Checked against the R4 definitions first, then against what
 * Samplan accepts (docs/fhir-in.md): one Patient with a CPR identifier, one
 * Encounter (MedCom's meanings: in-progress = admitted, finished = the stay
 * ended), RelatedPersons, and Organizations named by SOR identifier.
 */

/** SOR, Sundhedsvæsenets Organisationsregister: wards, municipalities and GP practices. */
export const SOR_SYSTEM = 'urn:oid:1.2.208.176.1.1';
/** Samplan's own discharge destinations, for a sender that knows them (HL7's discharge-disposition has no municipal acute bed). */
export const SAMPLAN_DISCHARGE_DESTINATION_SYSTEM = 'https://samplan.dk/fhir/CodeSystem/discharge-destination';
const HL7_DISCHARGE_DISPOSITION_SYSTEM = 'http://terminology.hl7.org/CodeSystem/discharge-disposition';

/** An organisation the bundle names by its SOR code, and where it named it (for the refusal if Samplan does not know it). */
export interface SorReference {
  readonly sorCode: string;
  readonly expression: string;
}

export interface NoticePatient {
  readonly cpr: Cpr;
  readonly name: string;
  readonly phone: string | null;
  readonly email: string | null;
  /** Patient.managingOrganization: the municipality of residence. */
  readonly municipality: SorReference | null;
  /** Patient.generalPractitioner: the GP practice. */
  readonly gpPractice: SorReference | null;
}

export interface NoticeEncounter {
  /** "system|value": the same Encounter is the same episode. */
  readonly identifier: string;
  /** MedCom HospitalNotification: STIN (and leave, STOR/SLOR) → admitted; SLHJ → discharged. */
  readonly event: 'admitted' | 'discharged';
  readonly admittedAt: Date;
  readonly dischargedAt: Date | null;
  readonly destination: DischargeDestination | null;
  readonly ward: SorReference;
  readonly unit: string | null;
}

export interface NoticeRelative {
  readonly name: string;
  readonly relation: string;
  readonly phone: string | null;
  readonly email: string | null;
}

/** The bundle's entries in order, each with what it became: the transaction-response answers them in the same order. */
export type NoticeEntry =
  | { readonly kind: 'Patient' }
  | { readonly kind: 'Encounter' }
  | { readonly kind: 'RelatedPerson'; readonly relative: number }
  | { readonly kind: 'Organization'; readonly sorCode: string };

export interface HospitalNotice {
  readonly patient: NoticePatient;
  readonly encounter: NoticeEncounter;
  readonly relatives: readonly NoticeRelative[];
  readonly entries: readonly NoticeEntry[];
}

const ACCEPTED = new Set<Resource['resourceType']>(['Patient', 'Encounter', 'RelatedPerson', 'Organization']);

/** An instant a clock can start from: a date and time with its zone (a FHIR dateTime may be only a date). */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

const unprocessable = (code: InboundIssue['code'], message: string, expression?: string) => InboundRefusal.one(422, code, message, expression);

export function readHospitalBundle(body: unknown): HospitalNotice {
  if (typeof body !== 'object' || body === null || Array.isArray(body) || (body as { resourceType?: unknown }).resourceType !== 'Bundle') {
    throw InboundRefusal.one(400, 'structure', 'The body must be a FHIR R4 Bundle (resourceType "Bundle").', 'Bundle');
  }
  const bundle = body as Bundle;
  const invalid = fhirIssues(bundle);
  if (invalid.length > 0) {
    throw new InboundRefusal(
      400,
      invalid.map((issue) => ({ code: 'invalid', message: issue.message, ...(issue.expression ? { expression: issue.expression } : {}) })),
    );
  }
  if (bundle.type !== 'transaction') throw unprocessable('not-supported', `Samplan takes a Bundle of type "transaction" here, not "${bundle.type}".`, 'Bundle.type');

  const entries = bundle.entry ?? [];
  entries.forEach(checkEntry);
  const patientAt = onlyOne(entries, 'Patient');
  const encounterAt = onlyOne(entries, 'Encounter');
  const patientEntry = entries[patientAt] as BundleEntry<Patient>;
  const patient = readPatient(patientEntry.resource as Patient, `Bundle.entry[${patientAt}].resource`, entries);
  const encounter = readEncounter(entries[encounterAt]?.resource as Encounter, `Bundle.entry[${encounterAt}].resource`, entries, patientEntry, patient.cpr);

  const relatives: NoticeRelative[] = [];
  const noticeEntries = entries.map((entry, index): NoticeEntry => {
    const resource = entry.resource as Resource;
    const at = `Bundle.entry[${index}].resource`;
    switch (resource.resourceType) {
      case 'Patient':
        return { kind: 'Patient' };
      case 'Encounter':
        return { kind: 'Encounter' };
      case 'RelatedPerson':
        relatives.push(readRelative(resource, at, patientEntry, patient.cpr));
        return { kind: 'RelatedPerson', relative: relatives.length - 1 };
      default:
        return { kind: 'Organization', sorCode: sorCodeOf(resource as Organization, at) };
    }
  });
  return { patient, encounter, relatives, entries: noticeEntries };
}

function checkEntry(entry: BundleEntry, index: number): void {
  const at = `Bundle.entry[${index}]`;
  const type = entry.resource?.resourceType;
  if (type === undefined) throw unprocessable('required', 'Every entry carries a resource.', `${at}.resource`);
  if (!ACCEPTED.has(type)) throw unprocessable('not-supported', `Samplan does not take ${type} resources; it takes Patient, Encounter, RelatedPerson and Organization.`, `${at}.resource`);
  const method = entry.request?.method;
  if (method !== 'POST' && method !== 'PUT') throw unprocessable('not-supported', `Samplan takes POST or PUT entries (create or update), not ${method ?? 'none'}.`, `${at}.request.method`);
}

function onlyOne(entries: readonly BundleEntry[], type: 'Patient' | 'Encounter'): number {
  const found = entries.flatMap((entry, index) => (entry.resource?.resourceType === type ? [index] : []));
  const [first] = found;
  if (first === undefined || found.length > 1) throw unprocessable(first === undefined ? 'required' : 'not-supported', `The bundle must carry exactly one ${type} (it has ${found.length}).`, 'Bundle.entry');
  return first;
}

function readPatient(patient: Patient, at: string, entries: readonly BundleEntry[]): NoticePatient {
  const index = (patient.identifier ?? []).findIndex((identifier) => identifier.system === CPR_SYSTEM);
  const identifier = patient.identifier?.[index];
  if (identifier?.value === undefined) throw unprocessable('required', `The Patient needs a CPR identifier (system ${CPR_SYSTEM}).`, `${at}.identifier`);
  const parsed = parseCpr(identifier.value);
  if (!parsed.ok) {
    const why = parsed.code === 'CPR_DATE' ? 'its first six digits are not a real date' : 'it is not ten digits (DDMMYYSSSS)';
    throw unprocessable('value', `The CPR number is not valid: ${why}.`, `${at}.identifier[${index}].value`);
  }
  if (patient.birthDate !== undefined && patient.birthDate !== parsed.cpr.birthDate) {
    throw unprocessable('value', 'Patient.birthDate is not the birth date the CPR number gives.', `${at}.birthDate`);
  }
  const name = nameOf(patient.name);
  if (name === null) throw unprocessable('required', 'The Patient needs a name.', `${at}.name`);
  return {
    cpr: parsed.cpr,
    name,
    phone: telecomOf(patient.telecom, 'phone'),
    email: telecomOf(patient.telecom, 'email'),
    municipality: patient.managingOrganization ? sorOf(patient.managingOrganization, `${at}.managingOrganization`, patient, entries) : null,
    gpPractice: firstOrganisation(patient.generalPractitioner, `${at}.generalPractitioner`, patient, entries),
  };
}

function firstOrganisation(references: readonly Reference[] | undefined, at: string, holder: Resource, entries: readonly BundleEntry[]): SorReference | null {
  const reference = references?.[0];
  if (reference === undefined) return null;
  if ((references?.length ?? 0) > 1) throw unprocessable('not-supported', 'Samplan keeps one GP practice per episode; send one generalPractitioner.', at);
  return sorOf(reference, `${at}[0]`, holder, entries);
}

function readEncounter(encounter: Encounter, at: string, entries: readonly BundleEntry[], patientEntry: BundleEntry<Patient>, cpr: Cpr): NoticeEncounter {
  const identifier = (encounter.identifier ?? []).find((candidate) => candidate.system && candidate.value);
  if (identifier === undefined) throw unprocessable('required', 'The Encounter needs an identifier with system and value: the same Encounter is the same episode.', `${at}.identifier`);
  const event = eventOf(encounter.status, `${at}.status`);
  checkSubject(encounter.subject, `${at}.subject`, patientEntry, cpr);
  const admittedAt = instantOf(encounter.period?.start, `${at}.period.start`, 'the admission');
  const dischargedAt = event === 'discharged' ? instantOf(encounter.period?.end, `${at}.period.end`, 'the discharge') : null;
  if (dischargedAt !== null && dischargedAt < admittedAt) throw unprocessable('value', 'The discharge (period.end) is before the admission (period.start).', `${at}.period`);
  if (encounter.serviceProvider === undefined) throw unprocessable('required', 'The Encounter needs its serviceProvider: the ward, by SOR identifier.', `${at}.serviceProvider`);
  return {
    identifier: identifierKey(identifier),
    event,
    admittedAt,
    dischargedAt,
    destination: event === 'discharged' ? dischargeDestinationOf(encounter.hospitalization?.dischargeDisposition?.coding) : null,
    ward: sorOf(encounter.serviceProvider, `${at}.serviceProvider`, encounter, entries),
    unit: encounter.location?.[0]?.location.display?.trim() || null,
  };
}

/** "system|value", as FHIR's token search writes an identifier. */
export function identifierKey(identifier: Identifier): string {
  return `${identifier.system ?? ''}|${identifier.value ?? ''}`;
}

/**
 * MedCom's HospitalNotification meanings: in-progress is a stay that started
 * (STIN); on leave (STOR/SLOR) the stay goes on; finished ended it (SLHJ).
 * Cancellations and corrections (AN_/RE_) are not taken: Samplan would have
 * to undo an episode the care team may already have planned on.
 */
export function eventOf(status: Encounter['status'] | undefined, at: string): NoticeEncounter['event'] {
  switch (status) {
    case 'in-progress':
    case 'onleave':
      return 'admitted';
    case 'finished':
      return 'discharged';
    case 'cancelled':
    case 'entered-in-error':
      throw unprocessable('not-supported', `Samplan does not take a ${status} Encounter (a cancelled or corrected notice): change the episode in Samplan.`, at);
    default:
      throw unprocessable('not-supported', `Samplan takes Encounters that are in-progress, onleave or finished, not ${status ?? 'without a status'}.`, at);
  }
}

/**
 * Where the patient went. Samplan's own codes are taken as they are; HL7's
 * discharge-disposition is mapped where it means the same (a nursing or
 * long-term care home); anything else, or none, is "other".
 */
export function dischargeDestinationOf(codings: ReadonlyArray<{ system?: string; code?: string }> | undefined): DischargeDestination {
  for (const coding of codings ?? []) {
    if (coding.system === SAMPLAN_DISCHARGE_DESTINATION_SYSTEM && isDestination(coding.code)) return coding.code;
    if (coding.system === HL7_DISCHARGE_DISPOSITION_SYSTEM) {
      if (coding.code === 'home' || coding.code === 'alt-home') return 'home';
      if (coding.code === 'snf' || coding.code === 'long') return 'nursing_home';
      return 'other';
    }
  }
  return 'other';
}

function isDestination(code: string | undefined): code is DischargeDestination {
  return code === 'home' || code === 'nursing_home' || code === 'municipal_acute_bed' || code === 'other';
}

function readRelative(person: RelatedPerson, at: string, patientEntry: BundleEntry<Patient>, cpr: Cpr): NoticeRelative {
  checkSubject(person.patient, `${at}.patient`, patientEntry, cpr);
  const name = nameOf(person.name);
  if (name === null) throw unprocessable('required', 'A RelatedPerson needs a name.', `${at}.name`);
  const relationship = person.relationship?.[0];
  const relation = relationship?.text?.trim() || relationship?.coding?.[0]?.display?.trim() || relationship?.coding?.[0]?.code?.trim();
  if (!relation) throw unprocessable('required', 'A RelatedPerson needs a relationship (text, e.g. "datter").', `${at}.relationship`);
  return { name, relation, phone: telecomOf(person.telecom, 'phone'), email: telecomOf(person.telecom, 'email') };
}

/** The Encounter and every RelatedPerson are about the bundle's one Patient: by its fullUrl or by her CPR identifier. */
function checkSubject(reference: Reference | undefined, at: string, patientEntry: BundleEntry<Patient>, cpr: Cpr): void {
  if (reference?.reference !== undefined) {
    if (patientEntry.fullUrl !== undefined && reference.reference === patientEntry.fullUrl) return;
    throw unprocessable('invalid', "The reference must be the bundle's Patient (its fullUrl).", `${at}.reference`);
  }
  const identifier = reference?.identifier;
  if (identifier?.system === CPR_SYSTEM && identifier.value !== undefined) {
    const parsed = parseCpr(identifier.value);
    if (parsed.ok && parsed.cpr.value === cpr.value) return;
  }
  throw unprocessable('required', "It must refer to the bundle's Patient.", at);
}

/**
 * An organisation by its SOR code: a reference carrying the identifier, a
 * contained Organization ("#id"), or one in the bundle (its fullUrl).
 */
function sorOf(reference: Reference, at: string, holder: Resource, entries: readonly BundleEntry[]): SorReference {
  if (reference.identifier?.system === SOR_SYSTEM && reference.identifier.value) return { sorCode: reference.identifier.value, expression: `${at}.identifier` };
  const target = reference.reference;
  if (target?.startsWith('#')) {
    const contained = ('contained' in holder ? (holder.contained as Resource[] | undefined) : undefined)?.find((resource) => resource.id === target.slice(1));
    if (contained?.resourceType === 'Organization') return { sorCode: sorCodeOf(contained, at), expression: at };
  } else if (target !== undefined) {
    const bundled = entries.find((entry) => entry.fullUrl === target)?.resource;
    if (bundled?.resourceType === 'Organization') return { sorCode: sorCodeOf(bundled, at), expression: at };
  }
  throw unprocessable('invalid', `Samplan names organisations by SOR: a reference with an identifier (system ${SOR_SYSTEM}), or to an Organization that has one, in the bundle or contained.`, at);
}

function sorCodeOf(organization: Organization, at: string): string {
  const code = organization.identifier?.find((identifier) => identifier.system === SOR_SYSTEM)?.value;
  if (!code) throw unprocessable('required', `The Organization needs a SOR identifier (system ${SOR_SYSTEM}).`, at);
  return code;
}

/** The official name if there is one, else the first: its text, or given names and family. */
export function nameOf(names: readonly HumanName[] | undefined): string | null {
  const name = names?.find((candidate) => candidate.use === 'official') ?? names?.[0];
  if (name === undefined) return null;
  const text = name.text?.trim() || [...(name.given ?? []), name.family ?? ''].map((part) => part.trim()).filter(Boolean).join(' ');
  return text.length > 0 ? text : null;
}

function telecomOf(telecom: ReadonlyArray<{ system?: string; value?: string }> | undefined, system: 'phone' | 'email'): string | null {
  return telecom?.find((point) => point.system === system && point.value)?.value?.trim() ?? null;
}

function instantOf(value: string | undefined, at: string, what: string): Date {
  if (value === undefined) throw unprocessable('required', `The time of ${what} is missing.`, at);
  if (!INSTANT.test(value)) throw unprocessable('value', `The time of ${what} needs a date, a time and its zone (e.g. 2026-03-10T08:15:00+01:00).`, at);
  return new Date(value);
}
