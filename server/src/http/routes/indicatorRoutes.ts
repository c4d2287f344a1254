import { indicatorsCsvSchema, indicatorsQuerySchema, indicatorsResponseSchema } from '@samplan/shared';
import type { RequestHandler } from 'express';
import type { RecordContext } from '../../record/context.ts';
import { indicatorsCsv } from '../../record/indicators/indicatorsCsv.ts';
import { readIndicators } from '../../record/indicators/readIndicators.ts';
import { type AnyRoute, route } from '../route.ts';

const asAttachment: RequestHandler = (_req, res, next) => {
  res.attachment('samplan-indikatorer.csv');
  next();
};

export function indicatorRoutes(ctx: RecordContext): AnyRoute[] {
  return [
    route({
      method: 'get',
      path: '/indicators',
      summary:
        'The pathway figures for a period [from, to) of Copenhagen dates and an organisation (or all): conferences held, reception and follow-up visits kept, discharges before 12, advice, 30-day readmission with and without a video discharge conference. Counts only, 1–4 shown as fewer than 5 (administrators, discharge coordinators, visitators, doctors; audited).',
      tag: 'indicators',
      access: 'staff',
      audit: { action: 'read', resourceType: 'Indicators' },
      query: indicatorsQuerySchema,
      response: indicatorsResponseSchema,
      handler: ({ caller, query }) => readIndicators(ctx, caller, query),
    }),
    route({
      method: 'get',
      path: '/indicators.csv',
      summary: 'The same figures as CSV for Danish Excel: semicolon-separated, decimal comma, UTF-8 with a byte order mark (audited).',
      tag: 'indicators',
      access: 'staff',
      audit: { action: 'export', resourceType: 'Indicators' },
      query: indicatorsQuerySchema,
      response: indicatorsCsvSchema,
      contentType: 'text/csv; charset=utf-8',
      before: [asAttachment],
      handler: async ({ caller, query }) => indicatorsCsv(await readIndicators(ctx, caller, query, 'export')),
    }),
  ];
}
