import { describe, expect, it } from 'vitest';
import { Session } from './socketSession.ts';

function session(errors: unknown[] = []): Session {
  return new Session({ notify: () => undefined, disconnect: () => undefined }, (error) => errors.push(error), () => undefined);
}

const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('Session', () => {
  it('handles requests strictly one after another', async () => {
    const queue = session();
    const events: string[] = [];
    const request = (name: string, ms: number) => async () => {
      events.push(`${name} start`);
      await later(ms);
      events.push(`${name} end`);
    };
    queue.enqueue(request('slow', 20));
    queue.enqueue(request('fast', 1));
    await new Promise<void>((resolve) => queue.afterPending(resolve));
    expect(events).toEqual(['slow start', 'slow end', 'fast start', 'fast end']);
  });

  it('refuses to queue more than 64 requests, and takes new ones once they are done', async () => {
    const queue = session();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const accepted = Array.from({ length: 70 }, () => queue.enqueue(() => gate));
    expect(accepted.filter(Boolean)).toHaveLength(64);
    release();
    await new Promise<void>((resolve) => queue.afterPending(resolve));
    expect(queue.enqueue(async () => undefined)).toBe(true);
  });

  it('runs afterPending tasks after earlier requests even when the queue is full', async () => {
    const queue = session();
    const events: string[] = [];
    for (let i = 0; i < 64; i++) queue.enqueue(async () => void events.push('request'));
    expect(queue.enqueue(async () => undefined)).toBe(false);
    await new Promise<void>((resolve) =>
      queue.afterPending(() => {
        events.push('disconnect');
        resolve();
      }),
    );
    expect(events.at(-1)).toBe('disconnect');
    expect(events.filter((event) => event === 'request')).toHaveLength(64);
  });

  it('reports a failing task and carries on', async () => {
    const errors: unknown[] = [];
    const queue = session(errors);
    queue.enqueue(async () => {
      throw new Error('boom');
    });
    queue.afterPending(() => {
      throw new Error('bang');
    });
    const ran = await new Promise<boolean>((resolve) => queue.enqueue(async () => resolve(true)));
    expect(ran).toBe(true);
    expect(errors.map((error) => (error as Error).message)).toEqual(['boom', 'bang']);
  });

  it('has no peer before a join and refuses to act for one with NOT_JOINED', () => {
    expect(session().peer).toBeUndefined();
    expect(() => session().requirePeer()).toThrow(expect.objectContaining({ code: 'NOT_JOINED' }));
  });
});
