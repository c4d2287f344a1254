import type { PlanDocument, PlanOperationInput } from '@samplan/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openFreshDatabase, type FreshDatabase } from '../../support/database-targets.ts';
import { freePort } from '../../support/ports.ts';
import { SLOW_TEST_TIMEOUT_MS } from '../../support/processes.ts';
import { startSamplanProcess, type SamplanProcess } from '../../support/samplanProcess.ts';
import { waitUntil as waitFor } from '../../support/waitUntil.ts';
import { addTask, addWish, createConferenceScene, item, TEST_SECRET } from '../plan/fixtures.ts';
import { planEditor, type PlanEditor } from './nodeClients.ts';

// Three people edit the plan at once through the browser's own PlanSession:
// 1,000 random edits, their connections dropping and coming back at random,
// and the server process killed and started again half way. Each edits only
// items of their own, so every edit must land: at the end the plan on every
// client and in the database is exactly what the edits say, none lost.

const OPERATIONS = 1000;
const RESTART_AT = 500;
/** Edits made while the server is down. */
const EDITS_WHILE_DOWN = 40;
const DROP_CHANCE = 0.01;
const MAX_OWN_ITEMS = 15;

/** A seeded generator, so a failing run can be repeated (the seed is printed). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function waitUntil(what: string, check: () => boolean, timeoutMs: number): Promise<true> {
  return waitFor(() => check() || undefined, timeoutMs, () => `not yet: ${what}`);
}

type Author = { editor: PlanEditor; section: 'tasks' | 'wishes'; own: Map<string, string> };

function textOf(document: PlanDocument, section: 'tasks' | 'wishes', id: string): string | undefined {
  return section === 'tasks' ? document.tasks.find((task) => task.id === id)?.what : document.wishes.find((wish) => wish.id === id)?.text;
}

describe('the plan under chaos', () => {
  let fresh: FreshDatabase;
  let server: SamplanProcess | undefined;
  const editors: PlanEditor[] = [];

  beforeAll(async () => {
    fresh = await openFreshDatabase('postgres');
  });

  afterAll(async () => {
    for (const { session } of editors) session.close();
    server?.child.kill('SIGKILL');
    await server?.exited;
    await fresh?.dispose();
  });

  it('loses no edit through dropped connections and a server restart, and every copy of the plan ends the same', async () => {
    const seed = Number(process.env.CHAOS_SEED ?? Date.now() % 1_000_000);
    console.log(`plan chaos seed=${seed} (CHAOS_SEED repeats it)`);
    const next = random(seed);
    const scene = await createConferenceScene(fresh.db.prisma);
    const port = await freePort();
    const start = async () => {
      server = await startSamplanProcess({ port, databaseUrl: fresh.url, secret: TEST_SECRET });
      return server.url;
    };
    const url = await start();
    const authors: Author[] = [
      { cookie: scene.nurse.cookie, section: 'tasks' as const },
      { cookie: scene.homeNurse.cookie, section: 'tasks' as const },
      { cookie: scene.karen.cookie, section: 'wishes' as const },
    ].map(({ cookie, section }) => {
      const editor = planEditor(url, scene.conference.id, cookie);
      editors.push(editor);
      return { editor, section, own: new Map<string, string>() };
    });
    await Promise.all(authors.map(({ editor }) => editor.session.open()));

    let itemNumber = 0;
    const edit = (author: Author, step: number): PlanOperationInput => {
      const ids = [...author.own.keys()];
      const choice = next();
      if (ids.length === 0 || (choice < 0.35 && ids.length < MAX_OWN_ITEMS)) {
        const id = item(++itemNumber);
        const text = `Item ${itemNumber}, step ${step}`;
        author.own.set(id, text);
        return author.section === 'tasks' ? addTask(itemNumber, text) : addWish(itemNumber, text);
      }
      const id = ids[Math.floor(next() * ids.length)]!;
      if (choice < 0.85) {
        const text = `Changed at step ${step}`;
        author.own.set(id, text);
        return { op: 'update', section: author.section, id, set: author.section === 'tasks' ? { what: text } : { text } } as PlanOperationInput;
      }
      author.own.delete(id);
      return { op: 'remove', section: author.section, id };
    };

    let drops = 0;
    for (let step = 0; step < OPERATIONS; step++) {
      if (step === RESTART_AT) {
        server!.child.kill('SIGKILL');
        await server!.exited;
        for (let down = 0; down < EDITS_WHILE_DOWN; down++) {
          const author = authors[Math.floor(next() * authors.length)]!;
          author.editor.session.edit([edit(author, step) as never]);
          step++;
        }
        await start();
      }
      const author = authors[Math.floor(next() * authors.length)]!;
      author.editor.session.edit([edit(author, step) as never]);
      if (next() < DROP_CHANCE) {
        // The network under one socket breaks; Socket.IO reconnects by itself and the plan reopens.
        const victim = authors[Math.floor(next() * authors.length)]!;
        victim.editor.socket.io.engine?.close();
        drops++;
      }
      // Typing speed, more or less: pushes go out between edits and the others' revisions come in.
      if (step % 5 === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    }

    const documents = () => authors.map(({ editor }) => editor.session.getSnapshot().document);
    await waitUntil(
      'every edit saved and every copy of the plan the same',
      () =>
        authors.every(({ editor }) => editor.session.getSnapshot().unsaved === 0 && editor.socket.connected) &&
        documents().every((document) => JSON.stringify(document) === JSON.stringify(documents()[0])) &&
        authors.every((author) => [...author.own].every(([id, text]) => textOf(documents()[0]!, author.section, id) === text)),
      120_000,
    );
    console.log(`plan chaos: ${OPERATIONS} edits, ${drops} dropped connections, one server restart`);

    const latest = await fresh.db.prisma.planRevision.findFirstOrThrow({ where: { plan: { episodeId: scene.episode.id } }, orderBy: { number: 'desc' } });
    const stored = latest.document as PlanDocument;
    for (const document of documents()) expect(document).toEqual(stored);
    for (const author of authors) {
      for (const [id, text] of author.own) expect(textOf(stored, author.section, id), `${id} in ${author.section}`).toBe(text);
    }
    // Exactly what the edits say: every item added and not removed is there with its last text, no other.
    const expectedTaskIds = authors.filter((author) => author.section === 'tasks').flatMap((author) => [...author.own.keys()]).sort();
    const expectedWishIds = authors.filter((author) => author.section === 'wishes').flatMap((author) => [...author.own.keys()]).sort();
    expect(stored.tasks.map((task) => task.id).sort()).toEqual(expectedTaskIds);
    expect(stored.wishes.map((wish) => wish.id).sort()).toEqual(expectedWishIds);
  }, SLOW_TEST_TIMEOUT_MS);
});
