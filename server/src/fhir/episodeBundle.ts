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
  Organization,
  Patient,
  Practitioner,
  Reference,
  Resource,
} from '@medplum/fhirtypes';
import type { Aid, ParticipantRole, PlanDocument, ResponsibleParty, Task } from '@samplan/shared';
import type { ConferenceKind, ConferenceStatus, ConsentScope, EpisodeStatus, Language, Sector, StaffRole } from '../store/generated/enums.ts';

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
  readonly consents: readonly { readonly id: string; readonly scope: ConsentScope; readonly recordedAt: Date; readonly withdrawnAt: Date | null; readonly recordedById: string }[];
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

function activities(record: EpisodeExport, document: PlanDocument): CarePlanActivity[] {
  const tasks = document.tasks.map(
    (task): CarePlanActivity => ({
      detail: {
        kind: 'Task',
        status: TASK_STATUS[task.status],
        ...(task.notDoneReason === undefined ? {} : { statusReason: { text: task.notDoneReason } }),
        description: task.what,
        performer: performer(record, task.responsible),
        ...(task.due ? { scheduledPeriod: { end: task.due } } : {}),
      },
    }),
  );
  const aids = document.aids.map((aid): CarePlanActivity => ({ detail: { kind: 'DeviceRequest', status: AID_STATUS[aid.status], description: aid.what } }));
  return [...tasks, ...aids];
}

/** What FHIR's CarePlan has no element for is kept as notes, labelled, in the plan's order. */
function notes(document: PlanDocument): Annotation[] {
  return [
    ...document.needs.map((need) => ({ text: `Behov: ${need.text}` })),
    ...document.medication.map((note) => ({ text: `Medicin: ${note.text}` })),
    ...document.contacts.map((contact) => ({ text: `Kontakt: ${contact.name} (${contact.role}), ${contact.phone}: ${contact.whenToCall}` })),
    ...document.wishes.map((wish) => ({ text: `${wish.topic === 'end_of_life' ? 'Ønske for livets afslutning' : 'Ønske'}: ${wish.text}` })),
    ...document.comments.map((comment) => ({ authorString: comment.by.name, time: comment.at, text: comment.text })),
  ];
}

function author(record: EpisodeExport, version: PlanVersion, byId: ReadonlyMap<string, ExportedStaff>): Reference<Patient | Practitioner> {
  if (version.author.kind === 'staff') return ref('Practitioner', version.author.staffId, byId.get(version.author.staffId)?.name);
  if (version.author.role === 'patient') return ref('Patient', record.patient.id, version.author.name);
  return { display: version.author.name };
}

function carePlanResource(record: EpisodeExport, version: PlanVersion, replaces: PlanVersion | undefined, isCurrent: boolean, byId: ReadonlyMap<string, ExportedStaff>): CarePlan {
  const document = version.document;
  const activity = activities(record, document);
  const note = notes(document);
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
    ...record.consents.map((consent) => consentResource(record, consent, byId)),
  ];
  return {
    resourceType: 'Bundle',
    type: 'collection',
    timestamp: instant(record.exportedAt),
    entry: resources.map((resource) => ({ fullUrl: `urn:uuid:${resource.id}`, resource })),
  };
}
