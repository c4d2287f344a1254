import { describe, expect, it } from 'vitest';
import { KeyedQueue } from './keyedQueue.ts';

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('KeyedQueue', () => {
  it('runs tasks of one key one after another, in order', async () => {
    const queue = new KeyedQueue();
    const events: string[] = [];
    const task = (name: string) => async () => {
      events.push(`${name} start`);
      await tick();
      events.push(`${name} end`);
      return name;
    };
    const results = await Promise.all([queue.run('room', task('a')), queue.run('room', task('b'))]);
    expect(results).toEqual(['a', 'b']);
    expect(events).toEqual(['a start', 'a end', 'b start', 'b end']);
  });

  it('lets different keys overlap', async () => {
    const queue = new KeyedQueue();
    const events: string[] = [];
    const task = (name: string) => async () => {
      events.push(`${name} start`);
      await tick();
      events.push(`${name} end`);
    };
    await Promise.all([queue.run('one', task('a')), queue.run('two', task('b'))]);
    expect(events.slice(0, 2)).toEqual(['a start', 'b start']);
  });

  it('goes on after a failed task and forgets idle keys', async () => {
    const queue = new KeyedQueue();
    const failed = queue.run('room', () => Promise.reject(new Error('boom')));
    const next = queue.run('room', () => 'ok');
    await expect(failed).rejects.toThrow('boom');
    await expect(next).resolves.toBe('ok');
    await tick();
    expect(queue.pendingKeys).toBe(0);
  });
});
