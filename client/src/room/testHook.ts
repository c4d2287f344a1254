import type { PeerMediaStats, RoomClient } from './RoomClient.ts';

/**
 * Read-only measures for browser tests and the join benchmark: what each
 * remote participant's media has delivered so far, and when the join started.
 */
export type SamplanTestHook = {
  stats(): Promise<PeerMediaStats[]>;
  joinStartedAt(): number | null;
};

declare global {
  interface Window {
    __samplan?: SamplanTestHook;
  }
}

export function exposeTestHook(client: RoomClient): () => void {
  const hook: SamplanTestHook = {
    stats: () => client.stats(),
    joinStartedAt: () => client.joinStartedAt,
  };
  window.__samplan = hook;
  return () => {
    if (window.__samplan === hook) delete window.__samplan;
  };
}
