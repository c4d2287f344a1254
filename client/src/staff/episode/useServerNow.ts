import { api } from '../../api/endpoints.ts';
import { useLoad } from '../../app/useLoad.ts';

/**
 * "Now" as the server's rules see it, for a form's default time: the
 * browser's clock may be off, and a time ahead of the server's is refused.
 */
export function useServerNow(key: string) {
  return useLoad(() => api.day().then((day) => day.now), key);
}
