/**
 * The client's pages by path, without a router library: a handful of
 * patterns, history.pushState and one hook. Paths never carry patient data
 * (no CPR, no names), only record ids.
 *
 * Adding a page: a variant of Route, a pattern in PATTERNS, a case in App.tsx.
 */
import { useSyncExternalStore } from 'react';

export type Route =
  | { name: 'day' }
  | { name: 'signIn' }
  | { name: 'advice' }
  /** Acute assessment: a doctor's request (CPR typed into the page), or the acute team's queue. */
  | { name: 'acute' }
  | { name: 'acuteAssessment'; acuteAssessmentId: string }
  /** Find a patient by CPR (typed into the page, never in the path) and admit her. */
  | { name: 'intake' }
  | { name: 'indicators' }
  /** The municipalities' acute beds: the shared overview. */
  | { name: 'acuteBeds' }
  /** An administrator's organisation: staff, set-password links, system clients. */
  | { name: 'admin' }
  | { name: 'episode'; episodeId: string }
  | { name: 'schedule'; episodeId: string }
  | { name: 'conference'; conferenceId: string }
  /** The demo room of the media foundation: anyone, no sign-in. */
  | { name: 'room'; roomId: string }
  /** A patient's or relative's join link: no account, the link is the key. */
  | { name: 'join'; linkToken: string }
  /** A staff member's one-time link to choose a password: no session, the link is the key. */
  | { name: 'setPassword'; linkToken: string }
  | { name: 'notFound' };

const PATTERNS: ReadonlyArray<readonly [RegExp, (id: string) => Route]> = [
  [/^\/$/, () => ({ name: 'day' })],
  [/^\/sign-in\/?$/, () => ({ name: 'signIn' })],
  [/^\/advice\/?$/, () => ({ name: 'advice' })],
  [/^\/acute\/?$/, () => ({ name: 'acute' })],
  [/^\/acute\/([^/]+)\/?$/, (acuteAssessmentId) => ({ name: 'acuteAssessment', acuteAssessmentId })],
  [/^\/intake\/?$/, () => ({ name: 'intake' })],
  [/^\/indicators\/?$/, () => ({ name: 'indicators' })],
  [/^\/acute-beds\/?$/, () => ({ name: 'acuteBeds' })],
  [/^\/admin\/?$/, () => ({ name: 'admin' })],
  [/^\/episodes\/([^/]+)\/?$/, (episodeId) => ({ name: 'episode', episodeId })],
  [/^\/episodes\/([^/]+)\/schedule\/?$/, (episodeId) => ({ name: 'schedule', episodeId })],
  [/^\/conferences\/([^/]+)\/?$/, (conferenceId) => ({ name: 'conference', conferenceId })],
  [/^\/room\/([^/]+)\/?$/, (roomId) => ({ name: 'room', roomId })],
  [/^\/join\/([^/]+)\/?$/, (linkToken) => ({ name: 'join', linkToken })],
  [/^\/set-password\/([^/]+)\/?$/, (linkToken) => ({ name: 'setPassword', linkToken })],
];

export function routeOf(pathname: string): Route {
  for (const [pattern, route] of PATTERNS) {
    const match = pattern.exec(pathname);
    if (!match) continue;
    try {
      return route(decodeURIComponent(match[1] ?? ''));
    } catch {
      return { name: 'notFound' };
    }
  }
  return { name: 'notFound' };
}

export function pathOf(route: Exclude<Route, { name: 'notFound' }>): string {
  switch (route.name) {
    case 'day':
      return '/';
    case 'signIn':
      return '/sign-in';
    case 'advice':
      return '/advice';
    case 'acute':
      return '/acute';
    case 'acuteAssessment':
      return `/acute/${encodeURIComponent(route.acuteAssessmentId)}`;
    case 'intake':
      return '/intake';
    case 'indicators':
      return '/indicators';
    case 'acuteBeds':
      return '/acute-beds';
    case 'admin':
      return '/admin';
    case 'episode':
      return `/episodes/${encodeURIComponent(route.episodeId)}`;
    case 'schedule':
      return `/episodes/${encodeURIComponent(route.episodeId)}/schedule`;
    case 'conference':
      return `/conferences/${encodeURIComponent(route.conferenceId)}`;
    case 'room':
      return `/room/${encodeURIComponent(route.roomId)}`;
    case 'join':
      return `/join/${encodeURIComponent(route.linkToken)}`;
    case 'setPassword':
      return `/set-password/${encodeURIComponent(route.linkToken)}`;
  }
}

const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (options.replace) window.history.replaceState(null, '', path);
  else window.history.pushState(null, '', path);
  for (const listener of listeners) listener();
}

export function useRoute(): Route {
  const pathname = useSyncExternalStore(subscribe, () => window.location.pathname);
  return routeOf(pathname);
}
