/**
 * One person's live view of the shared plan in a conference, without React.
 *
 * The server is the authority (shared/src/protocol/plan.ts). This keeps the
 * last revision the server confirmed, plus the person's own edits not yet
 * confirmed, and shows the two applied together so typing never waits for
 * the network. One push is in flight at a time; edits made meanwhile go in
 * the next. Revisions from others arrive as `plan:revision`; a gap (a missed
 * notification) reopens the plan to resync rather than guess.
 *
 * Agreement is judged here with the server's own rule (agreementOfParties) on
 * the inputs the server sends: who is present and who agreed to what
 * (`plan:parties`, whenever someone enters or leaves the call or agrees), and
 * which revisions changed the plan's content (known from the revisions).
 *
 *   const session = new PlanSession(conferenceId, transport);
 *   session.subscribe(render); session.getSnapshot();   // for useSyncExternalStore
 *   session.open(); session.edit([op]); session.agree(); session.agree({ onBehalfOfPatient: true });
 *   session.focus(itemId); session.close();
 */
import {
  SamplanError,
  agreementOfParties,
  type AgreeAs,
  applyOperation,
  changesPlanContent,
  type AgreementParties,
  type AgreementStatusView,
  type Editor,
  type PlanDocument,
  type PlanFocus,
  type PlanOperation,
  type PlanRejection,
  type PlanRevision,
  type Action,
  MAX_OPS_PER_PUSH,
} from '@samplan/shared';
import type { PlanTransport } from './planTransport.ts';

export type PlanView = {
  readonly phase: 'opening' | 'open' | 'failed';
  readonly error: unknown;
  /** The server's latest revision number this view includes. */
  readonly revision: number;
  /** What the person sees: the confirmed plan with their unconfirmed edits on top. */
  readonly document: PlanDocument | null;
  readonly agreement: AgreementStatusView | null;
  /** How this person agrees: her own party, and for the patient when she represents her; null when she is no party. */
  readonly agreeAs: AgreeAs;
  readonly allowed: readonly Action[];
  readonly you: Editor | null;
  /** Who else has which item open. */
  readonly editing: readonly PlanFocus[];
  /** Edits of this person's that the server refused, newest last, until dismissed. */
  readonly rejections: readonly PlanRejection[];
  /** Own edits not confirmed yet ("saving…"). */
  readonly unsaved: number;
  /** Who made the latest revision, for "changed by …" next to the plan. */
  readonly lastChangeBy: Editor | null;
};

const INITIAL: PlanView = {
  phase: 'opening',
  error: null,
  revision: 0,
  document: null,
  agreement: null,
  agreeAs: null,
  allowed: [],
  you: null,
  editing: [],
  rejections: [],
  unsaved: 0,
  lastChangeBy: null,
};

/** Applies what applies; an edit that no longer fits (the item is gone) is left for the server to refuse. */
function applyLeniently(doc: PlanDocument, ops: readonly PlanOperation[], by: Editor, at: string): PlanDocument {
  return ops.reduce((current, op) => {
    const result = applyOperation(current, op, { by, at });
    return result.ok ? result.doc : current;
  }, doc);
}

/** How soon edits whose push failed for want of a connection are tried again (the reopen on reconnecting also sends them). */
const PUSH_RETRY_MS = 1000;

export class PlanSession {
  readonly #conferenceId: string;
  readonly #transport: PlanTransport;
  readonly #listeners = new Set<() => void>();
  #view: PlanView = INITIAL;
  #confirmed: PlanDocument | null = null;
  #inFlight: PlanOperation[] = [];
  #queued: PlanOperation[] = [];
  #closed = false;
  /** Whether each revision 1…view.revision changed the plan's content. */
  #contentFlags: boolean[] = [];
  #parties: AgreementParties | null = null;
  readonly #unsubscribe: Array<() => void> = [];

  constructor(conferenceId: string, transport: PlanTransport) {
    this.#conferenceId = conferenceId;
    this.#transport = transport;
    this.#unsubscribe.push(
      transport.onRevision(({ revision }) => this.#received(revision)),
      transport.onAgreement(({ party, revision, onBehalfAs }) => this.#agreed({ party, revision, onBehalfAs })),
      transport.onParties((parties) => {
        this.#parties = parties;
        this.#judge();
      }),
      transport.onFocus((focus) => this.#set({ editing: withFocus(this.#view.editing, focus) })),
      transport.onReconnect(() => void this.open()),
    );
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  readonly getSnapshot = (): PlanView => this.#view;

  async open(): Promise<void> {
    try {
      const opened = await this.#transport.open(this.#conferenceId);
      if (this.#closed) return;
      this.#confirmed = opened.document;
      const content = new Set(opened.contentRevisions);
      this.#contentFlags = Array.from({ length: opened.revision }, (_, index) => content.has(index + 1));
      this.#parties = opened.parties;
      this.#set({
        phase: 'open',
        error: null,
        revision: opened.revision,
        agreement: opened.agreement,
        agreeAs: opened.agreeAs,
        allowed: opened.allowed,
        you: opened.you,
        editing: opened.editing.filter((focus) => focus.editor.id !== opened.you.id),
      });
      this.#flush();
    } catch (error) {
      if (!this.#closed) this.#set({ phase: 'failed', error });
    }
  }

  /** The person's edits, shown at once and sent in order. */
  edit(ops: readonly PlanOperation[]): void {
    this.#queued.push(...ops);
    this.#render();
    this.#flush();
  }

  /** This person's party (or, as her representative, the patient) agrees to the plan as confirmed now (own unsaved edits must land first). */
  async agree({ onBehalfOfPatient = false }: { onBehalfOfPatient?: boolean } = {}): Promise<void> {
    const { agreement } = await this.#transport.agree(this.#view.revision, onBehalfOfPatient);
    this.#set({ agreement });
  }

  focus(itemId: string | null): void {
    void this.#transport.focus(itemId).catch(() => undefined);
  }

  /** The person has read why their edits did not land. */
  dismissRejections(): void {
    this.#set({ rejections: [], error: null });
  }

  close(): void {
    this.#closed = true;
    for (const stop of this.#unsubscribe) stop();
    this.#transport.close();
  }

  #flush(): void {
    if (this.#inFlight.length > 0 || this.#queued.length === 0 || this.#confirmed === null || this.#view.phase !== 'open') return;
    // A push carries at most MAX_OPS_PER_PUSH (more would be refused whole); the rest follow in the next.
    this.#inFlight = this.#queued.slice(0, MAX_OPS_PER_PUSH);
    this.#queued = this.#queued.slice(MAX_OPS_PER_PUSH);
    const baseRevision = this.#view.revision;
    this.#transport.push({ baseRevision, ops: this.#inFlight }).then(
      (result) => {
        if (this.#closed) return;
        for (const missed of result.missed) this.#received(missed);
        // A reopen while the push was out already brought this revision with it.
        const fresh = result.revision > this.#view.revision;
        if (fresh && result.at !== null && result.applied.length > 0 && this.#confirmed !== null && this.#view.you !== null) {
          this.#confirmed = applyLeniently(this.#confirmed, result.applied, this.#view.you, result.at);
          this.#contentFlags.push(changesPlanContent(result.applied));
          this.#view = { ...this.#view, revision: result.revision, lastChangeBy: this.#view.you };
          this.#judge();
        }
        this.#inFlight = [];
        const rejections = result.rejected.map((rejected) => rejected.rejection);
        this.#set({ rejections: rejections.length > 0 ? [...this.#view.rejections, ...rejections] : this.#view.rejections });
        this.#flush();
      },
      (error: unknown) => {
        if (this.#closed) return;
        if (error instanceof SamplanError) {
          // Refused whole (malformed, conference over): sent again it would be refused again, so drop it and say why.
          this.#inFlight = [];
          this.#set({ error });
          this.#flush();
          return;
        }
        // The connection is gone: keep the edits; the reopen after reconnecting sends them again. A push that
        // timed out may have been answered by nobody while the socket came back and the plan reopened already,
        // so try again shortly as well (a resent edit that did land is refused, or sets what is already set).
        this.#queued = [...this.#inFlight, ...this.#queued];
        this.#inFlight = [];
        this.#set({ error });
        setTimeout(() => {
          if (!this.#closed) this.#flush();
        }, PUSH_RETRY_MS);
      },
    );
  }

  #received(revision: PlanRevision): void {
    if (this.#confirmed === null || revision.revision <= this.#view.revision) return;
    if (revision.revision !== this.#view.revision + 1) {
      void this.open();
      return;
    }
    this.#confirmed = applyLeniently(this.#confirmed, revision.ops, revision.by, revision.at);
    this.#contentFlags.push(changesPlanContent(revision.ops));
    this.#view = { ...this.#view, revision: revision.revision, lastChangeBy: revision.by };
    this.#judge();
  }

  #agreed(agreement: AgreementParties['agreements'][number]): void {
    const parties = this.#parties;
    if (parties === null || parties.agreements.some((given) => given.party === agreement.party && given.revision === agreement.revision)) return;
    this.#parties = { ...parties, agreements: [...parties.agreements, agreement] };
    this.#judge();
  }

  /** Agreement as the server would judge it now; left as it was while the revisions known have a gap (a reopen is under way). */
  #judge(): void {
    const parties = this.#parties;
    if (parties === null || this.#contentFlags.length !== this.#view.revision) {
      this.#render();
      return;
    }
    this.#set({ agreement: agreementOfParties(this.#contentFlags, parties) });
  }

  #set(patch: Partial<PlanView>): void {
    this.#view = { ...this.#view, ...patch };
    this.#render();
  }

  #render(): void {
    const you = this.#view.you;
    const pending = [...this.#inFlight, ...this.#queued];
    const document =
      this.#confirmed === null ? null : you === null || pending.length === 0 ? this.#confirmed : applyLeniently(this.#confirmed, pending, you, new Date().toISOString());
    this.#view = { ...this.#view, document, unsaved: pending.length };
    for (const listener of this.#listeners) listener();
  }
}

function withFocus(editing: readonly PlanFocus[], focus: PlanFocus): PlanFocus[] {
  const others = editing.filter((entry) => entry.editor.id !== focus.editor.id);
  return focus.itemId === null ? others : [...others, focus];
}
