import type { SystemCaller } from '../auth/systemClient.ts';
import type { DomainEvent } from '../events/domainEvents.ts';
import { recordAudit } from '../store/audit.ts';
import type { DbTransaction } from '../store/database.ts';
import type { Sector } from '../store/generated/enums.ts';
import { InboundRefusal } from './operationOutcome.ts';
import type { HospitalNotice, NoticeRelative, SorReference } from './readHospitalBundle.ts';

/**
 * Writes what a hospital's bundle asks, inside the caller's transaction, so
 * the whole bundle is stored or none of it. The same bundle again changes
 * nothing and gets the same ids. Samplan's rules hold as on the screens: one
 * open admission per patient (the partial unique index backs this up), the
 * ward, the home municipality and the GP practice on the care team.
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

export async function applyHospitalNotice(tx: DbTransaction, caller: SystemCaller, notice: HospitalNotice): Promise<AppliedNotice> {
  const organisations = await resolveOrganisations(tx, notice);
  const ward = organisationOf(organisations, notice.encounter.ward, 'hospital_ward');
  const municipality = notice.patient.municipality && organisationOf(organisations, notice.patient.municipality, 'municipal_unit');
  const gpPractice = notice.patient.gpPractice && organisationOf(organisations, notice.patient.gpPractice, 'general_practice');

  const patient = await upsertPatient(tx, notice, municipality);
  const episode = notice.encounter.event === 'admitted' ? await admit(tx, notice, patient.id, ward, municipality, gpPractice) : await discharge(tx, notice, patient.id);
  const relatives = [];
  for (const relative of notice.relatives) relatives.push(await upsertRelative(tx, patient.id, relative));

  const audit = (action: string, resourceType: string, resourceId: string) =>
    recordAudit(tx, { actor: { kind: 'system', systemClientId: caller.systemClientId }, action, resourceType, resourceId, patientId: patient.id, via: caller.via, outcome: 'ok' });
  await audit(verbOf(patient.change), 'Patient', patient.id);
  await audit(episode.change === 'created' ? 'admit' : episode.change === 'updated' ? 'discharge' : 'receive', 'Episode', episode.id);
  for (const relative of relatives) await audit(verbOf(relative.change), 'Relative', relative.id);

  const events: DomainEvent[] = [];
  if (episode.change === 'created') events.push({ type: 'episode.admitted', episodeId: episode.id, patientId: patient.id });
  if (episode.change === 'updated' && notice.encounter.dischargedAt !== null) {
    events.push({ type: 'episode.discharged', episodeId: episode.id, patientId: patient.id, dischargedAt: notice.encounter.dischargedAt });
  }
  return { patient, episode, relatives, organisations: new Map([...organisations].map(([sor, row]) => [sor, row.id])), events };
}

/** "unchanged": the same bundle again; the trail still shows it arrived. */
function verbOf(change: Change): string {
  return change === 'created' ? 'create' : change === 'updated' ? 'update' : 'receive';
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

/**
 * Found by CPR, or made. The hospital's system carries the CPR register's
 * name and the municipality of residence, so a known patient takes them
 * (she may have moved); contact details given replace the stored ones.
 */
async function upsertPatient(tx: DbTransaction, notice: HospitalNotice, municipality: string | null): Promise<{ id: string; change: Change }> {
  const { cpr, name, phone, email } = notice.patient;
  const known = await tx.patient.findUnique({ where: { cprNumber: cpr.value }, select: { id: true, name: true, homeMunicipalityId: true, phone: true, email: true } });
  if (known === null) {
    if (municipality === null) {
      throw InboundRefusal.one(422, 'required', 'A patient new to Samplan needs her municipality of residence: Patient.managingOrganization, by SOR identifier.', 'Patient.managingOrganization');
    }
    const created = await tx.patient.create({
      data: { name, cprNumber: cpr.value, dateOfBirth: new Date(`${cpr.birthDate}T00:00:00Z`), homeMunicipalityId: municipality, phone, email },
      select: { id: true },
    });
    return { id: created.id, change: 'created' };
  }
  const wanted = { name, homeMunicipalityId: municipality ?? known.homeMunicipalityId, phone: phone ?? known.phone, email: email ?? known.email };
  const same = wanted.name === known.name && wanted.homeMunicipalityId === known.homeMunicipalityId && wanted.phone === known.phone && wanted.email === known.email;
  if (same) return { id: known.id, change: 'unchanged' };
  await tx.patient.update({ where: { id: known.id }, data: wanted });
  return { id: known.id, change: 'updated' };
}

async function admit(tx: DbTransaction, notice: HospitalNotice, patientId: string, ward: string, municipality: string | null, gpPractice: string | null): Promise<{ id: string; change: Change }> {
  const { encounter } = notice;
  const existing = await tx.episode.findUnique({ where: { encounterIdentifier: encounter.identifier }, select: { id: true, patientId: true, status: true } });
  if (existing !== null) {
    samePatient(existing.patientId, patientId);
    // A later in-progress notice (a repeat, or leave) for an admission Samplan holds changes nothing.
    if (existing.status === 'admitted') return { id: existing.id, change: 'unchanged' };
    throw InboundRefusal.one(409, 'conflict', 'Samplan holds this Encounter as discharged already; it does not reopen a stay.', 'Encounter.status');
  }
  const open = await tx.episode.findFirst({ where: { patientId, status: 'admitted' }, select: { id: true } });
  if (open !== null) {
    throw InboundRefusal.one(409, 'conflict', 'The patient has an open admission in Samplan already (another Encounter, or one entered on a screen): discharge it first.', 'Encounter');
  }
  const team = [...new Set([ward, ...(municipality ? [municipality] : []), ...(gpPractice ? [gpPractice] : [])])];
  const created = await tx.episode.create({
    data: {
      patientId,
      admittingWardId: ward,
      unit: encounter.unit,
      admittedAt: encounter.admittedAt,
      gpPracticeId: gpPractice,
      encounterIdentifier: encounter.identifier,
      status: 'admitted',
      careTeamOrganisations: { create: team.map((organisationId) => ({ organisationId, addedAt: encounter.admittedAt })) },
    },
    select: { id: true },
  });
  return { id: created.id, change: 'created' };
}

async function discharge(tx: DbTransaction, notice: HospitalNotice, patientId: string): Promise<{ id: string; change: Change }> {
  const { encounter } = notice;
  const dischargedAt = encounter.dischargedAt as Date;
  const existing = await tx.episode.findUnique({ where: { encounterIdentifier: encounter.identifier }, select: { id: true, patientId: true, status: true, admittedAt: true, dischargedAt: true } });
  if (existing === null) {
    throw InboundRefusal.one(422, 'business-rule', 'Samplan never received the admission of this Encounter, so it cannot record its discharge: send the admission (in-progress) first.', 'Encounter.identifier');
  }
  samePatient(existing.patientId, patientId);
  if (existing.status !== 'admitted') {
    if (existing.dischargedAt?.getTime() === dischargedAt.getTime()) return { id: existing.id, change: 'unchanged' };
    throw InboundRefusal.one(409, 'conflict', 'Samplan holds this stay as discharged at another time; it does not move a recorded discharge.', 'Encounter.period.end');
  }
  if (dischargedAt < existing.admittedAt) throw InboundRefusal.one(422, 'value', 'The discharge is before the admission Samplan holds for this Encounter.', 'Encounter.period.end');
  await tx.episode.update({ where: { id: existing.id }, data: { status: 'discharged', dischargedAt, dischargeDestination: encounter.destination } });
  return { id: existing.id, change: 'updated' };
}

function samePatient(stored: string, sent: string): void {
  if (stored !== sent) throw InboundRefusal.one(409, 'conflict', 'Samplan holds this Encounter for another patient.', 'Encounter.subject');
}

/** A relative is the same person when the name is (the hospital's systems seldom give RelatedPerson an identifier). */
async function upsertRelative(tx: DbTransaction, patientId: string, relative: NoticeRelative): Promise<{ id: string; change: Change }> {
  const known = await tx.relative.findFirst({ where: { patientId, name: { equals: relative.name, mode: 'insensitive' } }, orderBy: { createdAt: 'asc' } });
  if (known === null) {
    const created = await tx.relative.create({ data: { patientId, ...relative }, select: { id: true } });
    return { id: created.id, change: 'created' };
  }
  const wanted = { relation: relative.relation, phone: relative.phone ?? known.phone, email: relative.email ?? known.email };
  if (wanted.relation === known.relation && wanted.phone === known.phone && wanted.email === known.email) return { id: known.id, change: 'unchanged' };
  await tx.relative.update({ where: { id: known.id }, data: wanted });
  return { id: known.id, change: 'updated' };
}
