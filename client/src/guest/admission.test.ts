import { SamplanError, type ConferenceView } from '@samplan/shared';
import { describe, expect, it } from 'vitest';
import { ADMISSION_POLL_MS, awaitAdmission } from './admission.ts';

const SELF = '0190a000-0000-7000-8000-000000000001';

function conferenceWith(lobbyState: ConferenceView['participants'][number]['lobbyState']): ConferenceView {
  return {
    participants: [{ id: SELF, role: 'patient', name: 'Inge', staffId: null, lobbyState, joinedAt: null, leftAt: null, link: null, contact: null }],
  } as unknown as ConferenceView;
}

describe('awaitAdmission', () => {
  it('polls every two seconds until the host lets the guest in', async () => {
    const states = ['waiting', 'waiting', 'admitted'] as const;
    let tick = 0;
    const waits: number[] = [];
    const seen: string[] = [];
    const api = {
      conference: async () => conferenceWith(states[tick]!),
      roomToken: async () => {
        if (states[tick++] !== 'admitted') throw new SamplanError('FORBIDDEN', 'The host has not let you in yet.');
        return { token: 'room-token', roomId: 'room-1', expiresAt: '2026-01-01T00:00:00.000Z' };
      },
    };
    const result = await awaitAdmission(api, 'c', SELF, ({ conference }) => seen.push(conference.participants[0]!.lobbyState), new AbortController().signal, async (ms) => {
      waits.push(ms);
    });
    expect(result).toEqual({ kind: 'admitted', entry: { token: 'room-token', roomId: 'room-1' } });
    expect(waits).toEqual([ADMISSION_POLL_MS, ADMISSION_POLL_MS]);
    expect(seen).toEqual(['waiting', 'waiting', 'admitted']);
  });

  it('stops when the host removes the guest', async () => {
    const api = { conference: async () => conferenceWith('removed'), roomToken: async () => Promise.reject(new Error('must not be asked')) };
    expect(await awaitAdmission(api, 'c', SELF, () => {}, new AbortController().signal)).toEqual({ kind: 'removed' });
  });

  it('counts the guest session ending while waiting as being removed', async () => {
    const api = { conference: async () => Promise.reject(new SamplanError('UNAUTHORIZED', 'session ended')), roomToken: async () => Promise.reject(new Error('must not be asked')) };
    expect(await awaitAdmission(api, 'c', SELF, () => {}, new AbortController().signal)).toEqual({ kind: 'removed' });
  });

  it('passes on failures other than "not yet"', async () => {
    const api = { conference: async () => conferenceWith('waiting'), roomToken: async () => Promise.reject(new SamplanError('ROOM_CLOSED', 'ended')) };
    await expect(awaitAdmission(api, 'c', SELF, () => {}, new AbortController().signal)).rejects.toMatchObject({ code: 'ROOM_CLOSED' });
  });

  it('ends quietly when the page stops waiting', async () => {
    const controller = new AbortController();
    const api = {
      conference: async () => conferenceWith('waiting'),
      roomToken: async () => {
        controller.abort();
        throw new SamplanError('FORBIDDEN', 'not yet');
      },
    };
    expect(await awaitAdmission(api, 'c', SELF, () => {}, controller.signal)).toBeNull();
  });
});
