import { type Ack, MAX_REQUEST_BYTES, type RequestName, requests, SamplanError } from '@samplan/shared';
import { pino } from 'pino';
import { describe, expect, it, vi } from 'vitest';
import { createDispatcher, type Handlers } from './dispatcher.ts';

type Context = { calls: Array<{ name: RequestName; request: unknown }> };

/** Handlers that record what reached them; `room:leave` misbehaves on purpose. */
function recordingHandlers(): Handlers<Context> {
  const entries = (Object.keys(requests) as RequestName[]).map((name) => [
    name,
    async (context: Context, request: unknown) => {
      context.calls.push({ name, request });
      return { handled: name };
    },
  ]);
  const handlers = Object.fromEntries(entries) as unknown as Handlers<Context>;
  handlers['producer:close'] = async () => {
    throw new SamplanError('NOT_FOUND', 'No such producer.');
  };
  handlers['room:leave'] = async () => {
    throw new Error('database password is hunter2');
  };
  return handlers;
}

async function send(event: unknown, ...payloads: unknown[]): Promise<{ ack: Ack<unknown>; context: Context }> {
  const dispatcher = createDispatcher(recordingHandlers(), pino({ level: 'silent' }));
  const context: Context = { calls: [] };
  let answer: Ack<unknown> | undefined;
  await dispatcher.dispatch(context, event, [...payloads, (response: Ack<unknown>) => (answer = response)]);
  if (answer === undefined) throw new Error('no ack');
  return { ack: answer, context };
}

describe('dispatcher', () => {
  it('hands a valid request, parsed by the shared schema, to its handler and acks its result', async () => {
    const { ack, context } = await send('room:join', { token: 't'.repeat(20), displayName: '  Ann  ', rtpCapabilities: {} });
    expect(ack).toEqual({ ok: true, data: { handled: 'room:join' } });
    expect(context.calls).toEqual([{ name: 'room:join', request: { token: 't'.repeat(20), displayName: 'Ann', rtpCapabilities: {} } }]);
  });

  it.each([['no:such-event'], ['__proto__'], ['toString'], [42], [null]])('refuses the unknown event %j', async (event) => {
    const { ack, context } = await send(event, {});
    expect(ack).toEqual({ ok: false, error: { code: 'BAD_REQUEST', message: 'Unknown request.' } });
    expect(context.calls).toEqual([]);
  });

  it('refuses a malformed payload with BAD_REQUEST and says which fields are wrong', async () => {
    const { ack, context } = await send('consumer:setPreferredLayers', { consumerId: 7, spatialLayer: 5 });
    expect(ack.ok).toBe(false);
    if (ack.ok) return;
    expect(ack.error.code).toBe('BAD_REQUEST');
    expect(ack.error.issues?.map((issue) => issue.path).sort()).toEqual(['consumerId', 'spatialLayer']);
    expect(context.calls).toEqual([]);
  });

  it.each([[undefined], ['a string'], [[1, 2]], [null]])('refuses the payload %j', async (payload) => {
    const { ack } = await send('transport:create', payload);
    expect(ack.ok === false && ack.error.code).toBe('BAD_REQUEST');
  });

  it('refuses a missing payload and extra arguments', async () => {
    expect((await send('room:leave')).ack).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect((await send('room:leave', {}, {})).ack).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });

  // PostgreSQL cannot store a lone surrogate: let through, it would fail in the database as INTERNAL.
  it.each([
    ['a plan comment', 'plan:push', { baseRevision: 0, ops: [{ op: 'add', section: 'comments', item: { id: '00000000-0000-4000-8000-000000000001', text: 'Mor \ud800' } }] }, 'ops.0.item.text'],
    ['a display name', 'room:join', { token: 't'.repeat(20), displayName: '\udc00Ann', rtpCapabilities: {} }, 'displayName'],
    ['a field name', 'room:join', { token: 't'.repeat(20), displayName: 'Ann', rtpCapabilities: { '\ud800': 1 } }, 'rtpCapabilities'],
  ])('refuses text with a lone surrogate in %s with BAD_REQUEST naming where it is', async (_what, event, payload, path) => {
    const { ack, context } = await send(event, payload);
    expect(ack).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', issues: [{ path }] } });
    expect(context.calls).toEqual([]);
  });

  it('refuses a payload above MAX_REQUEST_BYTES with TOO_LARGE before validating it', async () => {
    const { ack, context } = await send('transport:create', { direction: 'send', padding: 'x'.repeat(MAX_REQUEST_BYTES) });
    expect(ack).toMatchObject({ ok: false, error: { code: 'TOO_LARGE' } });
    expect(context.calls).toEqual([]);
  });

  it('accepts a payload just under the limit', async () => {
    const payload = { direction: 'send', padding: '' };
    payload.padding = 'x'.repeat(MAX_REQUEST_BYTES - JSON.stringify(payload).length);
    expect((await send('transport:create', payload)).ack.ok).toBe(true);
  });

  it('passes a SamplanError from a handler on as it is', async () => {
    expect((await send('producer:close', { producerId: 'p1' })).ack).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'No such producer.' } });
  });

  it('turns any other failure into INTERNAL without leaking its message', async () => {
    const { ack } = await send('room:leave', {});
    expect(ack).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'The server failed to handle the request.' } });
  });

  it('still handles a request sent without an ack callback, and does not throw', async () => {
    const dispatcher = createDispatcher(recordingHandlers(), pino({ level: 'silent' }));
    const context: Context = { calls: [] };
    await expect(dispatcher.dispatch(context, 'transport:create', [{ direction: 'recv' }])).resolves.toBeUndefined();
    await expect(dispatcher.dispatch(context, 'transport:create', [{ direction: 'sideways' }])).resolves.toBeUndefined();
    await expect(dispatcher.dispatch(context, 'nonsense', [])).resolves.toBeUndefined();
    expect(context.calls).toEqual([{ name: 'transport:create', request: { direction: 'recv' } }]);
  });

  it('survives an ack callback that throws', async () => {
    const dispatcher = createDispatcher(recordingHandlers(), pino({ level: 'silent' }));
    const ack = vi.fn(() => {
      throw new Error('socket gone');
    });
    await expect(dispatcher.dispatch({ calls: [] }, 'transport:create', [{ direction: 'recv' }, ack])).resolves.toBeUndefined();
    expect(ack).toHaveBeenCalledOnce();
  });

  it('refuse() answers without handling', () => {
    const dispatcher = createDispatcher(recordingHandlers(), pino({ level: 'silent' }));
    const ack = vi.fn();
    dispatcher.refuse([{}, ack], new SamplanError('RATE_LIMITED', 'Slow down.'));
    expect(ack).toHaveBeenCalledWith({ ok: false, error: { code: 'RATE_LIMITED', message: 'Slow down.' } });
    expect(() => dispatcher.refuse([{}], new SamplanError('RATE_LIMITED', 'Slow down.'))).not.toThrow();
  });
});
