import type { PlanDocument } from '@samplan/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RoomClient } from '../../../client/src/room/RoomClient.ts';
import { openFreshDatabase, type FreshDatabase } from '../../support/database-targets.ts';
import { freePort } from '../../support/ports.ts';
import { SLOW_TEST_TIMEOUT_MS } from '../../support/processes.ts';
import { startSamplanProcess, type SamplanProcess } from '../../support/samplanProcess.ts';
import { waitUntil as waitFor } from '../../support/waitUntil.ts';
import { addTask, addWish, createConferenceScene, item, TEST_SECRET } from '../plan/fixtures.ts';
import { callClient, planEditor, type PlanEditor } from './nodeClients.ts';

// A single node restarted under a call: the server process is killed and
// started again on the same address and database. Every client (the
// browser's own RoomClient and PlanSession, run in Node) must be back in the
// conference by itself, and the plan edits made while the server was gone
// must land afterwards, none lost. On PostgreSQL: the server is a process of
// its own, and the embedded database cannot be shared between processes.

function waitUntil(what: string, check: () => boolean, timeoutMs = 20_000, state: () => unknown = () => ''): Promise<true> {
  return waitFor(() => check() || undefined, timeoutMs, () => `not yet: ${what} ${JSON.stringify(state())}`);
}

describe('a server restart under a call', () => {
  let fresh: FreshDatabase;
  let port: number;
  let server: SamplanProcess | undefined;
  const calls: RoomClient[] = [];
  const editors: PlanEditor[] = [];

  beforeAll(async () => {
    fresh = await openFreshDatabase('postgres');
    port = await freePort();
  });

  afterAll(async () => {
    for (const call of calls) await call.leave();
    for (const { session } of editors) session.close();
    server?.child.kill('SIGKILL');
    await server?.exited;
    await fresh?.dispose();
  });

  const start = async () => {
    server = await startSamplanProcess({ port, databaseUrl: fresh.url, secret: TEST_SECRET });
    return server;
  };

  it('brings every client back into its conference and pushes the edits made while it was down', async () => {
    const scene = await createConferenceScene(fresh.db.prisma);
    const conferenceId = scene.conference.id;
    const { url } = await start();
    const people = [scene.nurse, scene.homeNurse, scene.karen];
    for (const person of people) {
      const call = callClient(() => url, conferenceId, person.cookie);
      calls.push(call);
      await call.join(person.name);
      const editor = planEditor(url, conferenceId, person.cookie);
      editors.push(editor);
      await editor.session.open();
    }
    const allInCall = () => calls.every((call) => call.getSnapshot().phase === 'in-room' && call.getSnapshot().signallingUp && call.getSnapshot().peers.length === 2);
    await waitUntil('everyone sees the other two in the call', allInCall);
    expect(editors.map(({ session }) => session.getSnapshot().phase)).toEqual(['open', 'open', 'open']);

    const killedAt = performance.now();
    server!.child.kill('SIGKILL');
    await server!.exited;
    await waitUntil('every client noticed', () => calls.every((call) => !call.getSnapshot().signallingUp) && editors.every(({ socket }) => !socket.connected));

    // Edits while the server is gone: shown at once, kept as unsaved.
    const [nurse, homeNurse, karen] = editors.map(({ session }) => session) as [PlanEditor['session'], PlanEditor['session'], PlanEditor['session']];
    nurse.edit([addTask(1, 'Reception visit the first evening')]);
    homeNurse.edit([addTask(2, 'Medicine dispensing from Monday')]);
    karen.edit([addWish(3, 'To sleep in my own bed')]);
    expect([nurse, homeNurse, karen].map((session) => session.getSnapshot().unsaved)).toEqual([1, 1, 1]);

    await start();
    const startedAt = performance.now();
    const landed = (document: PlanDocument | null) =>
      document !== null && [item(1), item(2)].every((id) => document.tasks.some((task) => task.id === id)) && document.wishes.some((wish) => wish.id === item(3));
    // Hang guard only: the time it took is printed, not asserted.
    await waitUntil(
      'everyone back in the call and every edit saved and seen by all',
      () => allInCall() && editors.every(({ session }) => session.getSnapshot().unsaved === 0 && landed(session.getSnapshot().document)),
      60_000,
      () => ({
        calls: calls.map((call) => [call.getSnapshot().phase, call.getSnapshot().signallingUp, call.getSnapshot().peers.length, call.getSnapshot().error]),
        plans: editors.map(({ session, socket }) => [session.getSnapshot().phase, session.getSnapshot().unsaved, socket.connected, landed(session.getSnapshot().document), String(session.getSnapshot().error)]),
      }),
    );
    // From the kill, so the new process's start counts; and from its start, the clients' own part.
    console.log(`server_restart_ms=${Math.round(performance.now() - killedAt)} (clients back ${Math.round(performance.now() - startedAt)} ms after the new server started)`);

    const latest = await fresh.db.prisma.planRevision.findFirstOrThrow({ where: { plan: { episodeId: scene.episode.id } }, orderBy: { number: 'desc' } });
    expect(landed(latest.document as PlanDocument)).toBe(true);
    for (const { session } of editors) expect(session.getSnapshot().document).toEqual(latest.document);
    expect(calls.map((call) => call.getSnapshot().error)).toEqual([null, null, null]);
  }, SLOW_TEST_TIMEOUT_MS);
});
