import { useCallback, useEffect, useRef, useState } from 'react';

export type Loaded<T> = { status: 'loading' } | { status: 'ok'; data: T } | { status: 'failed'; error: unknown };

/**
 * Data for a page: loads on mount and when `key` changes; `reload` fetches
 * again without blanking what is shown, and a failed reload keeps the last
 * good data (a poll must not make the page flicker or vanish).
 */
export function useLoad<T>(load: () => Promise<T>, key: string): Loaded<T> & { reload(): void } {
  const [state, setState] = useState<Loaded<T>>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const keyRef = useRef(key);

  useEffect(() => {
    if (keyRef.current !== key) {
      keyRef.current = key;
      setState({ status: 'loading' });
    }
    let current = true;
    loadRef.current().then(
      (data) => current && setState({ status: 'ok', data }),
      (error: unknown) => current && setState((previous) => (previous.status === 'ok' ? previous : { status: 'failed', error })),
    );
    return () => {
      current = false;
    };
  }, [key, generation]);

  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  return { ...state, reload };
}
