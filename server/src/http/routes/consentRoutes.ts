import {
  accessLogQuerySchema,
  accessLogResponseSchema,
  auditTrailQuerySchema,
  auditTrailResponseSchema,
  consentListResponseSchema,
  consentParamsSchema,
  consentResponseSchema,
  episodeParamsSchema,
  recordConsentRequestSchema,
} from '@samplan/shared';
import { readAccessLog } from '../../record/auditTrail/readAccessLog.ts';
import { readAuditTrail } from '../../record/auditTrail/readAuditTrail.ts';
import { listConsents, recordConsent, withdrawConsent } from '../../record/consents/consents.ts';
import type { RecordContext } from '../../record/context.ts';
import { type AnyRoute, route } from '../route.ts';

export function consentRoutes(ctx: RecordContext): AnyRoute[] {
  return [
    route({
      method: 'get',
      path: '/episodes/:episodeId/consents',
      summary: "The patient's consents that apply to this episode, withdrawn ones included.",
      tag: 'consent',
      access: 'signed-in',
      params: episodeParamsSchema,
      response: consentListResponseSchema,
      handler: async ({ caller, params }) => ({ consents: await listConsents(ctx, caller, params.episodeId) }),
    }),
    route({
      method: 'post',
      path: '/episodes/:episodeId/consents',
      summary: 'Record a consent the patient gave (share across sectors, take part by video).',
      tag: 'consent',
      access: 'staff',
      audit: { action: 'create', resourceType: 'Consent' },
      params: episodeParamsSchema,
      body: recordConsentRequestSchema,
      response: consentResponseSchema,
      status: 201,
      handler: async ({ caller, params, body }) => ({ consent: await recordConsent(ctx, caller, params.episodeId, body) }),
    }),
    route({
      method: 'post',
      path: '/episodes/:episodeId/consents/:consentId/withdraw',
      summary: 'Record that the patient withdrew a consent (the record stays as evidence).',
      tag: 'consent',
      access: 'staff',
      audit: { action: 'withdraw', resourceType: 'Consent' },
      params: consentParamsSchema,
      response: consentResponseSchema,
      handler: async ({ caller, params }) => ({ consent: await withdrawConsent(ctx, caller, params.episodeId, params.consentId) }),
    }),
    route({
      method: 'get',
      path: '/episodes/:episodeId/audit',
      summary: "Who looked at this patient's record: the audit trail, newest first.",
      tag: 'audit',
      access: 'staff',
      audit: { action: 'read', resourceType: 'AuditEvent' },
      params: episodeParamsSchema,
      query: auditTrailQuerySchema,
      response: auditTrailResponseSchema,
      handler: ({ caller, params, query }) => readAuditTrail(ctx, caller, params.episodeId, query),
    }),
    route({
      method: 'get',
      path: '/episodes/:episodeId/access-log',
      summary: 'For the patient (and a relative who represents her): who has looked at her record, what and when, in plain words and without staff detail.',
      tag: 'audit',
      access: 'signed-in',
      params: episodeParamsSchema,
      query: accessLogQuerySchema,
      response: accessLogResponseSchema,
      handler: ({ caller, params, query }) => readAccessLog(ctx, caller, params.episodeId, query),
    }),
  ];
}
