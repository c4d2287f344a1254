import {
  ACTIONS,
  SamplanError,
  agreementOfParties,
  changesPlanContent,
  emptyPlan,
  integratePush,
  type AgreementParties,
  type AgreementStatusView,
  type Editor,
  type NotificationOf,
  type PlanDocument,
  type PlanFocus,
  type PlanOperation,
  type PlanRevision,
} from '@samplan/shared';
import { describe, expect, it } from 'vitest';
import { PlanSession } from './planSession.ts';
import type { PlanTransport } from './planTransport.ts';

const taskId = (n: number) => `0193a2b4-0000-7000-8000-00000000000${n}`;
const task = (n: number, what: string): PlanOperation => ({
  op: 'add',
  section: 'tasks',
  item: { id: taskId(n), what, responsible: { role: 'hospital', organisation: 'M2' }, due: null, status: 'open' },
});

/** The server's side of the plan protocol, from the same shared rules the real one uses; pushes answer when `release` says. */
class FakePlanServer {
  doc: PlanDocument = emptyPlan();
  revisions: PlanRevision[] = [];
  readonly clients: Array<{
    editor: Editor;
    revision(n: NotificationOf<'plan:revision'>): void;
    focus(f: PlanFocus): void;
    parties(p: NotificationOf<'plan:parties'>): void;
  }> = [];
  held: Array<() => void> = [];
  parties: AgreementParties = { present: ['hospital'], agreements: [], relatives: [] };

  agreement(): AgreementStatusView {
    return agreementOfParties(this.contentFlags(), this.parties);
  }

  contentFlags(): boolean[] {
    return this.revisions.map((revision) => changesPlanContent(revision.ops));
  }

  /** Someone entered or left the call, or agreed: everyone with the plan open hears it. */
  setParties(parties: AgreementParties): void {
    this.parties = parties;
    for (const client of this.clients) client.parties(parties);
  }
  holdPushes = false;
  /** Set: the next push is refused whole, as the server does with a malformed one. */
  refuseNextPush: SamplanError | null = null;

  connect(editor: Editor): PlanTransport {
    const client = { editor, revision: (_: NotificationOf<'plan:revision'>) => {}, focus: (_: PlanFocus) => {}, parties: (_: NotificationOf<'plan:parties'>) => {} };
    this.clients.push(client);
    const answer = <T>(value: () => T) =>
      new Promise<T>((resolve) => {
        if (this.holdPushes) this.held.push(() => resolve(value()));
        else resolve(value());
      });
    return {
      open: async () => ({
        episodeId: taskId(9),
        revision: this.revisions.length,
        document: this.doc,
        agreement: this.agreement(),
        allowed: [...ACTIONS],
        you: editor,
        editing: [],
        parties: this.parties,
        agreeAs: { party: editor.role === 'municipality' ? 'municipality' : 'hospital', onBehalfOf: null },
        contentRevisions: this.contentFlags().flatMap((changes, index) => (changes ? [index + 1] : [])),
      }),
      push: (push) =>
        answer(() => {
          const refusal = this.refuseNextPush;
          this.refuseNextPush = null;
          if (refusal) throw refusal;
          const committedSince = this.revisions.slice(push.baseRevision);
          const at = new Date().toISOString();
          const result = integratePush({ doc: this.doc, ops: push.ops, committedSince, stamp: { by: editor, at }, allowed: [...ACTIONS] });
          if (result.applied.length === 0) return { revision: this.revisions.length, at: null, applied: [], rejected: [...result.rejected], missed: committedSince };
          const revision: PlanRevision = { revision: this.revisions.length + 1, by: editor, at, ops: [...result.applied] };
          this.doc = result.doc;
          this.revisions.push(revision);
          for (const other of this.clients) if (other !== client) other.revision({ revision });
          return { revision: revision.revision, at, applied: [...result.applied], rejected: [...result.rejected], missed: committedSince };
        }),
      agree: async (revision) => {
        const party = editor.role === 'municipality' ? 'municipality' : 'hospital';
        this.setParties({ ...this.parties, agreements: [...this.parties.agreements, { party, revision, onBehalfAs: null }] });
        return { agreement: this.agreement() };
      },
      focus: async (itemId) => {
        for (const other of this.clients) if (other !== client) other.focus({ editor, itemId });
        return {};
      },
      onRevision: (handler) => {
        client.revision = handler;
        return () => {};
      },
      onAgreement: () => () => {},
      onParties: (handler) => {
        client.parties = handler;
        return () => {};
      },
      onFocus: (handler) => {
        client.focus = handler;
        return () => {};
      },
      onReconnect: () => () => {},
      close: () => {},
    };
  }

  release(): void {
    const held = this.held;
    this.held = [];
    for (const resolve of held) resolve();
  }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const hanne: Editor = { id: 'staff:hanne', name: 'Hanne Bech', role: 'hospital' };
const lone: Editor = { id: 'staff:lone', name: 'Lone Mikkelsen', role: 'municipality' };

async function pair(server: FakePlanServer) {
  const a = new PlanSession('conf', server.connect(hanne));
  const b = new PlanSession('conf', server.connect(lone));
  await Promise.all([a.open(), b.open()]);
  return [a, b] as const;
}

describe('PlanSession', () => {
  it('shows an own edit at once, before the server confirms it', async () => {
    const server = new FakePlanServer();
    const [a] = await pair(server);
    server.holdPushes = true;
    a.edit([task(1, 'Bestil rollator')]);
    expect(a.getSnapshot().document?.tasks.map((t) => t.what)).toEqual(['Bestil rollator']);
    expect(a.getSnapshot().unsaved).toBe(1);
    server.release();
    await settle();
    expect(a.getSnapshot()).toMatchObject({ revision: 1, unsaved: 0 });
  });

  it('lands two people’s edits of different tasks made at the same time, for both', async () => {
    const server = new FakePlanServer();
    const [a, b] = await pair(server);
    a.edit([task(1, 'Bestil rollator')]);
    b.edit([task(2, 'Modtagebesøg inden 24 timer')]);
    await settle();
    await settle();
    for (const session of [a, b]) {
      expect(session.getSnapshot().document?.tasks.map((t) => t.what).sort()).toEqual(['Bestil rollator', 'Modtagebesøg inden 24 timer']);
      expect(session.getSnapshot().revision).toBe(2);
    }
    expect(server.doc).toEqual(a.getSnapshot().document);
  });

  it('tells the second writer of the same field who got there first, and shows the winner’s value', async () => {
    const server = new FakePlanServer();
    const [a, b] = await pair(server);
    a.edit([task(1, 'Bestil rollator')]);
    await settle();
    server.holdPushes = true;
    a.edit([{ op: 'update', section: 'tasks', id: taskId(1), set: { what: 'Bestil rollator og badebænk' } }]);
    b.edit([{ op: 'update', section: 'tasks', id: taskId(1), set: { what: 'Rollator leveres hjem' } }]);
    server.release();
    await settle();
    await settle();
    server.release();
    await settle();
    await settle();
    expect(b.getSnapshot().rejections).toMatchObject([{ code: 'FIELD_CHANGED', changes: [{ field: 'what', by: { name: 'Hanne Bech' } }] }]);
    expect(b.getSnapshot().document?.tasks[0]?.what).toBe('Bestil rollator og badebænk');
    expect(a.getSnapshot().document).toEqual(b.getSnapshot().document);
  });

  it('sends edits made while a push is out in the next push, in order', async () => {
    const server = new FakePlanServer();
    const [a] = await pair(server);
    server.holdPushes = true;
    a.edit([task(1, 'Første')]);
    a.edit([task(2, 'Anden')]);
    expect(server.held).toHaveLength(1);
    server.release();
    await settle();
    server.release();
    await settle();
    expect(server.revisions.map((r) => r.ops.length)).toEqual([1, 1]);
    expect(a.getSnapshot().document?.tasks.map((t) => t.what)).toEqual(['Første', 'Anden']);
  });

  it('shows who else is editing which item, and forgets them when they stop', async () => {
    const server = new FakePlanServer();
    const [a, b] = await pair(server);
    b.focus(taskId(1));
    await settle();
    expect(a.getSnapshot().editing).toEqual([{ editor: lone, itemId: taskId(1) }]);
    b.focus(null);
    await settle();
    expect(a.getSnapshot().editing).toEqual([]);
  });

  it('shows "changed since agreement" to everyone when an edit lands after the plan was agreed', async () => {
    const server = new FakePlanServer();
    const [a, b] = await pair(server);
    a.edit([task(1, 'Bestil rollator')]);
    await settle();
    await a.agree();
    expect(a.getSnapshot().agreement?.state).toBe('agreed');
    b.edit([task(2, 'Modtagebesøg inden 24 timer')]);
    await settle();
    await settle();
    for (const session of [a, b]) expect(session.getSnapshot().agreement).toMatchObject({ state: 'changed_since_agreement', agreedRevision: 1 });
  });

  it('takes back "agreed by all present" on every panel when a party that has not agreed enters the call, and gives it back when she leaves', async () => {
    const server = new FakePlanServer();
    const [a, b] = await pair(server);
    a.edit([task(1, 'Bestil rollator')]);
    await settle();
    await a.agree();
    for (const session of [a, b]) expect(session.getSnapshot().agreement).toMatchObject({ state: 'agreed', agreedRevision: 1, awaiting: [] });

    server.setParties({ ...server.parties, present: ['patient', 'hospital'] });
    for (const session of [a, b]) expect(session.getSnapshot().agreement).toEqual({ state: 'not_agreed', currentRevision: 1, agreedRevision: null, awaiting: ['patient'], relatives: [] });

    server.setParties({ ...server.parties, present: ['hospital'] });
    for (const session of [a, b]) expect(session.getSnapshot().agreement).toMatchObject({ state: 'agreed', agreedRevision: 1 });
  });

  it('drops a push the server refuses whole and says why, so nothing waits forever to be saved', async () => {
    const server = new FakePlanServer();
    const [a] = await pair(server);
    server.refuseNextPush = new SamplanError('BAD_REQUEST', 'ops.0.item.author: Required');
    a.edit([task(1, 'Bestil rollator')]);
    await settle();
    expect(a.getSnapshot()).toMatchObject({ unsaved: 0, error: { code: 'BAD_REQUEST' } });
    expect(a.getSnapshot().document?.tasks).toEqual([]);
    a.edit([task(2, 'Modtagebesøg')]);
    await settle();
    expect(a.getSnapshot()).toMatchObject({ unsaved: 0, revision: 1 });
    a.dismissRejections();
    expect(a.getSnapshot().error).toBeNull();
  });
});
