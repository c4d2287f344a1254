import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSamplan } from '@samplan/server';
import type { NotificationOf } from '@samplan/shared';
import { DATABASE_KINDS, openFreshDatabase, type FreshDatabase } from '../../support/database-targets.ts';
import { startTestSamplan } from '../../support/samplan.ts';
import { TEST_SECRET } from '../plan/fixtures.ts';
import { connectClient, type PlanClient, nodesSuite } from '../plan/planServer.ts';
import { api, createAcuteScene } from './fixtures.ts';

// Every open acute beds overview is told of a change at once, on every node
// (through the Redis adapter), with the municipality's id and nothing else;
// staff who may not see the overview are told nothing.

type Changed = NotificationOf<'acuteBeds:changed'>;

function nextChange(socket: PlanClient): Promise<Changed> {
  return new Promise((resolve) => socket.once('acuteBeds:changed', resolve));
}

/** Every acute notice a socket gets. */
function changesOf(socket: PlanClient): Changed[] {
  const seen: Changed[] = [];
  socket.on('acuteBeds:changed', (notice) => seen.push(notice));
  return seen;
}

describe.each(DATABASE_KINDS)('acute bed notices on %s', (kind) => {
  let fresh: FreshDatabase;
  let server: RunningSamplan;
  const sockets: PlanClient[] = [];
  beforeAll(async () => {
    fresh = await openFreshDatabase(kind);
    server = await startTestSamplan({ secret: TEST_SECRET, clientDist: '/nonexistent' }, { database: fresh.db });
  });
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await server?.close();
    await fresh?.dispose();
  });
  const connect = async (cookie: string) => {
    const socket = await connectClient(server.url, cookie);
    sockets.push(socket);
    return socket;
  };

  it('a reservation reaches visitation, the GP, the out-of-hours doctor and both municipalities, not the ward nurse; the notice names the municipality only', async () => {
    const cast = await createAcuteScene(fresh.db.prisma);
    const viewers = await Promise.all([cast.visitationNurse, cast.gp, cast.outOfHoursDoctor, cast.acuteNurse, cast.otherAcuteNurse].map((who) => connect(who.cookie)));
    const wardNurse = await connect(cast.wardNurse.cookie);
    const wardNurseSaw = changesOf(wardNurse);
    const told = viewers.map(nextChange);

    const reserved = await api(server.url, cast.doctor.cookie, 'POST', `/acute-beds/offers/${cast.offer.id}/reservations`);
    expect(reserved.status, reserved.text).toBe(201);
    for (const notice of await Promise.all(told)) expect(notice).toEqual({ municipalityId: cast.municipality.id });

    // Confirming and freeing tell them too; the ward nurse heard none of it.
    const confirmedNotice = nextChange(viewers[0]!);
    await api(server.url, cast.doctor.cookie, 'POST', `/acute-beds/reservations/${reserved.body.reservation.id}/confirm`);
    expect(await confirmedNotice).toEqual({ municipalityId: cast.municipality.id });
    const freedNotice = nextChange(viewers[1]!);
    await api(server.url, cast.acuteNurse.cookie, 'POST', `/acute-beds/reservations/${reserved.body.reservation.id}/release`, { reason: 'left' });
    expect(await freedNotice).toEqual({ municipalityId: cast.municipality.id });
    // A marker to every socket arrives after anything the changes sent it.
    const marker = { municipalityId: '00000000-0000-4000-8000-00000000beef' };
    const arrived = new Promise<void>((resolve) => wardNurse.on('acuteBeds:changed', (notice) => notice.municipalityId === marker.municipalityId && resolve()));
    server.io.emit('acuteBeds:changed', marker);
    await arrived;
    expect(wardNurseSaw).toEqual([marker]);
  });
});

describe('acute bed notices across nodes', () => {
  const cluster = nodesSuite();

  it('a reservation on one node reaches the overview open on the other through Redis', async () => {
    const [a, b] = await Promise.all([0, 1].map(() => cluster.node({ clientDist: '/nonexistent' })));
    const cast = await createAcuteScene(cluster.fresh.db.prisma);
    const onB = await cluster.connect(b!.url, cast.visitationNurse.cookie);
    const told = nextChange(onB);
    const reserved = await api(a!.url, cast.gp.cookie, 'POST', `/acute-beds/offers/${cast.offer.id}/reservations`);
    expect(reserved.status, reserved.text).toBe(201);
    expect(await told).toEqual({ municipalityId: cast.municipality.id });
  });
});
