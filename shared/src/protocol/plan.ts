import { z } from 'zod';
import { actingRepresentationSchema } from '../api/relatives.ts';
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

/**
 * Who agrees to the plan, each with their own word: the patient, each sector
 * of the care team, and each relative for herself (`relative:<id>`). A
 * relative's yes never counts for the patient; only a relative the record
 * names the patient's representative (guardian, power of attorney) can say
 * yes for the patient, and the agreement says so. The geriatric team advises
 * and is not a party.
 */
export const STANDING_PARTIES = ['patient', 'hospital', 'municipality', 'gp'] as const;
export const standingPartySchema = z.enum(STANDING_PARTIES);
export type StandingParty = z.infer<typeof standingPartySchema>;
/** One relative: her record row's id, or her participant id when she was invited by name only. */
export const relativePartySchema = z.templateLiteral(['relative:', z.uuid()]);
export type RelativeParty = z.infer<typeof relativePartySchema>;
export const agreementPartySchema = z.union([standingPartySchema, relativePartySchema]);
export type AgreementParty = z.infer<typeof agreementPartySchema>;

export const relativePartyOf = (id: string): RelativeParty => `relative:${id}`;
export const isRelativeParty = (party: AgreementParty): party is RelativeParty => party.startsWith('relative:');

/** A relative party's name, so that "awaiting" can say whom. */
export const relativeNameSchema = z.object({ party: relativePartySchema, name: z.string() });

/**
 * domain/agreement.ts's AgreementStatus, with the parties the server asks.
 * Present parties are asked in this order: the patient, the sectors, then
 * the relatives in the order they were invited.
 */
export const agreementStatusSchema = z.object({
  state: z.enum(['not_agreed', 'agreed', 'changed_since_agreement']),
  currentRevision: z.number().int().min(0),
  agreedRevision: z.number().int().min(0).nullable(),
  awaiting: z.array(agreementPartySchema),
  /** The names of the relative parties named here or in the agreements. */
  relatives: z.array(relativeNameSchema),
});
export type AgreementStatusView = z.infer<typeof agreementStatusSchema>;

/** An agreement given, as the status judges it: to which revision, and for the patient by her representative when so. */
export const givenAgreementSchema = z.object({
  party: agreementPartySchema,
  revision: z.number().int().min(1),
  onBehalfAs: actingRepresentationSchema.nullable(),
});

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
 * room closing end it). Once the conference has ended: every party that took
 * part. The patient's party is present when she is, or when a relative the
 * record names her representative is: then someone can answer for her.
 */
export const agreementPartiesSchema = z.object({
  present: z.array(agreementPartySchema),
  agreements: z.array(givenAgreementSchema),
  relatives: z.array(relativeNameSchema),
});
export type AgreementParties = z.infer<typeof agreementPartiesSchema>;

/**
 * How this person agrees: for her own party, and for the patient too when the
 * record names her the patient's representative. Null for those who are no
 * party (the geriatric team) or not in the call.
 */
export const agreeAsSchema = z
  .object({
    party: agreementPartySchema,
    onBehalfOf: z.object({ name: z.string(), as: actingRepresentationSchema }).nullable(),
  })
  .nullable();
export type AgreeAs = z.infer<typeof agreeAsSchema>;

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
      agreeAs: agreeAsSchema,
      /** The revisions up to `revision` that changed the plan's content (comment-only ones did not), ascending. */
      contentRevisions: z.array(z.number().int().min(1)),
    }),
  },
  'plan:push': { request: planPushSchema, response: planPushResultSchema },
  /**
   * This person's party agrees to the plan as it stands at `revision`; with
   * `onBehalfOfPatient`, a representative agrees for the patient instead
   * (NOT_REPRESENTATIVE for anyone the record does not name so).
   */
  'plan:agree': {
    request: z.object({ revision: z.number().int().min(1), onBehalfOfPatient: z.boolean().default(false) }),
    response: z.object({ agreement: agreementStatusSchema }),
  },
  /** The item this person is editing, or null when they stop. */
  'plan:focus': { request: z.object({ itemId: itemIdSchema.nullable() }), response: z.object({}) },
} as const;

export const planNotifications = {
  /** A revision committed in this conference or elsewhere (a push from outside the call lands here too). */
  'plan:revision': z.object({ revision: planRevisionSchema }),
  'plan:agreement': givenAgreementSchema.extend({ by: editorSchema, agreement: agreementStatusSchema }),
  'plan:focus': planFocusSchema,
  'plan:parties': agreementPartiesSchema,
} as const;
