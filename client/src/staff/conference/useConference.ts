import { api } from '../../api/endpoints.ts';
import { useLoad } from '../../app/useLoad.ts';
import { useNotice } from '../../app/useNotice.ts';

/**
 * The conference with its participants' lobby states, read again when the
 * server says it changed (a guest arrived, someone was let in or removed,
 * it ended) and after a lost connection comes back.
 */
export function useConference(conferenceId: string) {
  const loaded = useLoad(() => api.conference(conferenceId).then((r) => r.conference), conferenceId);
  const { reload } = loaded;
  useNotice(
    'conference:changed',
    (notice) => {
      if (notice.conferenceId === conferenceId) reload();
    },
    reload,
  );
  return loaded;
}
