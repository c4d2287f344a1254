/**
 * Whether a request that says it comes from `origin` may change anything
 * here: only from Samplan's own pages, at PUBLIC_URL when set, otherwise on the
 * host the request was sent to. Browsers send Origin with every cross-site
 * state-changing request and WebSocket handshake, so a request without one
 * comes from no browser page (a hospital system, curl) and CSRF cannot reach
 * it. Without PUBLIC_URL only the host is compared, not the scheme: behind a
 * TLS proxy the server itself sees plain http.
 */
export function sameOriginAllowed(origin: string | undefined, host: string | undefined, publicUrl: string | undefined): boolean {
  if (origin === undefined) return true;
  if (publicUrl !== undefined) return origin === new URL(publicUrl).origin;
  if (host === undefined) return false;
  try {
    return new URL(origin).host === host.toLowerCase();
  } catch {
    // "null" (sandboxed frames, privacy redirects) and garbage name no page of ours.
    return false;
  }
}
