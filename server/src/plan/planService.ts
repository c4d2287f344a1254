import {
  type AgreementParties,
  agreementOnFlags,
  type AgreementParty,
  type AgreementStatusView,
  describeChanges,
  type Editor,
  emptyPlan,
  integratePush,
  isConferenceOver,
  type ParticipantRole,
  type PlanHistoryEntry,
  planDocumentSchema,
  type PlanHistoryQuery,
  planHistoryQuerySchema,
  type PlanOperation,
  planOperationSchema,
  type PlanPush,
  type PlanRejectionCode,
  applyOperations,
  type PlanDocument,
  type PlanPushResult,
  type PlanRevision,
  type PlanSnapshot,
  SamplanError,
} from '@samplan/shared';
import type { Principal } from '../auth/principal.ts';
import type { Logger } from '../logger.ts';
import { KeyedQueue } from '../concurrency/keyedQueue.ts';
import { auditDenied, auditOk } from '../record/audit.ts';
import type { Caller, RecordContext } from '../record/context.ts';
import { type Clock, systemClock } from '../record/clock.ts';
import type { Db, DbClient } from '../store/database.ts';
import { appendPlanRevision } from '../store/planRevisions.ts';
import { grant, grantOn, type Granted, isRecordId, type PlanAccessCheck } from './planAccess.ts';
import { recordAgreedPresence } from './agreedPresence.ts';
import { agreementOf, contentFlagsOf, partiesOf } from './agreements.ts';
import { recordAudit } from '../store/auditLog.ts';
import { editorOf, partyOf, revisionAuthorOf, storedEditor } from './authorship.ts';
import { IN_CALL_NOW } from './callPresence.ts';
import { type PlanState, readPlanState } from './planState.ts';
import { ContentIndex, documentsBetween, headOf, revisionsBetween } from './revisions.ts';

const REFUSALS: ReadonlySet<PlanRejectionCode> = new Set(['FORBIDDEN', 'NOT_AUTHOR', 'NOT_RESPONSIBLE']);

/** How often a push is re-integrated when another server committed first; each retry means someone else made progress. */
const MAX_ATTEMPTS = 8;
/** A client further behind than this reloads the plan instead of catching up through one push answer. */
const MAX_MISSED_REVISIONS = 500;

export interface RequestScope {
  /** The route or socket event, for the audit trail. */
  readonly via: string;
  /** The connection the request came from: it has its answer, so the broadcast skips it. */
  readonly origin?: string;
}

export interface EpisodeScope extends RequestScope {
  readonly episodeId: string;
  /** The conference the request is made in; its revisions link to it. */
  readonly conferenceId?: string;
}

export interface RevisionEvent {
  readonly origin: string | undefined;
  readonly episodeId: string;
  readonly conferenceId: string | null;
  readonly revision: PlanRevision;
}

export interface AgreementEvent {
  readonly origin: string | undefined;
  readonly episodeId: string;
  readonly conferenceId: string;
  readonly party: AgreementParty;
  readonly revision: number;
  readonly by: Editor;
  readonly agreement: AgreementStatusView;
}

type Listener<E> = (event: E) => void;

/**
 * How a push ended, for the operators' figures: committed (a new revision),
 * unchanged (nothing applied), conflict (answered CONFLICT: too far behind or
 * too contended), failed (refused or broken); `rebased` when it was
 * integrated on top of revisions its sender had not seen.
 */
export type PushOutcome = { outcome: 'committed' | 'unchanged' | 'conflict' | 'failed'; rebased: boolean };

interface ConferenceRef {
  readonly id: string;
  readonly ended: boolean;
}

/**
 * The shared care plan of an episode: read, push, agree, history. The
 * database is the authority across servers (a revision number is taken once,
 * by the unique (planId, number)); within one server, pushes to a plan are
 * queued so that they rarely meet there.
 */
export class PlanService {
  readonly #db: Db;
  readonly #ctx: Pick<RecordContext, 'db' | 'now'>;
  readonly #logger: Logger;
  readonly #now: Clock;
  readonly #queue = new KeyedQueue();
  readonly #content = new ContentIndex();
  readonly #revisionListeners = new Set<Listener<RevisionEvent>>();
  readonly #agreementListeners = new Set<Listener<AgreementEvent>>();
  readonly #pushListeners = new Set<Listener<PushOutcome>>();

  constructor(db: Db, logger: Logger, now: Clock = systemClock) {
    this.#db = db;
    this.#ctx = { db, now };
    this.#logger = logger;
    this.#now = now;
  }

  /** Told of every revision this server commits, to pass on to those who have the plan open. */
  onRevision(listener: Listener<RevisionEvent>): () => void {
    this.#revisionListeners.add(listener);
    return () => this.#revisionListeners.delete(listener);
  }

  /** Told how every push to this server ended (metrics). */
  onPush(listener: Listener<PushOutcome>): () => void {
    this.#pushListeners.add(listener);
    return () => this.#pushListeners.delete(listener);
  }

  onAgreement(listener: Listener<AgreementEvent>): () => void {
    this.#agreementListeners.add(listener);
    return () => this.#agreementListeners.delete(listener);
  }

  /** The episode a conference belongs to; NOT_FOUND for a conference that does not exist. */
  async conference(conferenceId: string): Promise<{ episodeId: string } & ConferenceRef> {
    const row = isRecordId(conferenceId)
      ? await this.#db.conference.findUnique({ where: { id: conferenceId }, select: { id: true, episodeId: true, status: true } })
      : null;
    if (row === null) throw new SamplanError('NOT_FOUND', 'No such conference.');
    return { id: row.id, episodeId: row.episodeId, ended: isConferenceOver(row.status) };
  }

  /** The plan as it stands, with the agreement of the conference it is looked at in (or the latest one). */
  async snapshot(principal: Principal, scope: EpisodeScope): Promise<PlanSnapshot> {
    return (await this.#snapshot(principal, scope)).snapshot;
  }

  /** The snapshot for a plan open in a call, with what its client judges agreement on from then on (protocol/plan.ts). */
  async liveSnapshot(principal: Principal, scope: EpisodeScope): Promise<PlanSnapshot & { parties: AgreementParties; contentRevisions: number[] }> {
    const { snapshot, parties, flags } = await this.#snapshot(principal, scope);
    return { ...snapshot, parties, contentRevisions: flags.flatMap((changes, index) => (changes ? [index + 1] : [])) };
  }

  async #snapshot(principal: Principal, scope: EpisodeScope): Promise<{ snapshot: PlanSnapshot; parties: AgreementParties; flags: readonly boolean[] }> {
    const { state, granted } = await this.#read(principal, scope, true, 'CarePlan');
    const flags = await contentFlagsOf(this.#db, this.#content, state);
    const parties = partiesOf(state);
    const agreement = agreementOnFlags(flags, parties.agreements, parties.present);
    const document = state.revision === 0 ? emptyPlan() : planDocumentSchema.parse(state.document);
    await this.#audit(principal, scope, granted, { action: 'read', resourceType: 'CarePlan', resourceId: state.planId, outcome: 'ok' });
    return { snapshot: { episodeId: scope.episodeId, revision: state.revision, document, agreement, allowed: [...granted.allowed] }, parties, flags };
  }

  /** Who is in a conference and who agreed to its episode's plan, for the connections that already have that plan open. */
  async parties(conferenceId: string): Promise<AgreementParties> {
    const conference = await this.conference(conferenceId);
    return partiesOf(await readPlanState(this.#db, conference.episodeId, { conferenceId: conference.id, document: false }));
  }

  /** Where agreement stands: with the parties of the conference it is looked at in, or of the latest one. */
  async agreement(principal: Principal, scope: EpisodeScope): Promise<AgreementStatusView> {
    const { state, granted } = await this.#read(principal, scope, false, 'Agreement');
    const agreement = await agreementOf(this.#db, this.#content, state);
    await this.#audit(principal, scope, granted, { action: 'read', resourceType: 'Agreement', resourceId: state.planId, outcome: 'ok' });
    return agreement;
  }

  /** One round trip for the plan and everything its access check and agreement need (planState.ts). */
  async #read(principal: Principal, scope: EpisodeScope, withDocument: boolean, resourceType: string): Promise<{ state: PlanState; granted: Granted }> {
    const readable = isRecordId(scope.episodeId) && (scope.conferenceId === undefined || isRecordId(scope.conferenceId));
    const state = readable
      ? await readPlanState(this.#db, scope.episodeId, { ...(scope.conferenceId === undefined ? {} : { conferenceId: scope.conferenceId }), document: withDocument })
      : null;
    const granted = await grantOn(this.#ctx, this.#caller(principal, scope), state?.episode ?? null, this.#check(scope, 'plan:read', 'read', resourceType));
    // grantOn refuses an episode that was not read, so a granted read has its state.
    if (state === null) throw new Error('access granted to an episode that was not read');
    return { state, granted };
  }

  /**
   * Integrates a person's operations into the plan (integratePush.ts): what
   * still means what they meant lands as one new revision, the rest comes
   * back with a reason naming the item, the field and who changed it.
   */
  async push(principal: Principal, scope: EpisodeScope, push: PlanPush): Promise<PlanPushResult> {
    try {
      const result = await this.#push(principal, scope, push);
      this.#emit(this.#pushListeners, { outcome: result.at === null ? 'unchanged' : 'committed', rebased: result.missed.length > 0 });
      return result;
    } catch (error) {
      this.#emit(this.#pushListeners, { outcome: error instanceof SamplanError && error.code === 'CONFLICT' ? 'conflict' : 'failed', rebased: false });
      throw error;
    }
  }

  async #push(principal: Principal, scope: EpisodeScope, push: PlanPush): Promise<PlanPushResult> {
    const granted = await this.#require(principal, scope, 'plan:read', 'update', 'PlanRevision');
    // A revision says which call it was made in; a call that is over makes none (edit outside it instead).
    if (scope.conferenceId !== undefined && (await this.conference(scope.conferenceId)).ended) {
      throw new SamplanError('ROOM_CLOSED', 'The conference has ended: the plan is edited outside it from now on.');
    }
    return this.#queue.run(scope.episodeId, () => this.#integrate(principal, scope, granted, push));
  }

  async #integrate(principal: Principal, scope: EpisodeScope, granted: Granted, push: PlanPush): Promise<PlanPushResult> {
    const db = this.#db;
    const planId = await this.#ensurePlan(scope.episodeId);
    const by = editorOf(principal);

    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const head = await headOf(db, planId);
      if (push.baseRevision > head.number) throw new SamplanError('BAD_REQUEST', `The plan has no revision ${push.baseRevision}; it is at ${head.number}.`);
      if (head.number - push.baseRevision > MAX_MISSED_REVISIONS) {
        throw new SamplanError('CONFLICT', `The plan has moved on by more than ${MAX_MISSED_REVISIONS} revisions: open it again.`);
      }
      const missed = await revisionsBetween(db, planId, push.baseRevision, head.number);
      const at = this.#now().toISOString();
      const result = integratePush({
        doc: head.document,
        ops: push.ops,
        committedSince: missed,
        stamp: { by, at },
        allowed: granted.allowed,
        ...(principal.kind === 'staff' ? { organisation: principal.organisationName } : {}),
      });
      const rejected = result.rejected.map(({ index, rejection }) => ({ index, rejection }));
      // Someone else's words (NOT_AUTHOR) or task (NOT_RESPONSIBLE) are as much a refusal of access as a section they may not edit.
      const forbidden = rejected.some(({ rejection }) => REFUSALS.has(rejection.code));
      const answer = { rejected, missed: missed.map(({ conferenceId: _, ...revision }) => revision) };

      if (result.applied.length === 0) {
        await this.#audit(principal, scope, granted, { action: 'update', resourceType: 'PlanRevision', resourceId: null, outcome: forbidden ? 'denied' : 'ok' });
        return { revision: head.number, at: null, applied: [], ...answer };
      }
      try {
        const stored = await db.$transaction(async (tx) => {
          const row = await appendPlanRevision(tx, {
            planId,
            parentNumber: head.number === 0 ? null : head.number,
            document: result.doc,
            operations: [...result.applied],
            author: revisionAuthorOf(principal),
            conferenceId: scope.conferenceId ?? null,
            createdAt: new Date(at),
          });
          await this.#audit(principal, scope, granted, { action: 'update', resourceType: 'PlanRevision', resourceId: row.id, outcome: 'ok' }, tx);
          if (forbidden) await this.#audit(principal, scope, granted, { action: 'update', resourceType: 'PlanRevision', resourceId: null, outcome: 'denied' }, tx);
          return row;
        });
        const revision: PlanRevision = { revision: stored.number, by, at, ops: [...result.applied] };
        this.#emit(this.#revisionListeners, { origin: scope.origin, episodeId: scope.episodeId, conferenceId: scope.conferenceId ?? null, revision });
        return { revision: stored.number, at, applied: [...result.applied], ...answer };
      } catch (error) {
        // Another server took this number: integrate again on top of what it committed.
        if (!(error instanceof SamplanError && error.code === 'CONFLICT')) throw error;
      }
    }
    throw new SamplanError('CONFLICT', 'The plan is changing too fast to apply this push; try again.');
  }

  /**
   * A consequence in the plan of something recorded elsewhere (the pathway's
   * tasks at discharge, a visit closing its task): authored by the staff
   * member whose act caused it, in no conference, through the same queue and
   * retry as a push, and sent to those who have the plan open like any other
   * revision. `decide` sees the plan as it stands at each attempt; no
   * operations, no revision. The act was checked and audited where it was
   * recorded; the revision it makes is audited here, with it.
   */
  async applyConsequence(input: { episodeId: string; staffId: string; via: string; decide(doc: PlanDocument): PlanOperation[] }): Promise<PlanRevision | null> {
    const db = this.#db;
    const { episodeId, staffId, via } = input;
    return this.#queue.run(episodeId, async () => {
      const episode = await db.episode.findUniqueOrThrow({ where: { id: episodeId }, select: { patientId: true } });
      const staff = await db.staffUser.findUniqueOrThrow({ where: { id: staffId }, select: { id: true, name: true, role: true, organisation: { select: { sector: true } } } });
      const by = storedEditor({ staff, participant: null });
      const planId = await this.#ensurePlan(episodeId);
      for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
        const head = await headOf(db, planId);
        const ops = input.decide(head.document).map((op) => planOperationSchema.parse(op));
        if (ops.length === 0) return null;
        const at = this.#now().toISOString();
        const result = applyOperations(head.document, ops, { by, at });
        if (!result.ok) throw new Error(`a plan consequence does not apply: ${result.rejection.code}`);
        try {
          const stored = await db.$transaction(async (tx) => {
            const row = await appendPlanRevision(tx, {
              planId,
              parentNumber: head.number === 0 ? null : head.number,
              document: result.doc,
              operations: ops,
              author: { staffId },
              conferenceId: null,
              createdAt: new Date(at),
            });
            await recordAudit(tx, { actor: { kind: 'staff', staffId }, via, outcome: 'ok', action: 'update', resourceType: 'PlanRevision', resourceId: row.id, patientId: episode.patientId });
            return row;
          });
          const revision: PlanRevision = { revision: stored.number, by, at, ops };
          this.#emit(this.#revisionListeners, { origin: undefined, episodeId, conferenceId: null, revision });
          return revision;
        } catch (error) {
          if (!(error instanceof SamplanError && error.code === 'CONFLICT')) throw error;
        }
      }
      throw new SamplanError('CONFLICT', 'The plan is changing too fast to apply this change; try again.');
    });
  }

  /**
   * This person's party agrees to the plan as it stands at `revision`. When
   * that makes it agreed by every party present, the conference records the
   * revision as the one agreed in it.
   */
  async agree(principal: Principal, scope: RequestScope & { conferenceId: string }, revision: number): Promise<AgreementStatusView> {
    const db = this.#db;
    const conference = await this.conference(scope.conferenceId);
    const episodeScope = { ...scope, episodeId: conference.episodeId };
    const granted = await this.#require(principal, episodeScope, 'plan:agree', 'agree', 'Agreement');
    const participant = conference.ended ? null : await this.#presentParticipant(principal, conference);
    const party = participant && partyOf(participant.role);
    if (!participant || !party) {
      await this.#audit(principal, episodeScope, granted, { action: 'agree', resourceType: 'Agreement', resourceId: null, outcome: 'denied' });
      const reason = participant ? 'The geriatric team advises; it is not a party to the plan.' : 'Only those present in a conference under way can agree to the plan.';
      throw new SamplanError('FORBIDDEN', reason);
    }

    return this.#queue.run(conference.episodeId, async () => {
      const plan = await db.carePlan.findUnique({ where: { episodeId: conference.episodeId }, select: { id: true } });
      const target = plan && (await db.planRevision.findUnique({ where: { planId_number: { planId: plan.id, number: revision } }, select: { id: true } }));
      if (!plan || !target) throw new SamplanError('NOT_FOUND', `The plan has no revision ${revision}.`);

      const agreement = await db.$transaction(async (tx) => {
        const given = await tx.agreement.findUnique({ where: { revisionId_party: { revisionId: target.id, party } }, select: { id: true } });
        const row = given ?? (await tx.agreement.create({ data: { revisionId: target.id, conferenceId: conference.id, party, participantId: participant.id } }));
        await this.#audit(principal, episodeScope, granted, { action: 'agree', resourceType: 'Agreement', resourceId: row.id, outcome: 'ok' }, tx);
        const state = await readPlanState(tx, conference.episodeId, { conferenceId: conference.id, document: false });
        const status = await agreementOf(tx, this.#content, state);
        if (status.state === 'agreed' && status.agreedRevision !== null) {
          const agreed = await tx.planRevision.findUniqueOrThrow({ where: { planId_number: { planId: plan.id, number: status.agreedRevision } }, select: { id: true } });
          await tx.conference.update({ where: { id: conference.id }, data: { agreedRevisionId: agreed.id } });
          const contentFlags = await this.#content.upTo(tx, plan.id, state.revision);
          await recordAgreedPresence(tx, { conferenceId: conference.id, planId: plan.id, revisionId: agreed.id, revision: status.agreedRevision, contentFlags });
        }
        return status;
      });
      this.#emit(this.#agreementListeners, { origin: scope.origin, episodeId: conference.episodeId, conferenceId: conference.id, party, revision, by: editorOf(principal), agreement });
      return agreement;
    });
  }

  /** The revision list, newest first: who, when, in which conference, and what changed. */
  async history(principal: Principal, scope: EpisodeScope, query: PlanHistoryQuery = {}): Promise<PlanHistoryEntry[]> {
    const db = this.#db;
    const { before, limit } = planHistoryQuerySchema.parse(query);
    const granted = await this.#require(principal, scope, 'plan:read', 'read', 'PlanRevision');
    const plan = await db.carePlan.findUnique({ where: { episodeId: scope.episodeId }, select: { id: true } });
    const head = await headOf(db, plan?.id ?? null);
    const upTo = Math.min(head.number, (before ?? head.number + 1) - 1);
    const from = Math.max(1, upTo - limit + 1);
    const entries: PlanHistoryEntry[] = [];
    if (plan && upTo >= 1) {
      const revisions = await revisionsBetween(db, plan.id, from - 1, upTo);
      const documents = await documentsBetween(db, plan.id, from - 1, upTo);
      for (const revision of revisions.reverse()) {
        const previous = documents.get(revision.revision - 1);
        const current = documents.get(revision.revision);
        if (!previous || !current) throw new Error(`plan ${plan.id} is missing revision ${revision.revision - 1} or ${revision.revision}`);
        entries.push({ ...revision, changes: describeChanges(previous, current) });
      }
    }
    await this.#audit(principal, scope, granted, { action: 'read', resourceType: 'PlanRevision', resourceId: plan?.id ?? null, outcome: 'ok' });
    return entries;
  }

  #require(principal: Principal, scope: EpisodeScope, action: 'plan:read' | 'plan:agree', verb: string, resourceType: string): Promise<Granted> {
    return grant(this.#ctx, this.#caller(principal, scope), scope.episodeId, this.#check(scope, action, verb, resourceType));
  }

  #check(scope: EpisodeScope, action: 'plan:read' | 'plan:agree', verb: string, resourceType: string): PlanAccessCheck {
    return { action, audit: { action: verb, resourceType }, ...(scope.conferenceId === undefined ? {} : { conferenceId: scope.conferenceId }) };
  }

  #caller(principal: Principal, scope: RequestScope): Caller {
    return { principal, via: scope.via };
  }

  #audit(
    principal: Principal,
    scope: EpisodeScope,
    granted: Granted,
    { outcome, ...act }: { action: string; resourceType: string; resourceId: string | null; outcome: 'ok' | 'denied' },
    db: DbClient = this.#db,
  ) {
    const audited = { ...act, patientId: granted.episode.patientId };
    return outcome === 'ok' ? auditOk(db, this.#caller(principal, scope), audited) : auditDenied(db, this.#caller(principal, scope), audited);
  }

  /** The episode's plan, made on its first write; two servers making it at once both end up with the one that won. */
  async #ensurePlan(episodeId: string): Promise<string> {
    const db = this.#db;
    const existing = await db.carePlan.findUnique({ where: { episodeId }, select: { id: true } });
    if (existing) return existing.id;
    try {
      return (await db.carePlan.create({ data: { episodeId }, select: { id: true } })).id;
    } catch (error) {
      if (!(error instanceof SamplanError && error.code === 'CONFLICT')) throw error;
      return (await db.carePlan.findUniqueOrThrow({ where: { episodeId }, select: { id: true } })).id;
    }
  }

  /** Only someone in the call agrees, on behalf of the part they play in it. */
  async #presentParticipant(principal: Principal, conference: ConferenceRef): Promise<{ id: string; role: ParticipantRole } | null> {
    const where =
      principal.kind === 'participant'
        ? { id: principal.participantId, conferenceId: conference.id }
        : { conferenceId: conference.id, staffUserId: principal.staffId };
    return this.#db.participant.findFirst({ where: { ...where, ...IN_CALL_NOW }, select: { id: true, role: true } });
  }

  /** Called after the commit: a listener that fails must not turn a stored revision into an error for its author. */
  #emit<E>(listeners: ReadonlySet<Listener<E>>, event: E): void {
    for (const listener of listeners) {
      try {
        listener(event);
      } catch (error) {
        this.#logger.error({ err: error }, 'plan listener failed');
      }
    }
  }
}

