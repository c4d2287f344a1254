import { useEffect } from 'react';
import { api } from '../../api/endpoints.ts';
import { useLoad } from '../../app/useLoad.ts';

/** How often the host sees who waits in the lobby; the server has no lobby push yet. */
export const LOBBY_POLL_MS = 2_000;

/** The conference with its participants' lobby states, polled while the page is open. */
export function useConference(conferenceId: string) {
  const loaded = useLoad(() => api.conference(conferenceId).then((r) => r.conference), conferenceId);
  const { reload } = loaded;
  useEffect(() => {
    const timer = window.setInterval(reload, LOBBY_POLL_MS);
    return () => window.clearInterval(timer);
  }, [reload]);
  return loaded;
}
