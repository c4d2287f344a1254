import { describe, expect, it, vi } from 'vitest';
import { fetchDemoToken, tokenSourceOf } from './roomToken.ts';

function answer(status: number, body: unknown) {
  return vi.fn(async (_url: string, _init: RequestInit) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));
}

describe('tokenSourceOf', () => {
  it.each([
    { search: '?token=abc.def.ghi', expected: { kind: 'link', token: 'abc.def.ghi' } },
    { search: '', expected: { kind: 'demo', role: undefined } },
    { search: '?role=gp', expected: { kind: 'demo', role: 'gp' } },
    { search: '?role=admin', expected: { kind: 'demo', role: undefined } },
  ])('reads $search', ({ search, expected }) => {
    expect(tokenSourceOf(search)).toEqual(expected);
  });
});

describe('fetchDemoToken', () => {
  it('posts the name and role and returns the token', async () => {
    const fetchImpl = answer(200, { token: 'tok' });
    await expect(fetchDemoToken('ward-7', { displayName: 'Inge', role: 'patient' }, fetchImpl)).resolves.toBe('tok');
    const [url, init] = fetchImpl.mock.calls[0]!;
    expect(url).toBe('/api/demo/rooms/ward-7/token');
    expect(init.method).toBe('POST');
    expect(JSON.parse(String(init.body))).toEqual({ displayName: 'Inge', role: 'patient' });
  });

  it('passes on the error code of the server', async () => {
    await expect(fetchDemoToken('Bad Room', {}, answer(400, { error: { code: 'BAD_REQUEST', message: 'room id' } }))).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('reports demo rooms being switched off as not found', async () => {
    await expect(fetchDemoToken('ward-7', {}, vi.fn(async () => new Response('nope', { status: 404 })))).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('reports an unreachable server as a network problem', async () => {
    await expect(fetchDemoToken('ward-7', {}, vi.fn(async () => Promise.reject(new TypeError('fetch failed'))))).rejects.toMatchObject({ code: 'NETWORK' });
  });
});
