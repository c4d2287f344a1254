import { SamplanError, dayViewSchema, meResponseSchema } from '@samplan/shared';
import { createInstance } from 'i18next';
import { describe, expect, it } from 'vitest';
import { ClientError } from '../uiError.ts';
import { resources } from '../i18n/resources.ts';
import { createApi } from './endpoints.ts';
import { errorMessage } from './errorMessage.ts';
import { requestJson, type Fetch } from './http.ts';

type Call = { url: string; init: RequestInit };

function fakeFetch(status: number, body: unknown, calls: Call[] = []): Fetch {
  return async (url, init) => {
    calls.push({ url, init });
    return new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  };
}

const me = {
  principal: {
    kind: 'staff',
    staffId: '0193a2b4-0000-7000-8000-000000000001',
    name: 'Mette Holm',
    role: 'discharge_coordinator',
    organisation: { id: '0193a2b4-0000-7000-8000-000000000002', name: 'Medicinsk afsnit, Horsens', sector: 'hospital' },
    geriatricTeam: false,
    administrator: false,
  },
  allowedActions: ['episode:read'],
  sessionExpiresAt: '2026-11-24T12:00:00.000Z',
};

async function translator(language: 'da' | 'en') {
  const i18n = createInstance();
  await i18n.init({ resources, lng: language, interpolation: { escapeValue: false }, showSupportNotice: false });
  return i18n.t;
}

describe('the API client', () => {
  it('sends JSON with the session cookie and checks the answer against the shared schema', async () => {
    const calls: Call[] = [];
    const api = createApi({ fetch: fakeFetch(200, me, calls) });
    const answer = await api.login({ login: 'mette', password: 'demo' });
    expect(answer.principal.name).toBe('Mette Holm');
    expect(calls[0]!.url).toBe('/api/auth/login');
    expect(calls[0]!.init).toMatchObject({ method: 'POST', credentials: 'same-origin', body: '{"login":"mette","password":"demo"}' });
  });

  it('puts ids into paths encoded', async () => {
    const calls: Call[] = [];
    await createApi({ fetch: fakeFetch(200, { revisions: [] }, calls) }).planRevisions('a/b');
    expect(calls[0]!.url).toBe('/api/episodes/a%2Fb/plan/revisions?limit=50');
  });

  it('turns the error body into a SamplanError with its refusal', async () => {
    const refusal = { code: 'ADVICE_WINDOW_CLOSED', closedAt: '2026-11-20T13:00:00.000Z', turnTo: ['gp'], whenAcute: 'emergency_112' };
    const failing = fakeFetch(422, { error: { code: 'REFUSED', message: 'closed', refusal } });
    const error = await requestJson('GET', '/api/x', meResponseSchema, undefined, { fetch: failing }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SamplanError);
    expect(error).toMatchObject({ code: 'REFUSED', refusal });
  });

  it('names the status when a proxy answers instead of Samplan', async () => {
    const error = await requestJson('GET', '/api/x', meResponseSchema, undefined, { fetch: fakeFetch(401, undefined) }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('refuses an answer that does not match the API', async () => {
    const error = await requestJson('GET', '/api/day', dayViewSchema, undefined, { fetch: fakeFetch(200, { now: 'yesterday' }) }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'INTERNAL' });
  });

  it('reports a dead network as NETWORK', async () => {
    const offline: Fetch = async () => {
      throw new TypeError('Failed to fetch');
    };
    const error = await requestJson('GET', '/api/day', dayViewSchema, undefined, { fetch: offline }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ClientError);
    expect(error).toMatchObject({ code: 'NETWORK' });
  });
});

describe('error messages', () => {
  it('say when the advice window closed and where to turn, in both languages', async () => {
    const refusal = { code: 'ADVICE_WINDOW_CLOSED' as const, closedAt: '2026-11-20T13:00:00.000Z', turnTo: ['gp' as const], whenAcute: 'emergency_112' as const };
    const error = new SamplanError('REFUSED', 'closed', undefined, refusal);
    const [da, en] = await Promise.all([translator('da'), translator('en')]);
    expect(errorMessage(da, error, 'da')).toMatch(/lukkede fre\.? 20\. nov\.?,? 14[.:]00.*egen læge.*112/);
    expect(errorMessage(en, error, 'en')).toMatch(/closed Fri 20 Nov,? 14:00.*GP.*112/);
  });

  it('fall back to the code’s message', async () => {
    const da = await translator('da');
    expect(errorMessage(da, new SamplanError('FORBIDDEN', 'no'), 'da')).toBe('Du har ikke adgang til dette møde.');
    expect(errorMessage(da, new Error('boom'), 'da')).toBe('Der skete en fejl hos os. Prøv igen om lidt.');
  });
});
