import { describe, expect, it } from 'vitest';
import { routeOf } from './route.ts';

describe('routeOf', () => {
  it.each([
    { path: '/room/ward-7', expected: { name: 'room', roomId: 'ward-7' } },
    { path: '/room/ward-7/', expected: { name: 'room', roomId: 'ward-7' } },
    { path: '/room/a%20b', expected: { name: 'room', roomId: 'a b' } },
    { path: '/room/%E0%A4%A', expected: { name: 'home' } },
    { path: '/room/', expected: { name: 'home' } },
    { path: '/room/a/b', expected: { name: 'home' } },
    { path: '/', expected: { name: 'home' } },
  ])('$path', ({ path, expected }) => {
    expect(routeOf(path)).toEqual(expected);
  });
});
