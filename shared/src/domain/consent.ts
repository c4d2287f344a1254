/**
 * A consent counts for an episode while it is not withdrawn and was given
 * either for this episode or until withdrawn (no episode). The one spelling of
 * that rule: the invitation check and the episode page both use it.
 */
export interface ConsentState {
  readonly scope: string;
  readonly episodeId: string | null;
  readonly withdrawnAt: Date | string | null;
}

export function hasLiveConsent(consents: readonly ConsentState[], scope: string, episodeId: string): boolean {
  return consents.some((consent) => consent.scope === scope && consent.withdrawnAt === null && (consent.episodeId === null || consent.episodeId === episodeId));
}
