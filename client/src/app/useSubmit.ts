import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/errorMessage.ts';

/**
 * A form's send: busy while the request runs, and on failure the refusal in
 * the reader's words with the form left as it was, so a form only says what it
 * sends and what follows. On success it stays busy: the form goes away.
 */
export function useSubmit() {
  const { t, i18n } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(
    async (send: () => Promise<void>) => {
      setBusy(true);
      setError(null);
      try {
        await send();
      } catch (caught) {
        setError(errorMessage(t, caught, i18n.language));
        setBusy(false);
      }
    },
    [t, i18n.language],
  );
  return { busy, error, setError, run };
}

/**
 * An action on a card that stays on screen (record a consent, change a
 * relative's standing): busy only while it runs, then `onDone` (reload what
 * it changed); on failure the refusal in the reader's words.
 */
export function useAction(onDone: () => void) {
  const { t, i18n } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const act = useCallback(
    async (change: () => Promise<unknown>) => {
      setBusy(true);
      setError(null);
      try {
        await change();
        onDone();
      } catch (caught) {
        setError(errorMessage(t, caught, i18n.language));
      } finally {
        setBusy(false);
      }
    },
    [t, i18n.language, onDone],
  );
  return { busy, error, act };
}
