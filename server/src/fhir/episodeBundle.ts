import type {
  Annotation,
  Bundle,
  BundleEntry,
  CarePlan,
  CarePlanActivity,
  CareTeam,
  Consent,
  Encounter,
  Goal,
  Observation,
  ObservationComponent,
  Organization,
  Patient,
  Practitioner,
  Provenance,
  Reference,
  Resource,
} from '@medplum/fhirtypes';
import { type Aid, type ParticipantRole, PLAN_SECTIONS, type PlanDocument, type PlanSection, type ResponsibleParty, type Task, type TobsMeasurement } from '@samplan/shared';
import type {
  ConferenceKind,
  ConferenceStatus,
  ConsentScope,
  EpisodeStatus,
  Representation,
  Language,
  Sector,
  StaffRole,
  TobsConsciousness,
  TobsTemperatureSite,
  VisitKind,
  VisitMode,
} from '../store/generated/enums.ts';

/**
 * An episode as FHIR R4: the care plan and what it refers to, for another
 * system to read. Pure: the record is loaded elsewhere (loadEpisodeExport.ts).
 * Resources are linked by `urn:uuid:` full URLs, so the bundle stands alone.
 */

/** The Danish civil registration number (CPR). */
export const CPR_SYSTEM = 'urn:oid:1.2.208.176.1.2';
const ACT_CODE = 'http://terminology.hl7.org/CodeSystem/v3-ActCode';
const CONSENT_SCOPE = 'http://terminology.hl7.org/CodeSystem/consentscope';
const LOINC = 'http://loinc.org';
const UCUM = 'http://unitsofmeasure.org';
const OBSERVATION_CATEGORY = 'http://terminology.hl7.org/CodeSystem/observation-category';

export interface ExportedStaff {
  readonly id: string;
  readonly name: string;
  readonly role: StaffRole;
  readonly organisationId: string;
}

export type VersionAuthor = { readonly kind: 'staff'; readonly staffId: string } | { readonly kind: 'participant'; readonly role: ParticipantRole; readonly name: string };

export interface PlanVersion {
  /** The stored revision's id: the CarePlan's id. */
  readonly id: string;
  readonly number: number;
  readonly document: PlanDocument;
  readonly at: Date;
  readonly author: VersionAuthor;
  readonly conferenceId: string | null;
}

/**
 * A yes that counted when a conference recorded a plan version as agreed by
 * all present: whose, for which party, and, for a representative's yes on the
 * patient's behalf, as what.
 */
export interface ExportedAgreement {
  readonly id: string;
  /** The version agreed (a CarePlan in the bundle). */
  readonly versionId: string;
  readonly agreedAt: Date;
  readonly by: { readonly kind: 'staff'; readonly staffId: string } | { readonly kind: 'patient'; readonly name: string } | { readonly kind: 'relative'; readonly name: string };
  readonly onBehalfAs: Exclude<Representation, 'none'> | null;
}

export interface EpisodeExport {
  readonly exportedAt: Date;
  readonly episode: { readonly id: string; readonly admittedAt: Date; readonly dischargedAt: Date | null; readonly status: EpisodeStatus };
  readonly patient: {
    readonly id: string;
    readonly name: string;
    readonly cprNumber: string;
    readonly dateOfBirth: Date;
    readonly phone: string | null;
    readonly email: string | null;
    readonly preferredLanguage: Language;
  };
  readonly organisations: readonly { readonly id: string; readonly name: string; readonly sector: Sector }[];
  /** Everyone the other resources name: the care team, hosts, authors, those in the conferences. */
  readonly staff: readonly ExportedStaff[];
  readonly careTeam: { readonly organisationIds: readonly string[]; readonly staffIds: readonly string[] };
  readonly conferences: readonly {
    readonly id: string;
    readonly kind: ConferenceKind;
    readonly status: ConferenceStatus;
    readonly scheduledStart: Date;
    readonly plannedDurationMinutes: number;
    readonly startedAt: Date | null;
    readonly endedAt: Date | null;
    readonly staffIds: readonly string[];
  }[];
  /** The plan now and, oldest first, the earlier versions agreed in a conference; null before its first revision. */
  readonly plan: { readonly current: PlanVersion; readonly agreed: readonly PlanVersion[] } | null;
  /** Whose yes made those versions agreed, oldest first. */
  readonly agreements: readonly ExportedAgreement[];
  readonly consents: readonly { readonly id: string; readonly scope: ConsentScope; readonly recordedAt: Date; readonly withdrawnAt: Date | null; readonly recordedById: string }[];
  readonly visits: readonly { readonly id: string; readonly kind: VisitKind; readonly mode: VisitMode; readonly performedAt: Date; readonly recordedById: string }[];
  readonly tobs: readonly ExportedTobs[];
}

export interface ExportedTobs extends TobsMeasurement {
  readonly id: string;
  readonly observedAt: Date;
  readonly visitId: string | null;
  readonly conferenceId: string | null;
  readonly score: number;
  readonly recordedById: string;
}

type Typed = Resource['resourceType'];
function ref<K extends Typed>(type: K, id: string, display?: string): Reference<Extract<Resource, { resourceType: K }>> {
  return { reference: `urn:uuid:${id}`, type, ...(display ? { display } : {}) };
}
const instant = (date: Date) => date.toISOString();

const SECTOR_CODE: Readonly<Record<Sector, { code: string; display: string }>> = {
  hospital_ward: { code: 'prov', display: 'Healthcare Provider' },
  municipal_unit: { code: 'govt', display: 'Government' },
  general_practice: { code: 'prov', display: 'Healthcare Provider' },
};

const CONFERENCE_KIND: Readonly<Record<ConferenceKind, string>> = {
  goal_conversation: 'Telemedicinsk målsamtale',
  discharge_conference: 'Udskrivelseskonference',
  advice_call: 'Geriatrisk rådgivning',
  follow_up: 'Opfølgning',
  acute_assessment: 'Akut vurdering i hjemmet',
};

const ENCOUNTER_STATUS: Readonly<Record<ConferenceStatus, Encounter['status']>> = {
  scheduled: 'planned',
  open: 'arrived',
  live: 'in-progress',
  ended: 'finished',
  cancelled: 'cancelled',
};

const TASK_STATUS: Readonly<Record<Task['status'], NonNullable<CarePlanActivity['detail']>['status']>> = {
  open: 'not-started',
  done: 'completed',
  // Ended before it was done; the reason goes in statusReason.
  not_done: 'stopped',
  cancelled: 'cancelled',
};

const AID_STATUS: Readonly<Record<Aid['status'], NonNullable<CarePlanActivity['detail']>['status']>> = {
  needed: 'not-started',
  ordered: 'in-progress',
  in_place: 'completed',
};

function patientResource({ patient }: EpisodeExport): Patient {
  const telecom = [
    ...(patient.phone ? [{ system: 'phone' as const, value: patient.phone }] : []),
    ...(patient.email ? [{ system: 'email' as const, value: patient.email }] : []),
  ];
  return {
    resourceType: 'Patient',
    id: patient.id,
    identifier: [{ system: CPR_SYSTEM, value: patient.cprNumber.replace('-', '') }],
    name: [{ text: patient.name }],
    birthDate: patient.dateOfBirth.toISOString().slice(0, 10),
    ...(telecom.length > 0 ? { telecom } : {}),
    communication: [{ language: { coding: [{ system: 'urn:ietf:bcp:47', code: patient.preferredLanguage }] }, preferred: true }],
  };
}

function organisationResource(organisation: EpisodeExport['organisations'][number]): Organization {
  const type = SECTOR_CODE[organisation.sector];
  return {
    resourceType: 'Organization',
    id: organisation.id,
    name: organisation.name,
    type: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/organization-type', ...type }], text: organisation.sector }],
  };
}

function practitionerResource(staff: ExportedStaff): Practitioner {
  return { resourceType: 'Practitioner', id: staff.id, name: [{ text: staff.name }] };
}

function encounterResource(record: EpisodeExport, conference: EpisodeExport['conferences'][number], byId: ReadonlyMap<string, ExportedStaff>): Encounter {
  const start = conference.startedAt ?? conference.scheduledStart;
  const end = conference.endedAt ?? (conference.startedAt ? null : new Date(start.getTime() + conference.plannedDurationMinutes * 60_000));
  return {
    resourceType: 'Encounter',
    id: conference.id,
    status: ENCOUNTER_STATUS[conference.status],
    class: { system: ACT_CODE, code: 'VR', display: 'virtual' },
    type: [{ text: CONFERENCE_KIND[conference.kind] }],
    subject: ref('Patient', record.patient.id),
    participant: conference.staffIds.map((id) => ({ individual: ref('Practitioner', id, byId.get(id)?.name) })),
    period: { start: instant(start), ...(end ? { end: instant(end) } : {}) },
  };
}

const VISIT_KIND: Readonly<Record<VisitKind, string>> = {
  reception_visit: 'Modtagebesøg',
  follow_up_home_visit: 'Opfølgende hjemmebesøg',
  day_after_check: 'Opfølgning dagen efter udskrivelse',
};

const VISIT_CLASS: Readonly<Record<VisitMode, NonNullable<Encounter['class']>>> = {
  at_home: { system: ACT_CODE, code: 'HH', display: 'home health' },
  phone: { system: ACT_CODE, code: 'VR', display: 'virtual' },
  video: { system: ACT_CODE, code: 'VR', display: 'virtual' },
};

/** A visit after discharge, so that what was measured at it can name it. */
function visitEncounterResource(record: EpisodeExport, visit: EpisodeExport['visits'][number], byId: ReadonlyMap<string, ExportedStaff>): Encounter {
  return {
    resourceType: 'Encounter',
    id: visit.id,
    status: 'finished',
    class: VISIT_CLASS[visit.mode],
    type: [{ text: VISIT_KIND[visit.kind] }],
    subject: ref('Patient', record.patient.id),
    participant: [{ individual: ref('Practitioner', visit.recordedById, byId.get(visit.recordedById)?.name) }],
    period: { start: instant(visit.performedAt) },
  };
}

const CONSCIOUSNESS_TEXT: Readonly<Record<TobsConsciousness, string>> = {
  habitual: 'Habituel',
  agitated: 'Urolig',
  responds_to_voice: 'Reagerer kun på tiltale',
  responds_to_pain: 'Reagerer kun på smerte',
  unresponsive: 'Reagerer ikke',
};

const TEMPERATURE_SITE_TEXT: Readonly<Record<TobsTemperatureSite, string>> = {
  rectal: 'rektalt',
  oral: 'oralt',
  axillary: 'i armhulen',
};

function loinc(code: string, display: string, text = display) {
  return { coding: [{ system: LOINC, code, display }], text };
}

function quantity(value: number, unit: string, code: string) {
  return { value, unit, system: UCUM, code };
}

/**
 * TOBS as one Observation: the 0–15 total (TOBS has no LOINC code, so it is
 * named in text) with each measured value as a LOINC-coded component. The
 * temperature is the reading as taken, its site in the text; the score used
 * the site's correction.
 */
function tobsObservationResource(record: EpisodeExport, tobs: ExportedTobs, byId: ReadonlyMap<string, ExportedStaff>): Observation {
  const component: ObservationComponent[] = [
    { code: loinc('8867-4', 'Heart rate'), valueQuantity: quantity(tobs.pulsePerMinute, '/min', '/min') },
    { code: loinc('9279-1', 'Respiratory rate'), valueQuantity: quantity(tobs.respirationPerMinute, '/min', '/min') },
    {
      code: loinc('8310-5', 'Body temperature', `Body temperature (${TEMPERATURE_SITE_TEXT[tobs.temperatureSite]})`),
      valueQuantity: quantity(tobs.temperatureCelsius, 'Cel', 'Cel'),
    },
    { code: loinc('8480-6', 'Systolic blood pressure'), valueQuantity: quantity(tobs.systolicMmHg, 'mm[Hg]', 'mm[Hg]') },
    { code: loinc('67775-7', 'Level of responsiveness'), valueCodeableConcept: { text: CONSCIOUSNESS_TEXT[tobs.consciousness] } },
    ...(tobs.spo2Percent === undefined ? [] : [{ code: loinc('59408-5', 'Oxygen saturation in Arterial blood by Pulse oximetry'), valueQuantity: quantity(tobs.spo2Percent, '%', '%') }]),
  ];
  const encounterId = tobs.visitId ?? tobs.conferenceId;
  return {
    resourceType: 'Observation',
    id: tobs.id,
    status: 'final',
    category: [{ coding: [{ system: OBSERVATION_CATEGORY, code: 'vital-signs', display: 'Vital Signs' }] }],
    code: { text: 'TOBS (Tidlig Opsporing af Begyndende Sygdom), total score 0–15' },
    subject: ref('Patient', record.patient.id),
    ...(encounterId === null ? {} : { encounter: ref('Encounter', encounterId) }),
    effectiveDateTime: instant(tobs.observedAt),
    performer: [ref('Practitioner', tobs.recordedById, byId.get(tobs.recordedById)?.name)],
    valueInteger: tobs.score,
    component,
  };
}

function careTeamResource(record: EpisodeExport, byId: ReadonlyMap<string, ExportedStaff>): CareTeam {
  const names = new Map(record.organisations.map((organisation) => [organisation.id, organisation.name]));
  return {
    resourceType: 'CareTeam',
    id: record.episode.id,
    status: record.episode.status === 'closed' ? 'inactive' : 'active',
    name: 'Tværsektorielt team',
    subject: ref('Patient', record.patient.id),
    period: { start: instant(record.episode.admittedAt) },
    participant: [
      ...record.careTeam.organisationIds.map((id) => ({ member: ref('Organization', id, names.get(id)) })),
      ...record.careTeam.staffIds.map((id) => {
        const staff = byId.get(id);
        const member = ref('Practitioner', id, staff?.name);
        return staff ? { member, onBehalfOf: ref('Organization', staff.organisationId, names.get(staff.organisationId)) } : { member };
      }),
    ],
  };
}

function goalResource(record: EpisodeExport, goal: PlanDocument['goals'][number]): Goal {
  return {
    resourceType: 'Goal',
    id: goal.id,
    lifecycleStatus: 'active',
    description: { text: goal.text },
    subject: ref('Patient', record.patient.id),
    // Goals are in the patient's own words; say so when they are the patient's.
    ...(goal.author === 'patient' ? { expressedBy: ref('Patient', record.patient.id) } : {}),
  };
}

/** A task's performer: the organisation in the bundle when it is named there, else the name as given. */
function performer(record: EpisodeExport, party: ResponsibleParty): Reference<Patient | Organization>[] {
  if (party.role === 'patient') return [ref('Patient', record.patient.id, record.patient.name)];
  const organisation = record.organisations.find((candidate) => candidate.name === party.organisation);
  const display = [party.person, party.organisation].filter((part) => part !== undefined).join(', ') || party.role;
  return [organisation ? ref('Organization', organisation.id, display) : { display }];
}

/**
 * Where each plan section goes in the CarePlan: goals are Goal resources it
 * points to, tasks and aids are activities, and what FHIR's CarePlan has no
 * element for is kept as labelled notes. A record keyed by section, so a new
 * section must be given its place here before the server compiles.
 */
type SectionExport<K extends PlanSection> =
  | { readonly as: 'goal' }
  | { readonly as: 'activity'; readonly activity: (item: PlanDocument[K][number], record: EpisodeExport) => CarePlanActivity }
  | { readonly as: 'note'; readonly note: (item: PlanDocument[K][number]) => Annotation };

const SECTION_EXPORT: { readonly [K in PlanSection]: SectionExport<K> } = {
  goals: { as: 'goal' },
  needs: { as: 'note', note: (need) => ({ text: `Behov: ${need.text}` }) },
  tasks: {
    as: 'activity',
    activity: (task, record) => ({
      detail: {
        kind: 'Task',
        status: TASK_STATUS[task.status],
        ...(task.notDoneReason === undefined ? {} : { statusReason: { text: task.notDoneReason } }),
        description: task.what,
        performer: performer(record, task.responsible),
        ...(task.due ? { scheduledPeriod: { end: task.due } } : {}),
      },
    }),
  },
  medication: { as: 'note', note: (note) => ({ text: `Medicin: ${note.text}` }) },
  aids: { as: 'activity', activity: (aid) => ({ detail: { kind: 'DeviceRequest', status: AID_STATUS[aid.status], description: aid.what } }) },
  contacts: { as: 'note', note: (contact) => ({ text: `Kontakt: ${contact.name} (${contact.role}), ${contact.phone}: ${contact.whenToCall}` }) },
  wishes: { as: 'note', note: (wish) => ({ text: `${wish.topic === 'end_of_life' ? 'Ønske for livets afslutning' : 'Ønske'}: ${wish.text}` }) },
  comments: { as: 'note', note: (comment) => ({ authorString: comment.by.name, time: comment.at, text: comment.text }) },
};

/** One section's items as activities or notes, as SECTION_EXPORT says; generic so each item meets its own mapping. */
function exportSection<K extends PlanSection>(record: EpisodeExport, document: PlanDocument, section: K): { activity: CarePlanActivity[]; note: Annotation[] } {
  const items: ReadonlyArray<PlanDocument[K][number]> = document[section];
  const how: SectionExport<K> = SECTION_EXPORT[section];
  switch (how.as) {
    case 'goal':
      return { activity: [], note: [] };
    case 'activity':
      return { activity: items.map((item) => how.activity(item, record)), note: [] };
    case 'note':
      return { activity: [], note: items.map((item) => how.note(item)) };
  }
}

/** The plan's activities and notes, in the plan's order. */
function activitiesAndNotes(record: EpisodeExport, document: PlanDocument): { activity: CarePlanActivity[]; note: Annotation[] } {
  const parts = PLAN_SECTIONS.map((section) => exportSection(record, document, section));
  return { activity: parts.flatMap((part) => part.activity), note: parts.flatMap((part) => part.note) };
}

function author(record: EpisodeExport, version: PlanVersion, byId: ReadonlyMap<string, ExportedStaff>): Reference<Patient | Practitioner> {
  if (version.author.kind === 'staff') return ref('Practitioner', version.author.staffId, byId.get(version.author.staffId)?.name);
  if (version.author.role === 'patient') return ref('Patient', record.patient.id, version.author.name);
  return { display: version.author.name };
}

function carePlanResource(record: EpisodeExport, version: PlanVersion, replaces: PlanVersion | undefined, isCurrent: boolean, byId: ReadonlyMap<string, ExportedStaff>): CarePlan {
  const document = version.document;
  const { activity, note } = activitiesAndNotes(record, document);
  return {
    resourceType: 'CarePlan',
    id: version.id,
    identifier: [{ system: 'urn:ietf:rfc:3986', value: `urn:uuid:${version.id}` }],
    // A version that a later one replaces is no longer the plan in force.
    status: !isCurrent ? 'revoked' : record.episode.status === 'closed' ? 'completed' : 'active',
    intent: 'plan',
    title: `Fælles plan, version ${version.number}`,
    subject: ref('Patient', record.patient.id),
    period: { start: instant(record.episode.admittedAt), ...(record.episode.status === 'closed' && record.episode.dischargedAt ? { end: instant(record.episode.dischargedAt) } : {}) },
    created: instant(version.at),
    author: author(record, version, byId),
    careTeam: [ref('CareTeam', record.episode.id)],
    ...(version.conferenceId ? { encounter: ref('Encounter', version.conferenceId) } : {}),
    ...(replaces ? { replaces: [ref('CarePlan', replaces.id, `version ${replaces.number}`)] } : {}),
    ...(document.goals.length > 0 ? { goal: document.goals.map((goal) => ref('Goal', goal.id)) } : {}),
    ...(activity.length > 0 ? { activity } : {}),
    ...(note.length > 0 ? { note } : {}),
  };
}

function consentResource(record: EpisodeExport, consent: EpisodeExport['consents'][number], byId: ReadonlyMap<string, ExportedStaff>): Consent {
  const recorder = byId.get(consent.recordedById);
  const sharing = consent.scope === 'share_across_sectors';
  return {
    resourceType: 'Consent',
    id: consent.id,
    status: consent.withdrawnAt ? 'inactive' : 'active',
    scope: { coding: [{ system: CONSENT_SCOPE, code: sharing ? 'patient-privacy' : 'treatment' }] },
    category: [{ coding: [{ system: LOINC, code: '59284-0', display: 'Patient Consent' }] }],
    patient: ref('Patient', record.patient.id),
    dateTime: instant(consent.recordedAt),
    performer: [ref('Patient', record.patient.id)],
    ...(recorder ? { organization: [ref('Organization', recorder.organisationId)] } : {}),
    policyRule: { coding: [{ system: ACT_CODE, code: 'OPTIN' }], text: sharing ? 'Deling af oplysninger på tværs af sektorer' : 'Deltagelse via video' },
    provision: { type: 'permit', period: { start: instant(consent.recordedAt), ...(consent.withdrawnAt ? { end: instant(consent.withdrawnAt) } : {}) } },
  };
}

const PROVENANCE_PARTICIPANT = 'http://terminology.hl7.org/CodeSystem/provenance-participant-type';
const REPRESENTATION_WORDS: Readonly<Record<Exclude<Representation, 'none'>, string>> = { guardian: 'Værge', power_of_attorney: 'Fremtidsfuldmagt' };

/**
 * One yes to an agreed plan version as a Provenance: who attested it, and a
 * representative's yes as given on behalf of the patient (agent.onBehalfOf),
 * with her standing as its role. A relative is named, not a resource of her own.
 */
function agreementProvenance(record: EpisodeExport, agreement: ExportedAgreement, byId: ReadonlyMap<string, ExportedStaff>): Provenance {
  const { by } = agreement;
  const who: Reference<Practitioner | Patient> =
    by.kind === 'staff' ? ref('Practitioner', by.staffId, byId.get(by.staffId)?.name) : by.kind === 'patient' ? ref('Patient', record.patient.id, by.name) : { display: `${by.name} (pårørende)` };
  return {
    resourceType: 'Provenance',
    id: agreement.id,
    target: [ref('CarePlan', agreement.versionId)],
    recorded: instant(agreement.agreedAt),
    activity: { text: agreement.onBehalfAs === null ? 'Sagde ja til planen' : 'Sagde ja til planen på patientens vegne' },
    agent: [
      {
        type: { coding: [{ system: PROVENANCE_PARTICIPANT, code: 'attester', display: 'Attester' }] },
        ...(agreement.onBehalfAs === null ? {} : { role: [{ text: REPRESENTATION_WORDS[agreement.onBehalfAs] }] }),
        who,
        ...(agreement.onBehalfAs === null ? {} : { onBehalfOf: ref('Patient', record.patient.id, record.patient.name) }),
      },
    ],
  };
}

/** What episodeBundle makes: a collection whose every entry has its resource and a urn:uuid full URL. */
export type CollectionBundle = Omit<Bundle, 'type' | 'timestamp' | 'entry'> & {
  type: 'collection';
  timestamp: string;
  entry: (Omit<BundleEntry, 'fullUrl' | 'resource'> & { fullUrl: string; resource: Resource })[];
};

export function episodeBundle(record: EpisodeExport): CollectionBundle {
  const byId = new Map(record.staff.map((staff) => [staff.id, staff]));
  const versions = record.plan ? [...record.plan.agreed, record.plan.current] : [];
  const resources: Resource[] = [
    patientResource(record),
    ...record.organisations.map(organisationResource),
    ...record.staff.map(practitionerResource),
    careTeamResource(record, byId),
    ...record.conferences.map((conference) => encounterResource(record, conference, byId)),
    ...(record.plan?.current.document.goals ?? []).map((goal) => goalResource(record, goal)),
    ...versions.map((version, i) => carePlanResource(record, version, versions[i - 1], i === versions.length - 1, byId)),
    ...record.agreements.map((agreement) => agreementProvenance(record, agreement, byId)),
    ...record.consents.map((consent) => consentResource(record, consent, byId)),
    ...record.visits.map((visit) => visitEncounterResource(record, visit, byId)),
    ...record.tobs.map((tobs) => tobsObservationResource(record, tobs, byId)),
  ];
  return {
    resourceType: 'Bundle',
    type: 'collection',
    timestamp: instant(record.exportedAt),
    entry: resources.map((resource) => ({ fullUrl: `urn:uuid:${resource.id}`, resource })),
  };
}
