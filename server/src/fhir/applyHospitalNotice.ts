import { type Admission, admissionSchema, RECORDED_TIME_TOLERANCE_MS, type RelativeInput, relativeInputSchema, SamplanError } from '@samplan/shared';
import { z } from 'zod';
import type { SystemCaller } from '../auth/systemClient.ts';
import type { DomainEvent } from '../events/domainEvents.ts';
import { OpenAdmissionError, writeAdmission } from '../record/episodes/admitEpisode.ts';
import { dischargedEvent, writeDischarge } from '../record/episodes/recordDischarge.ts';
import { recordAudit } from '../store/auditLog.ts';
import type { DbTransaction } from '../store/database.ts';
import type { Sector } from '../store/generated/enums.ts';
import { UniqueConflictError } from '../store/uniqueConflict.ts';
import { type InboundIssue, InboundRefusal } from './operationOutcome.ts';
import type { HospitalNotice, SorReference } from './readHospitalBundle.ts';

/**
 * Writes what a hospital's bundle asks, inside the caller's transaction, so
 * the whole bundle is stored or none of it. The writes are the record's own
 * (writeAdmission, writeDischarge), so the rules hold as on the screens: the
 * patient found by CPR (her details left as they are) or created, one open
 * admission per patient, the ward, the municipality of residence and the GP
 * practice on the care team, a discharge neither before the admission nor
 * ahead of time. What FHIR adds: the Encounter identifier makes the same
 * bundle sent again change nothing and answer the same ids.
 */

export type Change = 'created' | 'updated' | 'unchanged';

export interface AppliedNotice {
  readonly patient: { readonly id: string; readonly change: Change };
  readonly episode: { readonly id: string; readonly change: Change };
  readonly relatives: ReadonlyArray<{ readonly id: string; readonly change: Change }>;
  /** Samplan's organisation for each SOR code the bundle named. */
  readonly organisations: ReadonlyMap<string, string>;
  /** To publish once the transaction has committed. */
  readonly events: readonly DomainEvent[];
}

const SECTOR_WORD: Readonly<Record<Sector, string>> = {
  hospital_ward: 'a hospital ward',
  municipal_unit: 'a municipality',
  general_practice: 'a GP practice',
};

/** A system records it: no staff member is the admission's or the discharge's recorder. */
const RECORDED_BY_SYSTEM = null;

export async function applyHospitalNotice(tx: DbTransaction, caller: SystemCaller, notice: HospitalNotice, now: Date): Promise<AppliedNotice> {
  const organisations = await resolveOrganisations(tx, notice);
  const ward = organisationOf(organisations, notice.encounter.ward, 'hospital_ward');
  const municipality = notice.patient.municipality && organisationOf(organisations, notice.patient.municipality, 'municipal_unit');
  const gpPractice = notice.patient.gpPractice && organisationOf(organisations, notice.patient.gpPractice, 'general_practice');
  const relatives = checkedRelatives(notice);

  const known = await tx.patient.findUnique({ where: { cprNumber: notice.patient.cpr.value }, select: { id: true, homeMunicipalityId: true } });
  const held = await tx.episode.findUnique({ where: { encounterIdentifier: notice.encounter.identifier }, select: { id: true, patientId: true, status: true, dischargedAt: true } });
  if (held !== null && held.patientId !== known?.id) throw InboundRefusal.one(409, 'conflict', 'Samplan holds this Encounter for another patient.', 'Encounter.subject');

  let patient: AppliedNotice['patient'];
  let episode: AppliedNotice['episode'];
  let createdRelatives: readonly string[];
  const events: DomainEvent[] = [];
  if (notice.encounter.event === 'admitted') {
    if (held === null) {
      if (notice.encounter.admittedAt.getTime() > now.getTime() + RECORDED_TIME_TOLERANCE_MS) {
        throw InboundRefusal.one(422, 'value', 'The admission is ahead of time: Samplan records an admission that has happened.', `${entryOf(notice, 'Encounter')}.period.start`);
      }
      const admission = checkedAdmission(notice, { ward, municipality: municipality ?? known?.homeMunicipalityId ?? null, gpPractice, relatives });
      const written = await admitting(() => writeAdmission(tx, admission, RECORDED_BY_SYSTEM));
      patient = { id: written.patientId, change: written.patientCreated ? 'created' : 'unchanged' };
      episode = { id: written.episodeId, change: 'created' };
      createdRelatives = written.relativeIds;
      events.push({ type: 'episode.admitted', episodeId: written.episodeId, patientId: written.patientId });
    } else {
      // A repeat, or a notice of leave (MedCom STOR/SLOR), for a stay Samplan holds.
      if (held.status !== 'admitted') throw InboundRefusal.one(409, 'conflict', 'Samplan holds this Encounter as discharged already; it does not reopen a stay.', 'Encounter.status');
      patient = { id: held.patientId, change: 'unchanged' };
      episode = { id: held.id, change: 'unchanged' };
      createdRelatives = await addMissingRelatives(tx, held.patientId, relatives);
    }
  } else {
    if (held === null) {
      throw InboundRefusal.one(422, 'business-rule', 'Samplan never received the admission of this Encounter, so it cannot record its discharge: send the admission (in-progress) first.', 'Encounter.identifier');
    }
    const dischargedAt = notice.encounter.dischargedAt as Date;
    patient = { id: held.patientId, change: 'unchanged' };
    if (held.dischargedAt !== null && held.dischargedAt.getTime() === dischargedAt.getTime()) {
      episode = { id: held.id, change: 'unchanged' };
    } else {
      const written = await discharging(() => writeDischarge(tx, held.id, { dischargedAt: dischargedAt.toISOString(), destination: notice.encounter.destination ?? 'other' }, RECORDED_BY_SYSTEM, now));
      episode = { id: held.id, change: 'updated' };
      events.push(dischargedEvent(written));
    }
    createdRelatives = await addMissingRelatives(tx, held.patientId, relatives);
  }
  const relativeRows = await relativesOf(tx, patient.id, relatives, createdRelatives);

  const audit = (action: string, resourceType: string, resourceId: string) =>
    recordAudit(tx, { actor: { kind: 'system', systemClientId: caller.systemClientId }, action, resourceType, resourceId, patientId: patient.id, via: caller.via, outcome: 'ok' });
  await audit(patient.change === 'created' ? 'create' : 'receive', 'Patient', patient.id);
  await audit(episode.change === 'created' ? 'admit' : episode.change === 'updated' ? 'discharge' : 'receive', 'Episode', episode.id);
  for (const relative of relativeRows) await audit(relative.change === 'created' ? 'create' : 'receive', 'Relative', relative.id);

  return { patient, episode, relatives: relativeRows, organisations: new Map([...organisations].map(([sor, row]) => [sor, row.id])), events };
}

type OrganisationRow = { id: string; sector: Sector };

async function resolveOrganisations(tx: DbTransaction, notice: HospitalNotice): Promise<Map<string, OrganisationRow>> {
  const named = [
    notice.encounter.ward,
    ...(notice.patient.municipality ? [notice.patient.municipality] : []),
    ...(notice.patient.gpPractice ? [notice.patient.gpPractice] : []),
    ...notice.entries.flatMap((entry, index) => (entry.kind === 'Organization' ? [{ sorCode: entry.sorCode, expression: `Bundle.entry[${index}].resource.identifier` }] : [])),
  ];
  const rows = await tx.organisation.findMany({ where: { sorCode: { in: named.map((reference) => reference.sorCode) } }, select: { id: true, sector: true, sorCode: true } });
  const bySor = new Map(rows.map((row) => [row.sorCode as string, { id: row.id, sector: row.sector }]));
  const unknown = named.filter((reference) => !bySor.has(reference.sorCode));
  if (unknown.length > 0) {
    throw new InboundRefusal(
      422,
      unknown.map((reference) => ({ code: 'not-found', message: `Samplan knows no organisation with SOR code ${reference.sorCode}: an administrator adds it first.`, expression: reference.expression })),
    );
  }
  return bySor;
}

function organisationOf(organisations: ReadonlyMap<string, OrganisationRow>, reference: SorReference, sector: Sector): string {
  const row = organisations.get(reference.sorCode) as OrganisationRow;
  if (row.sector !== sector) throw InboundRefusal.one(422, 'value', `SOR code ${reference.sorCode} is ${SECTOR_WORD[row.sector]} in Samplan, not ${SECTOR_WORD[sector]}.`, reference.expression);
  return row.id;
}

/** Where in the bundle a field of the admission came from, for a refusal that points at it. */
function entryOf(notice: HospitalNotice, kind: 'Patient' | 'Encounter' | 'RelatedPerson', relative?: number): string {
  const index = notice.entries.findIndex((entry) => entry.kind === kind && (entry.kind !== 'RelatedPerson' || entry.relative === relative));
  return `Bundle.entry[${index}].resource`;
}

function zodRefusal(notice: HospitalNotice, error: z.ZodError): InboundRefusal {
  return new InboundRefusal(
    422,
    error.issues.map((issue): InboundIssue => {
      const [first, second] = issue.path;
      const expression = first === 'relatives' ? entryOf(notice, 'RelatedPerson', Number(second)) : first === 'patient' ? entryOf(notice, 'Patient') : entryOf(notice, 'Encounter');
      return { code: 'value', message: `${issue.path.join('.')}: ${issue.message}`, expression };
    }),
  );
}

/** The relatives as the screens take them (name, relation, phone and e-mail checked by the same schema). */
const relativesSchema = z.object({ relatives: relativeInputSchema.array() });

function checkedRelatives(notice: HospitalNotice): RelativeInput[] {
  const parsed = relativesSchema.safeParse({ relatives: notice.relatives });
  if (!parsed.success) throw zodRefusal(notice, parsed.error);
  return parsed.data.relatives;
}

function checkedAdmission(notice: HospitalNotice, ids: { ward: string; municipality: string | null; gpPractice: string | null; relatives: RelativeInput[] }): Admission {
  if (ids.municipality === null) {
    throw InboundRefusal.one(422, 'required', 'A patient new to Samplan needs her municipality of residence: Patient.managingOrganization, by SOR identifier.', `${entryOf(notice, 'Patient')}.managingOrganization`);
  }
  const parsed = admissionSchema.safeParse({
    patient: { cpr: notice.patient.cpr.value, name: notice.patient.name, homeMunicipalityId: ids.municipality, phone: notice.patient.phone, email: notice.patient.email },
    admittingWardId: ids.ward,
    unit: notice.encounter.unit,
    admittedAt: notice.encounter.admittedAt.toISOString(),
    residenceMunicipalityId: ids.municipality,
    gpPracticeId: ids.gpPractice,
    relatives: ids.relatives,
    encounterIdentifier: notice.encounter.identifier,
  });
  if (!parsed.success) throw zodRefusal(notice, parsed.error);
  return parsed.data;
}

async function admitting<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof OpenAdmissionError) {
      throw InboundRefusal.one(409, 'conflict', 'The patient has an open admission in Samplan already (another Encounter, or one entered on a screen): discharge it first.', 'Encounter');
    }
    if (error instanceof UniqueConflictError) throw InboundRefusal.one(409, 'conflict', 'Another request admitted the same patient or Encounter at the same moment: send the bundle again.', 'Encounter');
    throw error;
  }
}

async function discharging<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!(error instanceof SamplanError)) throw error;
    switch (error.refusal?.code) {
      case 'ALREADY_DISCHARGED':
        throw InboundRefusal.one(409, 'conflict', 'Samplan holds this stay as discharged at another time; it does not move a recorded discharge.', 'Encounter.period.end');
      case 'BEFORE_ADMISSION':
        throw InboundRefusal.one(422, 'value', 'The discharge is before the admission Samplan holds for this Encounter.', 'Encounter.period.end');
      case 'IN_THE_FUTURE':
        throw InboundRefusal.one(422, 'value', 'The discharge is ahead of time: Samplan records a discharge that has happened.', 'Encounter.period.end');
      default:
        if (error.code === 'CONFLICT') throw InboundRefusal.one(409, 'conflict', 'The episode changed while the discharge was recorded: send the bundle again.', 'Encounter');
        throw error;
    }
  }
}

/** The same person under the same relation is the same relative, as at intake. */
function relativeKey(relative: { name: string; relation: string }): string {
  return `${relative.name.trim().toLocaleLowerCase('da')}\u0000${relative.relation.trim().toLocaleLowerCase('da')}`;
}

/** Relatives a later notice names that the record does not have yet are added, as an admission would; known ones are left as they are. */
async function addMissingRelatives(tx: DbTransaction, patientId: string, relatives: readonly RelativeInput[]): Promise<string[]> {
  const onRecord = await tx.relative.findMany({ where: { patientId }, select: { name: true, relation: true } });
  const known = new Set(onRecord.map(relativeKey));
  const created: string[] = [];
  for (const relative of relatives) {
    if (known.has(relativeKey(relative))) continue;
    known.add(relativeKey(relative));
    created.push((await tx.relative.create({ data: { patientId, ...relative }, select: { id: true } })).id);
  }
  return created;
}

/** Each RelatedPerson of the bundle as the relative on record it is, in the bundle's order. */
async function relativesOf(tx: DbTransaction, patientId: string, relatives: readonly RelativeInput[], created: readonly string[]): Promise<AppliedNotice['relatives']> {
  if (relatives.length === 0) return [];
  const onRecord = await tx.relative.findMany({ where: { patientId }, select: { id: true, name: true, relation: true }, orderBy: { createdAt: 'asc' } });
  return relatives.map((relative) => {
    const row = onRecord.find((candidate) => relativeKey(candidate) === relativeKey(relative));
    if (row === undefined) throw new Error('a relative of the bundle is not on record after the write');
    return { id: row.id, change: created.includes(row.id) ? 'created' : 'unchanged' };
  });
}
