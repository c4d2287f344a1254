export type Route = { name: 'room'; roomId: string } | { name: 'home' };

/** The app has one real page so far; /room/:roomId opens it, anything else shows the welcome. */
export function routeOf(pathname: string): Route {
  const match = /^\/room\/([^/]+)\/?$/.exec(pathname);
  if (!match) return { name: 'home' };
  try {
    return { name: 'room', roomId: decodeURIComponent(match[1]!) };
  } catch {
    return { name: 'home' };
  }
}
