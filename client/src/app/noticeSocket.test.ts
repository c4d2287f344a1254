import { describe, expect, it } from 'vitest';
import { noticeHub, type NoticeSource } from './noticeSocket.ts';

class FakeSocket implements NoticeSource {
  readonly listeners = new Map<string, Array<(payload: unknown) => void>>();
  disconnected = false;
  on(event: string, listener: (payload: unknown) => void) {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
  }
  off(event: string, listener: (payload: unknown) => void) {
    this.listeners.set(event, (this.listeners.get(event) ?? []).filter((candidate) => candidate !== listener));
  }
  disconnect() {
    this.disconnected = true;
  }
  emit(event: string, payload?: unknown) {
    for (const listener of this.listeners.get(event) ?? []) listener(payload);
  }
}

const EPISODE = '00000000-0000-4000-8000-000000000001';

describe('the notice socket', () => {
  it('is one connection for every listener, closed with the last', () => {
    const opened: FakeSocket[] = [];
    const listen = noticeHub(() => {
      const socket = new FakeSocket();
      opened.push(socket);
      return socket;
    });
    const stopDay = listen('day:changed', () => undefined, () => undefined);
    const stopEpisode = listen('episode:changed', () => undefined, () => undefined);
    expect(opened).toHaveLength(1);
    stopDay();
    expect(opened[0]!.disconnected).toBe(false);
    stopEpisode();
    expect(opened[0]!.disconnected).toBe(true);
    listen('day:changed', () => undefined, () => undefined);
    expect(opened).toHaveLength(2);
  });

  it('hands each listener its own notices, parsed, and drops malformed ones', () => {
    const socket = new FakeSocket();
    const listen = noticeHub(() => socket);
    const seen: unknown[] = [];
    listen('episode:changed', (notice) => seen.push(notice), () => undefined);
    socket.emit('episode:changed', { episodeId: EPISODE, change: 'discharged' });
    socket.emit('episode:changed', { episodeId: 'not-an-id', change: 'discharged' });
    socket.emit('day:changed', { change: 'advice' });
    expect(seen).toEqual([{ episodeId: EPISODE, change: 'discharged' }]);
  });

  it('tells every listener to read again when the connection comes back, not when it first opens', () => {
    const socket = new FakeSocket();
    const listen = noticeHub(() => socket);
    const readAgain: string[] = [];
    listen('day:changed', () => undefined, () => readAgain.push('day'));
    const stop = listen('conference:changed', () => undefined, () => readAgain.push('lobby'));
    socket.emit('connect');
    expect(readAgain).toEqual([]);
    socket.emit('connect');
    expect(readAgain).toEqual(['day', 'lobby']);
    stop();
    socket.emit('connect');
    expect(readAgain).toEqual(['day', 'lobby', 'day']);
  });
});
