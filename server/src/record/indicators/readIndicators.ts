import {
  indicatorPeriod,
  type IndicatorsQuery,
  type IndicatorsResponse,
  PATHWAY_CONFERENCE_KINDS,
  publishedCount,
  publishedMedian,
  publishedShare,
  rate,
  SMALL_CELL_LIMIT,
} from '@samplan/shared';
import { notFound, requireIndicatorAccess } from '../access.ts';
import { auditOk } from '../audit.ts';
import type { Caller, RecordContext } from '../context.ts';
import { countIndicators, type PromiseCounts } from './countIndicators.ts';

/**
 * GET /api/indicators (and the CSV export) — the pathway's figures for a
 * period and an organisation (or all), counted from the record when asked.
 * Only counts leave the server, small cells suppressed (domain/indicators.ts);
 * any organisation may be chosen, since that is what a cluster compares (the
 * page offers the one organisation list, GET /api/organisations). The read is
 * audited with the organisation asked for.
 */
export async function readIndicators(ctx: RecordContext, caller: Caller, query: IndicatorsQuery, action: 'read' | 'export' = 'read'): Promise<IndicatorsResponse> {
  const audit = { action, resourceType: 'Indicators', ...(query.organisationId === undefined ? {} : { resourceId: query.organisationId }) };
  await requireIndicatorAccess(ctx, caller, audit);
  const organisation =
    query.organisationId === undefined ? null : await ctx.db.organisation.findUnique({ where: { id: query.organisationId }, select: { id: true, name: true } });
  if (organisation === null && query.organisationId !== undefined) throw notFound('Organisation');
  const now = ctx.now();
  const { start, end } = indicatorPeriod(query.from, query.to);
  const counts = await countIndicators(ctx.db, { start, end, organisationId: organisation?.id ?? null, now });
  await auditOk(ctx.db, caller, audit);

  const promise = (counts: PromiseCounts) => ({ ...publishedShare(rate(counts.kept, counts.kept + counts.failed)), pending: publishedCount(counts.pending) });
  const median = publishedMedian(counts.advice.medianMsToAnswer, counts.advice.answered);
  return {
    period: { from: query.from, to: query.to },
    organisation,
    computedAt: now.toISOString(),
    smallCellLimit: SMALL_CELL_LIMIT,
    conferencesHeld: Object.fromEntries(PATHWAY_CONFERENCE_KINDS.map((kind) => [kind, publishedCount(counts.conferencesHeld[kind])])) as IndicatorsResponse['conferencesHeld'],
    discharges: publishedCount(counts.discharges),
    receptionVisitWithin24h: promise(counts.receptionVisit),
    followUpVisitWithin8Days: promise(counts.followUpVisit),
    dischargedBeforeNoon: publishedShare(rate(counts.dischargedBeforeNoon, counts.discharges)),
    advice: {
      requests: publishedCount(counts.advice.requests),
      answered: publishedCount(counts.advice.answered),
      medianMinutesToAnswer: median === null ? null : Math.round(median / 6_000) / 10,
    },
    readmission: {
      withVideoDischargeConference: publishedShare(rate(counts.readmission.withConference.readmitted, counts.readmission.withConference.all)),
      withoutVideoDischargeConference: publishedShare(rate(counts.readmission.withoutConference.readmitted, counts.readmission.withoutConference.all)),
      windowStillOpen: publishedCount(counts.readmission.windowStillOpen),
    },
  };
}
