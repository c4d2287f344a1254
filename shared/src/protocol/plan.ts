import { z } from 'zod';
import { actionSchema } from '../domain/permissions.ts';
import { editorSchema, instantSchema, itemIdSchema, planDocumentSchema } from '../plan/planDocument.ts';
import { planOperationSchema, planPushSchema, planRevisionSchema } from '../plan/planOperations.ts';
import { planRejectionSchema } from '../plan/planRejection.ts';

/**
 * Live co-editing of the care plan during a call (the tldraw model): the
 * client pushes operations against the revision it holds; the server commits
 * what still means what the person meant, rejects the rest with a reason, and
 * sends the new revision to everyone in the conference.
 */

/** The patient and relatives agree as one party; the geriatric team advises and is not a party. */
export const AGREEMENT_PARTIES = ['patient', 'hospital', 'municipality', 'gp'] as const;
export const agreementPartySchema = z.enum(AGREEMENT_PARTIES);
export type AgreementParty = z.infer<typeof agreementPartySchema>;

/** domain/agreement.ts's AgreementStatus, with the parties the server asks. */
export const agreementStatusSchema = z.object({
  state: z.enum(['not_agreed', 'agreed', 'changed_since_agreement']),
  currentRevision: z.number().int().min(0),
  agreedRevision: z.number().int().min(0).nullable(),
  awaiting: z.array(agreementPartySchema),
});
export type AgreementStatusView = z.infer<typeof agreementStatusSchema>;

/**
 * What agreement is judged on besides the plan itself (domain/agreement.ts):
 * the parties present in the conference and every agreement given to the
 * plan. Sent when the plan is opened and again whenever either changes (someone
 * enters or leaves the call, someone agrees), so every open plan judges the
 * same inputs with the same rule.
 *
 * Present: a party with a participant in the call now, i.e. admitted and with
 * a peer in the conference's media room (a dropped connection still counts
 * during its reconnect grace; leaving, the grace running out, removal and the
 * room closing end it). Once the conference has ended: every party that took part.
 */
export const agreementPartiesSchema = z.object({
  present: z.array(agreementPartySchema),
  agreements: z.array(z.object({ party: agreementPartySchema, revision: z.number().int().min(1) })),
});
export type AgreementParties = z.infer<typeof agreementPartiesSchema>;

/** Who has which item open right now ("Anna is editing this task"). */
export const planFocusSchema = z.object({ editor: editorSchema, itemId: itemIdSchema.nullable() });
export type PlanFocus = z.infer<typeof planFocusSchema>;

/** Why one operation of a push did not land, by its index in the push. */
export const rejectedOperationSchema = z.object({ index: z.number().int().min(0), rejection: planRejectionSchema });

/**
 * The answer to a push. `missed` are the revisions committed since the
 * client's base that it has not seen; applying them and then `applied` with
 * this revision's stamp (`by` is the pusher, `at` below) gives the server's
 * document. When nothing landed, `revision` is the current one and `at` null.
 */
export const planPushResultSchema = z.object({
  revision: z.number().int().min(0),
  at: instantSchema.nullable(),
  applied: z.array(planOperationSchema),
  rejected: z.array(rejectedOperationSchema),
  missed: z.array(planRevisionSchema),
});
export type PlanPushResult = z.infer<typeof planPushResultSchema>;

/** The plan as one person sees it: what they may do decides which controls the client shows. */
export const planSnapshotSchema = z.object({
  episodeId: z.uuid(),
  revision: z.number().int().min(0),
  document: planDocumentSchema,
  agreement: agreementStatusSchema,
  allowed: z.array(actionSchema),
});
export type PlanSnapshot = z.infer<typeof planSnapshotSchema>;

export const planRequests = {
  /** Subscribe this connection to the plan of the conference's episode. */
  'plan:open': {
    request: z.object({ conferenceId: z.uuid() }),
    response: planSnapshotSchema.extend({
      you: editorSchema,
      editing: z.array(planFocusSchema),
      parties: agreementPartiesSchema,
      /** The revisions up to `revision` that changed the plan's content (comment-only ones did not), ascending. */
      contentRevisions: z.array(z.number().int().min(1)),
    }),
  },
  'plan:push': { request: planPushSchema, response: planPushResultSchema },
  /** This person's party agrees to the plan as it stands at `revision`. */
  'plan:agree': {
    request: z.object({ revision: z.number().int().min(1) }),
    response: z.object({ agreement: agreementStatusSchema }),
  },
  /** The item this person is editing, or null when they stop. */
  'plan:focus': { request: z.object({ itemId: itemIdSchema.nullable() }), response: z.object({}) },
} as const;

export const planNotifications = {
  /** A revision committed in this conference or elsewhere (a push from outside the call lands here too). */
  'plan:revision': z.object({ revision: planRevisionSchema }),
  'plan:agreement': z.object({ party: agreementPartySchema, revision: z.number().int().min(1), by: editorSchema, agreement: agreementStatusSchema }),
  'plan:focus': planFocusSchema,
  'plan:parties': agreementPartiesSchema,
} as const;
