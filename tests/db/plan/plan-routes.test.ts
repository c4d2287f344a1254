import { describe, expect, it } from 'vitest';
import { fhirBundleSchema, planHistoryResponseSchema, planPushResultSchema, planSnapshotSchema } from '@samplan/shared';
import { DATABASE_KINDS } from '../../support/database-targets.ts';
import { addTask, addWish, createConferenceScene } from './fixtures.ts';
import { ok, planServerSuite } from './planServer.ts';

describe.each(DATABASE_KINDS)('the plan over REST on %s', (kind) => {
  const suite = planServerSuite(kind);

  const call = (cookie: string | null, method: 'GET' | 'POST', path: string, body?: unknown) =>
    fetch(`${suite.server.url}/api${path}`, {
      method,
      headers: { ...(cookie ? { cookie } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  it('reads, pushes and lists the plan, and a push outside the call reaches the callers', async () => {
    const scene = await createConferenceScene(suite.fresh.db.prisma);
    const episode = `/episodes/${scene.episode.id}`;
    const socket = await suite.connect(scene.homeNurse.cookie);
    await ok(socket, 'plan:open', { conferenceId: scene.conference.id });
    const heard = new Promise((resolve) => socket.once('plan:revision', resolve));

    const pushed = await call(scene.nurse.cookie, 'POST', `${episode}/plan/push`, { baseRevision: 0, ops: [addTask(1, 'Order a walker')] });
    expect(pushed.status).toBe(200);
    expect(planPushResultSchema.parse(await pushed.json())).toMatchObject({ revision: 1, rejected: [] });
    expect(await heard).toMatchObject({ revision: { revision: 1, by: { name: 'Sygeplejerske Hansen' } } });

    const plan = planSnapshotSchema.parse(await (await call(scene.karen.cookie, 'GET', `${episode}/plan`)).json());
    expect(plan).toMatchObject({ revision: 1, document: { tasks: [{ what: 'Order a walker' }] } });

    const refused = planPushResultSchema.parse(await (await call(scene.karen.cookie, 'POST', `${episode}/plan/push`, { baseRevision: 1, ops: [addTask(2), addWish(3, 'Hjem')] })).json());
    expect(refused.rejected.map((entry) => entry.rejection.code)).toEqual(['FORBIDDEN']);

    const history = planHistoryResponseSchema.parse(await (await call(scene.nurse.cookie, 'GET', `${episode}/plan/revisions?limit=5`)).json());
    expect(history.revisions.map((entry) => [entry.revision, entry.conferenceId])).toEqual([
      [2, null],
      [1, null],
    ]);
    // The daughter in the call is a party of her own.
    const daughter = `relative:${scene.daughter.participantId}`;
    expect(await (await call(scene.nurse.cookie, 'GET', `${episode}/plan/agreement`)).json()).toEqual({
      state: 'not_agreed',
      currentRevision: 2,
      agreedRevision: null,
      awaiting: ['patient', 'hospital', 'municipality', daughter],
      relatives: [{ name: 'Mette Jensen', party: daughter }],
    });
  });

  it('exports FHIR for staff of the care team only, as application/fhir+json', async () => {
    const scene = await createConferenceScene(suite.fresh.db.prisma);
    const path = `/episodes/${scene.episode.id}/fhir`;
    const answer = await call(scene.nurse.cookie, 'GET', path);
    expect([answer.status, answer.headers.get('content-type')]).toEqual([200, 'application/fhir+json; charset=utf-8']);
    expect(fhirBundleSchema.parse(await answer.json()).entry.some((entry) => entry.resource.resourceType === 'Patient')).toBe(true);

    expect((await call(scene.karen.cookie, 'GET', path)).status).toBe(403);
    expect((await call(scene.outsider.cookie, 'GET', path)).status).toBe(404);
    expect((await call(null, 'GET', path)).status).toBe(401);
  });

  it('answers bad input with a clear error and unknown or foreign episodes with 404', async () => {
    const scene = await createConferenceScene(suite.fresh.db.prisma);
    const episode = `/episodes/${scene.episode.id}`;
    const malformed = await call(scene.nurse.cookie, 'POST', `${episode}/plan/push`, { baseRevision: 0, ops: [{ op: 'add', section: 'tasks', item: { id: 'x' } }] });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ error: { code: 'BAD_REQUEST', issues: expect.any(Array) } });
    expect((await call(scene.nurse.cookie, 'GET', '/episodes/not-a-uuid/plan')).status).toBe(400);
    expect((await call(scene.outsider.cookie, 'GET', `${episode}/plan`)).status).toBe(404);
    expect((await call(scene.nurse.cookie, 'GET', `/episodes/${scene.conference.id}/plan`)).status).toBe(404);
  });
});
