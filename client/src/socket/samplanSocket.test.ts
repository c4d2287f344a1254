import { SamplanError } from '@samplan/shared';
import { describe, expect, it, vi } from 'vitest';
import { ClientError } from '../uiError.ts';
import { onNotification, requester, type AckEmitter } from './samplanSocket.ts';

function socketAnswering(answer: () => Promise<unknown>, connected = true) {
  const emitWithAck = vi.fn((_event: string, _payload: unknown) => answer());
  const socket: AckEmitter = { connected, timeout: () => ({ emitWithAck }) };
  return { socket, emitWithAck };
}

describe('requester', () => {
  it('sends the request and returns the checked answer', async () => {
    const { socket, emitWithAck } = socketAnswering(async () => ({ ok: true, data: { producerId: 'p1' } }));
    const request = requester(socket);
    const payload = { transportId: 't1', kind: 'audio' as const, source: 'mic' as const, rtpParameters: { codecs: [{ mimeType: 'audio/opus', payloadType: 100, clockRate: 48000 }] } };
    await expect(request('producer:create', payload)).resolves.toEqual({ producerId: 'p1' });
    expect(emitWithAck).toHaveBeenCalledWith('producer:create', payload);
  });

  it('turns an error answer into a SamplanError with its code', async () => {
    const { socket } = socketAnswering(async () => ({ ok: false, error: { code: 'ROOM_CLOSED', message: 'gone' } }));
    const failure = requester(socket)('room:leave', {});
    await expect(failure).rejects.toBeInstanceOf(SamplanError);
    await expect(failure).rejects.toMatchObject({ code: 'ROOM_CLOSED' });
  });

  it('rejects an answer that does not match the protocol', async () => {
    const { socket } = socketAnswering(async () => ({ ok: true, data: { producerId: 42 } }));
    await expect(requester(socket)('producer:create', {} as never)).rejects.toMatchObject({ code: 'INTERNAL' });
  });

  it('reports a timeout', async () => {
    const { socket } = socketAnswering(() => Promise.reject(new Error('operation has timed out')));
    await expect(requester(socket)('room:leave', {})).rejects.toMatchObject({ code: 'TIMEOUT' });
  });

  it('fails at once, without sending, while disconnected', async () => {
    const { socket, emitWithAck } = socketAnswering(async () => ({ ok: true, data: {} }), false);
    await expect(requester(socket)('room:leave', {})).rejects.toEqual(expect.any(ClientError));
    expect(emitWithAck).not.toHaveBeenCalled();
  });
});

describe('onNotification', () => {
  it('passes on valid notifications and drops malformed ones', () => {
    const listeners = new Map<string, (payload: unknown) => void>();
    const handler = vi.fn();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    onNotification({ on: (event, listener) => listeners.set(event, listener) }, 'peer:left', handler);
    listeners.get('peer:left')!({ peerId: 'p1' });
    listeners.get('peer:left')!({ peerId: 7 });
    expect(handler).toHaveBeenCalledTimes(1);
    expect(handler).toHaveBeenCalledWith({ peerId: 'p1' });
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
  });
});
