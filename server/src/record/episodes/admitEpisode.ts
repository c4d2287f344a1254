import { type Admission, type admitEpisodeRequestSchema, type AdmitEpisodeResponse, type ErrorBody, SamplanError } from '@samplan/shared';
import type { z } from 'zod';
import type { DbClient } from '../../store/database.ts';
import type { Sector } from '../../store/generated/client.ts';
import { UniqueConflictError } from '../../store/uniqueConflict.ts';
import { requireAdmittingStaff } from '../access.ts';
import { auditDenied, auditOk } from '../audit.ts';
import type { Caller, RecordContext } from '../context.ts';

/** The partial unique index of the pathway migration: one open admission per patient. */
const OPEN_ADMISSION_INDEX = 'Episode_one_open_admission_per_patient';

/** The form's device and the server may disagree on the time by a little. */
const CLOCK_SKEW_MS = 5 * 60_000;

/** A second open admission for the same patient; carries the patient so the refusal can be audited. */
export class OpenAdmissionError extends SamplanError {
  readonly patientId: string;
  constructor(patientId: string) {
    super('EPISODE_ALREADY_OPEN', 'The patient has an open admission already: discharge it before admitting again.');
    this.name = 'OpenAdmissionError';
    this.patientId = patientId;
  }
}

/**
 * The index's violation, as either adapter reports it: adapter-pg names the
 * index, PGlite's adapter the column (and the only unique key of Episode on
 * patientId alone is this one).
 */
export function isOpenAdmissionConflict(error: unknown): boolean {
  return (
    error instanceof UniqueConflictError &&
    error.model === 'Episode' &&
    (error.constraint === OPEN_ADMISSION_INDEX || (error.fields.length === 1 && error.fields[0] === 'patientId'))
  );
}

export interface AdmissionWritten {
  readonly episodeId: string;
  readonly patientId: string;
  /** False when a patient with this CPR number was on record already (their details are left as they are). */
  readonly patientCreated: boolean;
  /** The relatives this admission added to the patient's record (those not there already). */
  readonly relativeIds: readonly string[];
  /** Of those, the ones recorded as the patient's representative (guardian, power of attorney). */
  readonly representativeIds: readonly string[];
}

const badOrganisation = (issues: NonNullable<ErrorBody['issues']>) => new SamplanError('BAD_REQUEST', 'An organisation of the admission is unknown or of the wrong kind.', issues);

/**
 * The writes of an admission, inside the caller's transaction (the screen's
 * use case below, or FHIR in with a system actor): the patient found by CPR
 * or created, the episode, its care team (admitting ward, municipality of
 * residence, GP practice) and the relatives not yet on the patient's record.
 * Checks what it needs first, so a refused admission writes nothing; audit
 * rows and the `episode.admitted` event are the caller's, who knows the actor.
 *
 * `recordedBy` is the staff member who admits, or null for a system client.
 * Throws OpenAdmissionError (EPISODE_ALREADY_OPEN) for a patient admitted
 * already, BAD_REQUEST with issues for an unknown organisation or one of the
 * wrong sector, UniqueConflictError for an Encounter identifier on record.
 */
export async function writeAdmission(tx: DbClient, input: Admission, recordedBy: string | null): Promise<AdmissionWritten> {
  const existing = await tx.patient.findUnique({
    where: { cprNumber: input.patient.cpr.value },
    select: { id: true, homeMunicipalityId: true, relatives: { select: { name: true, relation: true } } },
  });
  if (existing !== null) {
    const open = await tx.episode.findFirst({ where: { patientId: existing.id, status: 'admitted' }, select: { id: true } });
    if (open !== null) throw new OpenAdmissionError(existing.id);
  }
  const residenceId = input.residenceMunicipalityId ?? existing?.homeMunicipalityId ?? input.patient.homeMunicipalityId;
  await checkOrganisations(tx, [
    { path: 'admittingWardId', id: input.admittingWardId, sector: 'hospital_ward' },
    ...(existing === null ? [{ path: 'patient.homeMunicipalityId', id: input.patient.homeMunicipalityId, sector: 'municipal_unit' } as const] : []),
    { path: 'residenceMunicipalityId', id: residenceId, sector: 'municipal_unit' },
    ...(input.gpPracticeId === null ? [] : [{ path: 'gpPracticeId', id: input.gpPracticeId, sector: 'general_practice' } as const]),
  ]);

  const patientId =
    existing?.id ??
    (
      await tx.patient.create({
        data: {
          name: input.patient.name,
          cprNumber: input.patient.cpr.value,
          dateOfBirth: new Date(`${input.patient.cpr.birthDate}T00:00:00Z`),
          homeMunicipalityId: input.patient.homeMunicipalityId,
          phone: input.patient.phone,
          email: input.patient.email,
          preferredLanguage: input.patient.preferredLanguage,
        },
        select: { id: true },
      })
    ).id;

  const admittedAt = new Date(input.admittedAt);
  const team = [...new Set([input.admittingWardId, residenceId, ...(input.gpPracticeId === null ? [] : [input.gpPracticeId])])];
  let episodeId: string;
  try {
    const episode = await tx.episode.create({
      data: {
        patientId,
        admittingWardId: input.admittingWardId,
        unit: input.unit,
        admittedAt,
        gpPracticeId: input.gpPracticeId,
        encounterIdentifier: input.encounterIdentifier,
        admissionRecordedById: recordedBy,
        careTeamOrganisations: { create: team.map((organisationId) => ({ organisationId, addedById: recordedBy, addedAt: admittedAt })) },
      },
      select: { id: true },
    });
    episodeId = episode.id;
  } catch (error) {
    // Another admission of the same patient committed between the check above and this insert.
    if (isOpenAdmissionConflict(error)) throw new OpenAdmissionError(patientId);
    throw error;
  }

  const known = new Set((existing?.relatives ?? []).map(relativeKey));
  const relativeIds: string[] = [];
  const representativeIds: string[] = [];
  for (const relative of input.relatives) {
    if (known.has(relativeKey(relative))) continue;
    known.add(relativeKey(relative));
    const row = await tx.relative.create({ data: { patientId, ...relative }, select: { id: true } });
    relativeIds.push(row.id);
    if (relative.representation !== 'none') representativeIds.push(row.id);
  }
  return { episodeId, patientId, patientCreated: existing === null, relativeIds, representativeIds };
}

/** The same person under the same relation is the same relative, however typed. */
function relativeKey(relative: { name: string; relation: string }): string {
  return `${relative.name.trim().toLocaleLowerCase('da')}\u0000${relative.relation.trim().toLocaleLowerCase('da')}`;
}

async function checkOrganisations(tx: DbClient, wanted: ReadonlyArray<{ path: string; id: string; sector: Sector }>): Promise<void> {
  const found = await tx.organisation.findMany({ where: { id: { in: wanted.map((want) => want.id) } }, select: { id: true, sector: true } });
  const sectorOf = new Map(found.map((organisation) => [organisation.id, organisation.sector]));
  const issues = wanted.flatMap(({ path, id, sector }) => {
    const actual = sectorOf.get(id);
    if (actual === undefined) return [{ path, message: 'no such organisation' }];
    return actual === sector ? [] : [{ path, message: `must be an organisation of sector ${sector}` }];
  });
  if (issues.length > 0) throw badOrganisation(issues);
}

/**
 * POST /api/episodes — hospital staff admit a patient into their own ward:
 * the patient found by CPR or created, with relatives and care team, audited
 * in the same transaction; `episode.admitted` after commit.
 */
export async function admitEpisode(ctx: RecordContext, caller: Caller, input: z.output<typeof admitEpisodeRequestSchema>): Promise<AdmitEpisodeResponse> {
  const audit = { action: 'create', resourceType: 'Episode' };
  const staff = await requireAdmittingStaff(ctx, caller, audit);
  const now = ctx.now();
  const admittedAt = input.admittedAt ?? now.toISOString();
  if (new Date(admittedAt).getTime() > now.getTime() + CLOCK_SKEW_MS) {
    throw new SamplanError('BAD_REQUEST', 'An admission cannot be recorded ahead of time.', [{ path: 'admittedAt', message: 'must not be in the future' }]);
  }
  let written: AdmissionWritten;
  try {
    written = await ctx.db.$transaction(async (tx) => {
      const done = await writeAdmission(tx, { ...input, admittedAt, admittingWardId: staff.organisationId, encounterIdentifier: null }, staff.staffId);
      if (done.patientCreated) await auditOk(tx, caller, { action: 'create', resourceType: 'Patient', resourceId: done.patientId, patientId: done.patientId });
      for (const relativeId of done.relativeIds) await auditOk(tx, caller, { action: 'create', resourceType: 'Relative', resourceId: relativeId, patientId: done.patientId });
      // A representative may act for the patient: that it was recorded, and by whom, is its own line in the trail.
      for (const relativeId of done.representativeIds) await auditOk(tx, caller, { action: 'set-representation', resourceType: 'Relative', resourceId: relativeId, patientId: done.patientId });
      await auditOk(tx, caller, { ...audit, resourceId: done.episodeId, patientId: done.patientId });
      return done;
    });
  } catch (error) {
    if (error instanceof OpenAdmissionError) await auditDenied(ctx.db, caller, { ...audit, patientId: error.patientId });
    throw error;
  }
  await ctx.events.publish({ type: 'episode.admitted', episodeId: written.episodeId, patientId: written.patientId });
  return { episodeId: written.episodeId, patientId: written.patientId, patientCreated: written.patientCreated };
}
