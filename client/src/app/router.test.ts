import { describe, expect, it } from 'vitest';
import { pathOf, routeOf, type Route } from './router.ts';

describe('routes', () => {
  it.each<[string, Route]>([
    ['/', { name: 'day' }],
    ['/sign-in', { name: 'signIn' }],
    ['/advice/', { name: 'advice' }],
    ['/episodes/0193-a', { name: 'episode', episodeId: '0193-a' }],
    ['/episodes/0193-a/schedule', { name: 'schedule', episodeId: '0193-a' }],
    ['/conferences/c%201', { name: 'conference', conferenceId: 'c 1' }],
    ['/room/demo', { name: 'room', roomId: 'demo' }],
    ['/admin', { name: 'admin' }],
    ['/set-password/abc_-1', { name: 'setPassword', linkToken: 'abc_-1' }],
    ['/room/%E0%A4%A', { name: 'notFound' }],
    ['/episodes', { name: 'notFound' }],
    ['/room/a/b', { name: 'notFound' }],
  ])('%s', (path, route) => {
    expect(routeOf(path)).toEqual(route);
  });

  it('writes every page back to the path it came from', () => {
    const routes = [
      { name: 'day' },
      { name: 'signIn' },
      { name: 'advice' },
      { name: 'episode', episodeId: 'e/1' },
      { name: 'schedule', episodeId: 'e1' },
      { name: 'conference', conferenceId: 'c1' },
      { name: 'room', roomId: 'r 1' },
      { name: 'admin' },
      { name: 'setPassword', linkToken: 't1' },
    ] as const;
    for (const route of routes) expect(routeOf(pathOf(route))).toEqual(route);
  });
});
