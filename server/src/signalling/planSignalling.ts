import {
  type AgreementStatusView,
  type Editor,
  type PlanFocus,
  type PlanPush,
  type PlanPushResult,
  type ResponseOf,
  SamplanError,
} from '@samplan/shared';
import type { Principal, PrincipalResolver } from '../auth/principal.ts';
import type { DomainEventOf } from '../events/domainEvents.ts';
import type { Logger } from '../logger.ts';
import type { Caller } from '../record/context.ts';
import { agreeToPlan } from '../record/plan/agreeToPlan.ts';
import { editorOf } from '../record/plan/authorship.ts';
import { loadPlanConference } from '../record/plan/loadPlanConference.ts';
import { openPlanInCall } from '../record/plan/openPlanInCall.ts';
import type { PlanContext } from '../record/plan/planContext.ts';
import { pushPlanEdits } from '../record/plan/pushPlanEdits.ts';
import { readAgreementParties } from '../record/plan/readAgreementParties.ts';
import type { DbClient } from '../store/database.ts';
import type { SamplanSocket, SignallingServer } from './socketTypes.ts';

/**
 * The plan in a call. A connection opens the plan of its conference's
 * episode and is then in two Socket.IO rooms: the episode's (every revision,
 * whoever made it and where) and the conference's (agreement, who is editing
 * what). Rooms go through the Socket.IO adapter, so with the Redis adapter a
 * revision committed on one server reaches the callers on all of them.
 * What the record did reaches the rooms through the domain events app.ts
 * subscribes to (sendRevision, sendAgreement, sendParties below).
 */

const episodeRoom = (episodeId: string) => `plan:episode:${episodeId}`;
const conferenceRoom = (conferenceId: string) => `plan:conference:${conferenceId}`;

/** `plan.revised`: the pushing connection has its answer; everyone else with the episode's plan open gets the revision. */
export function sendRevision(io: SignallingServer, { episodeId, origin, revision }: DomainEventOf<'plan.revised'>): void {
  const room = io.to(episodeRoom(episodeId));
  (origin === undefined ? room : room.except(origin)).emit('plan:revision', { revision });
}

/** `plan.agreementGiven`: the others in the conference see who agreed, then everyone gets the parties anew. */
export async function sendAgreement(io: SignallingServer, db: DbClient, logger: Logger, event: DomainEventOf<'plan.agreementGiven'>): Promise<void> {
  const { conferenceId, origin, party, revision, onBehalfAs, by, agreement } = event;
  const room = io.to(conferenceRoom(conferenceId));
  (origin === undefined ? room : room.except(origin)).emit('plan:agreement', { party, revision, onBehalfAs, by, agreement });
  await sendParties(io, db, logger, conferenceId);
}

/**
 * Everyone with the conference's plan open, the one who caused the change
 * too, gets the new inputs at once and judges them with the same rule: no
 * panel keeps showing an agreement that someone entering the call undid.
 */
export async function sendParties(io: SignallingServer, db: DbClient, logger: Logger, conferenceId: string): Promise<void> {
  try {
    io.to(conferenceRoom(conferenceId)).emit('plan:parties', await readAgreementParties(db, conferenceId));
  } catch (error) {
    logger.error({ err: error, conferenceId }, 'agreement parties not sent');
  }
}

interface Opened {
  readonly episodeId: string;
  readonly conferenceId: string;
  readonly editor: Editor;
}

type PlanSocket = Pick<SamplanSocket, 'id' | 'handshake' | 'join' | 'leave' | 'to'>;

/** Who is editing what, on this server: enough for one node; across nodes each shows its own callers' focus. */
class Presence {
  readonly #byConference = new Map<string, Map<string, PlanFocus>>();

  set(conferenceId: string, socketId: string, focus: PlanFocus): void {
    const entries = this.#byConference.get(conferenceId) ?? new Map<string, PlanFocus>();
    entries.set(socketId, focus);
    this.#byConference.set(conferenceId, entries);
  }

  delete(conferenceId: string, socketId: string): PlanFocus | undefined {
    const entries = this.#byConference.get(conferenceId);
    const focus = entries?.get(socketId);
    entries?.delete(socketId);
    if (entries?.size === 0) this.#byConference.delete(conferenceId);
    return focus;
  }

  others(conferenceId: string, socketId: string): PlanFocus[] {
    return [...(this.#byConference.get(conferenceId) ?? [])].filter(([id, focus]) => id !== socketId && focus.itemId !== null).map(([, focus]) => focus);
  }
}

/** This server's plan connections: the record they reach and who is editing what. */
export class PlanSignalling {
  readonly #plan: PlanContext;
  readonly #principals: Pick<PrincipalResolver, 'principalFromHandshake'>;
  readonly #presence = new Presence();

  constructor(plan: PlanContext, principals: Pick<PrincipalResolver, 'principalFromHandshake'>) {
    this.#plan = plan;
    this.#principals = principals;
  }

  connect(socket: PlanSocket): PlanConnection {
    return new PlanConnection(socket, this.#plan, this.#principals, this.#presence);
  }
}

/** One socket's plan: at most one conference's open at a time. */
export class PlanConnection {
  readonly #socket: PlanSocket;
  readonly #plan: PlanContext;
  readonly #principals: Pick<PrincipalResolver, 'principalFromHandshake'>;
  readonly #presence: Presence;
  #opened: Opened | undefined;

  constructor(socket: PlanSocket, plan: PlanContext, principals: Pick<PrincipalResolver, 'principalFromHandshake'>, presence: Presence) {
    this.#socket = socket;
    this.#plan = plan;
    this.#principals = principals;
    this.#presence = presence;
  }

  async open(conferenceId: string): Promise<ResponseOf<'plan:open'>> {
    const principal = await this.#principal();
    const conference = await loadPlanConference(this.#plan.db, conferenceId);
    const snapshot = await openPlanInCall(this.#plan, { principal, via: 'plan:open' }, conference);
    this.close();
    const editor = editorOf(principal);
    this.#opened = { episodeId: conference.episodeId, conferenceId: conference.id, editor };
    await this.#socket.join([episodeRoom(conference.episodeId), conferenceRoom(conference.id)]);
    return { ...snapshot, you: editor, editing: this.#presence.others(conference.id, this.#socket.id) };
  }

  async push(push: PlanPush): Promise<PlanPushResult> {
    const { opened, principal } = await this.#require();
    return pushPlanEdits(this.#plan, this.#caller(principal, 'plan:push'), { episodeId: opened.episodeId, conferenceId: opened.conferenceId }, push);
  }

  async agree(revision: number, onBehalfOfPatient: boolean): Promise<AgreementStatusView> {
    const { opened, principal } = await this.#require();
    return agreeToPlan(this.#plan, this.#caller(principal, 'plan:agree'), opened.conferenceId, revision, onBehalfOfPatient);
  }

  async focus(itemId: string | null): Promise<void> {
    const { opened } = await this.#require();
    const focus = { editor: opened.editor, itemId };
    this.#presence.set(opened.conferenceId, this.#socket.id, focus);
    this.#socket.to(conferenceRoom(opened.conferenceId)).emit('plan:focus', focus);
  }

  /** Leaves the plan (another opened, or the socket is gone): the others see this person stop editing. */
  close(): void {
    const opened = this.#opened;
    if (opened === undefined) return;
    this.#opened = undefined;
    const focus = this.#presence.delete(opened.conferenceId, this.#socket.id);
    if (focus !== undefined && focus.itemId !== null) this.#socket.to(conferenceRoom(opened.conferenceId)).emit('plan:focus', { editor: focus.editor, itemId: null });
    void this.#socket.leave(episodeRoom(opened.episodeId));
    void this.#socket.leave(conferenceRoom(opened.conferenceId));
  }

  /**
   * The principal is looked up on every request, not kept from the
   * handshake: a revoked link or a removed participant loses the plan at once.
   */
  async #principal(): Promise<Principal> {
    const principal = await this.#principals.principalFromHandshake(this.#socket.handshake);
    if (principal === null) throw new SamplanError('UNAUTHORIZED', 'Sign in or open your conference link again.');
    return principal;
  }

  /** This socket as the caller: it gets its answer, so what it changed is not sent back to it. */
  #caller(principal: Principal, via: string): Caller {
    return { principal, via, origin: this.#socket.id };
  }

  async #require(): Promise<{ opened: Opened; principal: Principal }> {
    const opened = this.#opened;
    if (opened === undefined) throw new SamplanError('NOT_JOINED', 'Open the plan first.');
    return { opened, principal: await this.#principal() };
  }
}
