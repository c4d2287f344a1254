import { describe, expect, it } from 'vitest';
import { agreementOnFlags, type ConferenceView, type NotificationOf } from '@samplan/shared';
import { DATABASE_KINDS } from '../../support/database-targets.ts';
import { addTask, addWish, createConferenceScene, item, setTask } from './fixtures.ts';
import { ok, type PlanClient, planServerSuite, request } from './planServer.ts';

function next<K extends 'plan:revision' | 'plan:agreement' | 'plan:focus' | 'plan:parties'>(socket: PlanClient, name: K): Promise<NotificationOf<K>> {
  const on = socket.once.bind(socket) as (name: string, listener: (payload: NotificationOf<K>) => void) => void;
  return new Promise((resolve) => on(name, resolve));
}

describe.each(DATABASE_KINDS)('the plan in a call, over Socket.IO, on %s', (kind) => {
  const suite = planServerSuite(kind);

  async function callers() {
    const scene = await createConferenceScene(suite.fresh.db.prisma);
    const join = async (cookie: string) => {
      const socket = await suite.connect(cookie);
      return socket;
    };
    const [nurse, homeNurse, karen, daughter] = await Promise.all([join(scene.nurse.cookie), join(scene.homeNurse.cookie), join(scene.karen.cookie), join(scene.daughter.cookie)]);
    return { scene, nurse, homeNurse, karen, daughter };
  }

  it('sends every revision to the others in the conference, authored by the sender the server knows', async () => {
    const { scene, nurse, homeNurse, karen } = await callers();
    const opened = await Promise.all([nurse, homeNurse, karen].map((socket) => ok(socket, 'plan:open', { conferenceId: scene.conference.id })));
    expect(opened.map((snapshot) => [snapshot.revision, snapshot.you.name])).toEqual([
      [0, 'Sygeplejerske Hansen'],
      [0, 'Anna Holm'],
      [0, 'Karen Jensen'],
    ]);
    expect(opened[2]?.allowed).not.toContain('plan:edit-tasks');

    const seen = [next(homeNurse, 'plan:revision'), next(karen, 'plan:revision')];
    let nurseHeard = false;
    nurse.once('plan:revision', () => {
      nurseHeard = true;
    });
    const answer = await ok(nurse, 'plan:push', { baseRevision: 0, ops: [addTask(1, 'Reception visit')] });
    expect(answer).toMatchObject({ revision: 1, rejected: [], missed: [] });
    for (const { revision } of await Promise.all(seen)) {
      expect(revision).toMatchObject({ revision: 1, by: { id: `staff:${scene.nurse.staffId}`, name: 'Sygeplejerske Hansen', role: 'hospital' }, ops: [addTask(1, 'Reception visit')] });
    }
    expect(nurseHeard).toBe(false);
  });

  it('refuses a push with a lone surrogate in its text as BAD_REQUEST and stores nothing', async () => {
    const { scene, karen } = await callers();
    await ok(karen, 'plan:open', { conferenceId: scene.conference.id });
    const answer = await request(karen, 'plan:push', { baseRevision: 0, ops: [{ op: 'add', section: 'comments', item: { id: item(1), text: 'Min datter \ud800' } }, addWish(2, 'Hjem')] });
    expect(answer).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', issues: [{ path: 'ops.0.item.text' }] } });
    expect(await suite.fresh.db.prisma.planRevision.count({ where: { plan: { episodeId: scene.episode.id } } })).toBe(0);
  });

  it('lands concurrent edits of different tasks from two callers and tells the loser of a same-field race', async () => {
    const { scene, nurse, homeNurse, karen } = await callers();
    for (const socket of [nurse, homeNurse, karen]) await ok(socket, 'plan:open', { conferenceId: scene.conference.id });
    await ok(nurse, 'plan:push', { baseRevision: 0, ops: [addTask(1), addTask(2)] });

    const [a, b] = await Promise.all([
      ok(nurse, 'plan:push', { baseRevision: 1, ops: [setTask(1, { due: '2026-04-01T08:00:00.000Z' })] }),
      ok(homeNurse, 'plan:push', { baseRevision: 1, ops: [setTask(2, { what: 'Visit at 14' })] }),
    ]);
    expect([a.revision, b.revision].sort()).toEqual([2, 3]);

    const [c, d] = await Promise.all([
      ok(nurse, 'plan:push', { baseRevision: 3, ops: [setTask(2, { what: 'Visit at 15' })] }),
      ok(homeNurse, 'plan:push', { baseRevision: 3, ops: [setTask(2, { what: 'Visit at 16' })] }),
    ]);
    const loser = c.applied.length === 0 ? c : d;
    expect([c.applied.length + d.applied.length, loser.rejected[0]?.rejection.code]).toEqual([1, 'FIELD_CHANGED']);

    // A patient's link: wishes yes, tasks no; told which and why.
    const mixed = await ok(karen, 'plan:push', { baseRevision: 4, ops: [setTask(1, { status: 'open' }), addWish(5, 'Hjem til haven')] });
    expect(mixed.rejected).toEqual([{ index: 0, rejection: { code: 'FORBIDDEN', section: 'tasks', itemId: item(1), permission: 'plan:edit-tasks' } }]);
    expect(mixed.revision).toBe(5);
  });

  it('shares agreement and who is editing what with the conference', async () => {
    const { scene, nurse, homeNurse, karen, daughter } = await callers();
    for (const socket of [nurse, homeNurse, karen, daughter]) await ok(socket, 'plan:open', { conferenceId: scene.conference.id });
    await ok(nurse, 'plan:push', { baseRevision: 0, ops: [addTask(1)] });

    const focus = next(karen, 'plan:focus');
    await ok(homeNurse, 'plan:focus', { itemId: item(1) });
    expect(await focus).toEqual({ editor: { id: `staff:${scene.homeNurse.staffId}`, name: 'Anna Holm', role: 'municipality' }, itemId: item(1) });
    expect((await ok(karen, 'plan:open', { conferenceId: scene.conference.id })).editing).toEqual([expect.objectContaining({ itemId: item(1) })]);

    // The daughter is a party of her own: the patient and she each agree.
    const mette = `relative:${scene.daughter.participantId}`;
    const heard = next(karen, 'plan:agreement');
    await ok(nurse, 'plan:agree', { revision: 1 });
    expect(await heard).toMatchObject({ party: 'hospital', revision: 1, onBehalfAs: null, agreement: { state: 'not_agreed', awaiting: ['patient', 'municipality', mette] } });
    await ok(homeNurse, 'plan:agree', { revision: 1 });
    const daughterHeard = next(karen, 'plan:agreement');
    await ok(daughter, 'plan:agree', { revision: 1 });
    expect(await daughterHeard).toMatchObject({ party: mette, by: { name: 'Mette Jensen', role: 'relative' }, agreement: { awaiting: ['patient'] } });
    expect(await ok(karen, 'plan:agree', { revision: 1 })).toEqual({
      agreement: { state: 'agreed', currentRevision: 1, agreedRevision: 1, awaiting: [], relatives: [{ party: mette, name: 'Mette Jensen' }] },
    });

    // Leaving stops the focus for the others.
    const stopped = next(karen, 'plan:focus');
    homeNurse.disconnect();
    expect(await stopped).toMatchObject({ itemId: null });
  });

  it('tells every open plan at once when a party enters or leaves the call, so "agreed by all present" never outlives who is there', async () => {
    const { scene, nurse, homeNurse } = await callers();
    const conferenceId = scene.conference.id;
    // Karen and her daughter are let in but not in the call yet; the geriatrician is not there either.
    await suite.fresh.db.prisma.participant.updateMany({ where: { conferenceId, role: { in: ['patient', 'relative', 'geriatrician'] } }, data: { joinedAt: null } });
    for (const socket of [nurse, homeNurse]) await ok(socket, 'plan:open', { conferenceId });
    await ok(nurse, 'plan:push', { baseRevision: 0, ops: [addTask(1)] });
    await ok(nurse, 'plan:agree', { revision: 1 });
    expect((await ok(homeNurse, 'plan:agree', { revision: 1 })).agreement).toMatchObject({ state: 'agreed', agreedRevision: 1, awaiting: [] });
    const judged = ({ present, agreements }: NotificationOf<'plan:parties'>) => agreementOnFlags([true], agreements, present);

    // Karen comes into the call: both open plans hear it, and neither says "agreed by all" any more.
    const token = await roomTokenFor(scene.karen.cookie, conferenceId);
    const karenInCall = await suite.connect(scene.karen.cookie);
    const { routerRtpCapabilities } = await ok(karenInCall, 'room:capabilities', { token });
    let heard = [next(nurse, 'plan:parties'), next(homeNurse, 'plan:parties')];
    await ok(karenInCall, 'room:join', { token, displayName: 'Karen Jensen', rtpCapabilities: routerRtpCapabilities });
    for (const parties of await Promise.all(heard)) {
      expect(parties).toEqual({
        present: ['patient', 'hospital', 'municipality'],
        agreements: [
          { party: 'hospital', revision: 1, onBehalfAs: null },
          { party: 'municipality', revision: 1, onBehalfAs: null },
        ],
        relatives: [],
      });
      expect(judged(parties)).toEqual({ state: 'not_agreed', currentRevision: 1, agreedRevision: null, awaiting: ['patient'] });
    }
    // A plan opened now starts from the same inputs.
    const late = await suite.connect(scene.homeNurse.cookie);
    expect(await ok(late, 'plan:open', { conferenceId })).toMatchObject({
      parties: { present: ['patient', 'hospital', 'municipality'] },
      contentRevisions: [1],
      agreement: { state: 'not_agreed', awaiting: ['patient'] },
    });

    // She hangs up: gone from the call, and the two who agreed are all there is again.
    heard = [next(nurse, 'plan:parties'), next(homeNurse, 'plan:parties')];
    await ok(karenInCall, 'room:leave', {});
    for (const parties of await Promise.all(heard)) {
      expect(parties.present).toEqual(['hospital', 'municipality']);
      expect(judged(parties)).toMatchObject({ state: 'agreed', agreedRevision: 1 });
    }
    const karenRow = await suite.fresh.db.prisma.participant.findUniqueOrThrow({ where: { id: scene.karen.participantId } });
    expect([karenRow.joinedAt, karenRow.leftAt]).toEqual([expect.any(Date), expect.any(Date)]);

    // Back in, then her connection drops for good (no reconnect grace here): that is leaving too.
    heard = [next(nurse, 'plan:parties')];
    await ok(karenInCall, 'room:join', { token, displayName: 'Karen Jensen', rtpCapabilities: routerRtpCapabilities });
    expect((await Promise.all(heard))[0]?.present).toEqual(['patient', 'hospital', 'municipality']);
    heard = [next(nurse, 'plan:parties')];
    karenInCall.disconnect();
    expect((await Promise.all(heard))[0]?.present).toEqual(['hospital', 'municipality']);
  });

  it('records with the agreed revision who was in the call and whose yes counted for each party, for the episode page', async () => {
    const { scene, nurse, homeNurse, karen, daughter } = await callers();
    const conferenceId = scene.conference.id;
    for (const socket of [nurse, homeNurse, karen, daughter]) await ok(socket, 'plan:open', { conferenceId });
    await ok(nurse, 'plan:push', { baseRevision: 0, ops: [addTask(1)] });
    for (const socket of [karen, nurse, daughter, homeNurse]) await ok(socket, 'plan:agree', { revision: 1 });

    const response = await fetch(`${suite.server.url}/api/episodes/${scene.episode.id}/conferences`, { headers: { cookie: scene.nurse.cookie } });
    const { conferences } = (await response.json()) as { conferences: ConferenceView[] };
    expect(conferences.find((conference) => conference.id === conferenceId)?.agreedWith).toEqual({
      revision: 1,
      present: [
        { name: 'Sygeplejerske Hansen', role: 'hospital' },
        { name: 'Anna Holm', role: 'municipality' },
        { name: 'Dr. Berg', role: 'geriatrician' },
        { name: 'Karen Jensen', role: 'patient' },
        { name: 'Mette Jensen', role: 'relative' },
      ],
      agreedBy: [
        { party: 'hospital', name: 'Sygeplejerske Hansen', role: 'hospital', at: expect.any(String), onBehalfOf: null },
        { party: 'municipality', name: 'Anna Holm', role: 'municipality', at: expect.any(String), onBehalfOf: null },
        { party: 'patient', name: 'Karen Jensen', role: 'patient', at: expect.any(String), onBehalfOf: null },
        { party: `relative:${scene.daughter.participantId}`, name: 'Mette Jensen', role: 'relative', at: expect.any(String), onBehalfOf: null },
      ],
    });
  });

  async function roomTokenFor(cookie: string, conferenceId: string): Promise<string> {
    const response = await fetch(`${suite.server.url}/api/conferences/${conferenceId}/room-token`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: '{}' });
    if (!response.ok) throw new Error(`room token refused: ${response.status} ${await response.text()}`);
    return ((await response.json()) as { token: string }).token;
  }

  it('refuses a socket without a session, a plan not opened, and another conference', async () => {
    const { scene, nurse } = await callers();
    const anonymous = await suite.connect('samplan_session=forged');
    expect(await request(anonymous, 'plan:open', { conferenceId: scene.conference.id })).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect(await request(nurse, 'plan:push', { baseRevision: 0, ops: [addTask(1)] })).toMatchObject({ ok: false, error: { code: 'NOT_JOINED' } });
    expect(await request(nurse, 'plan:push', { baseRevision: -1, ops: [] } as never)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });

    const elsewhere = await createConferenceScene(suite.fresh.db.prisma);
    expect(await request(nurse, 'plan:open', { conferenceId: elsewhere.conference.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
