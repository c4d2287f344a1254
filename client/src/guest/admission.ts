import { SamplanError, type ConferenceView } from '@samplan/shared';
import type { GuestApi } from './guestApi.ts';

export const ADMISSION_POLL_MS = 2_000;

export type RoomEntry = { token: string; roomId: string };
export type LobbyView = { conference: ConferenceView };
export type Admission = { kind: 'admitted'; entry: RoomEntry } | { kind: 'removed' };

type Sleep = (ms: number, signal: AbortSignal) => Promise<void>;

const sleep: Sleep = (ms, signal) =>
  new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });

/**
 * Waits in the lobby: every two seconds reads who is there (for the waiting
 * room to show) and asks for the room token, which the server gives only once
 * the host has let this person in. "Not yet" is FORBIDDEN; "removed" is the
 * participant's own lobby state, or the session ending. Other failures end
 * the wait.
 */
export async function awaitAdmission(
  api: Pick<GuestApi, 'conference' | 'roomToken'>,
  conferenceId: string,
  participantId: string,
  onLobby: (view: LobbyView) => void,
  signal: AbortSignal,
  wait: Sleep = sleep,
): Promise<Admission | null> {
  while (!signal.aborted) {
    let conference: ConferenceView;
    try {
      conference = await api.conference(conferenceId);
    } catch (error) {
      // Removing a guest (or revoking the link) ends the guest's session: that is how "removed" arrives while waiting.
      if (error instanceof SamplanError && error.code === 'UNAUTHORIZED') return { kind: 'removed' };
      throw error;
    }
    if (signal.aborted) return null;
    onLobby({ conference });
    const self = conference.participants.find((participant) => participant.id === participantId);
    if (self?.lobbyState === 'removed') return { kind: 'removed' };
    try {
      const { token, roomId } = await api.roomToken(conferenceId);
      return { kind: 'admitted', entry: { token, roomId } };
    } catch (error) {
      if (!(error instanceof SamplanError) || error.code !== 'FORBIDDEN') throw error;
    }
    await wait(ADMISSION_POLL_MS, signal);
  }
  return null;
}
