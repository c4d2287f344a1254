import {
  type PathwayVisitKind,
  PATHWAY_VISIT_KINDS,
  type TobsObservationView,
  visitChecklistSchema,
  visitDue,
  visitKept,
  type VisitView,
} from '@samplan/shared';
import type { Prisma } from '../../store/generated/client.ts';

/** A TOBS observation's own values, as every reader of them selects them. */
export const tobsValuesSelect = {
  id: true,
  observedAt: true,
  visitId: true,
  conferenceId: true,
  pulsePerMinute: true,
  respirationPerMinute: true,
  temperatureCelsius: true,
  temperatureSite: true,
  systolicMmHg: true,
  consciousness: true,
  spo2Percent: true,
  score: true,
} as const satisfies Prisma.TobsObservationSelect;

export const tobsObservationSelect = {
  ...tobsValuesSelect,
  recordedBy: { select: { id: true, name: true } },
} as const satisfies Prisma.TobsObservationSelect;

export const visitSelect = {
  id: true,
  kind: true,
  mode: true,
  performedAt: true,
  performedBy: true,
  recordedBy: { select: { id: true, name: true } },
  checklist: true,
  note: true,
  tobsObservations: { select: tobsObservationSelect, orderBy: { observedAt: 'asc' } },
} as const satisfies Prisma.VisitSelect;

type TobsRow = Prisma.TobsObservationGetPayload<{ select: typeof tobsObservationSelect }>;
type VisitRow = Prisma.VisitGetPayload<{ select: typeof visitSelect }>;

export function tobsObservationView(row: TobsRow): TobsObservationView {
  return {
    id: row.id,
    observedAt: row.observedAt.toISOString(),
    visitId: row.visitId,
    conferenceId: row.conferenceId,
    pulsePerMinute: row.pulsePerMinute,
    respirationPerMinute: row.respirationPerMinute,
    temperatureCelsius: Number(row.temperatureCelsius),
    temperatureSite: row.temperatureSite,
    systolicMmHg: row.systolicMmHg,
    consciousness: row.consciousness,
    ...(row.spo2Percent === null ? {} : { spo2Percent: row.spo2Percent }),
    score: row.score,
    recordedBy: row.recordedBy,
  };
}

const isPathwayVisit = (kind: string): kind is PathwayVisitKind => (PATHWAY_VISIT_KINDS as readonly string[]).includes(kind);

/** `dischargedAt` is the episode's: a visit is kept or late against the clock the discharge started. */
export function visitView(row: VisitRow, dischargedAt: Date | null): VisitView {
  const promised = dischargedAt !== null && isPathwayVisit(row.kind);
  const tobs = row.tobsObservations[0];
  return {
    id: row.id,
    kind: row.kind,
    mode: row.mode,
    performedAt: row.performedAt.toISOString(),
    performedBy: row.performedBy,
    recordedBy: row.recordedBy,
    // Written only through recordVisitRequestSchema; parsing again keeps a hand-edited row from reaching a screen unchecked.
    checklist: visitChecklistSchema.parse(row.checklist),
    note: row.note,
    due: promised ? visitDue(row.kind as PathwayVisitKind, dischargedAt).toISOString() : null,
    kept: promised ? visitKept(row.kind as PathwayVisitKind, dischargedAt, row.performedAt) : null,
    tobs: tobs === undefined ? null : tobsObservationView(tobs),
  };
}
