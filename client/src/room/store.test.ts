import { describe, expect, it, vi } from 'vitest';
import { Store } from './store.ts';

describe('Store', () => {
  it('tells listeners about changes, not about no-ops, and stops after unsubscribe', () => {
    const store = new Store({ count: 0 });
    const listener = vi.fn();
    const unsubscribe = store.subscribe(listener);
    store.update((value) => ({ count: value.count + 1 }));
    store.update((value) => value);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(store.get()).toEqual({ count: 1 });
    unsubscribe();
    store.update(() => ({ count: 5 }));
    expect(listener).toHaveBeenCalledTimes(1);
  });
});
