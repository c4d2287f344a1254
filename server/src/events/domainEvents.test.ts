import { describe, expect, it } from 'vitest';
import { type DomainEvent, DomainEvents } from './domainEvents.ts';

const ended: DomainEvent = { type: 'conference.closed', conferenceId: 'c1' };

describe('domain events', () => {
  it('reaches every listener of its type, and only those, before publish resolves', async () => {
    const seen: string[] = [];
    const events = new DomainEvents(() => {});
    events.subscribe('conference.closed', async (event) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      seen.push(`a:${event.conferenceId}`);
    });
    events.subscribe('conference.closed', (event) => void seen.push(`b:${event.conferenceId}`));
    events.subscribe('participant.excluded', () => void seen.push('wrong'));
    await events.publish(ended);
    expect(seen.sort()).toEqual(['a:c1', 'b:c1']);
  });

  it('reports a failing listener instead of throwing it at the publisher, and still runs the others', async () => {
    const failures: unknown[] = [];
    const seen: string[] = [];
    const events = new DomainEvents((error) => failures.push(error));
    events.subscribe('conference.closed', () => {
      throw new Error('media is down');
    });
    events.subscribe('conference.closed', () => void seen.push('ran'));
    await expect(events.publish(ended)).resolves.toBeUndefined();
    expect(seen).toEqual(['ran']);
    expect(failures).toHaveLength(1);
  });

  it('is quiet with nobody listening', async () => {
    await expect(new DomainEvents(() => {}).publish(ended)).resolves.toBeUndefined();
  });
});
