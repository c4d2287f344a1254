import { useTranslation } from 'react-i18next';
import type { ConnectionState } from './roomState.ts';

/** Announced politely to screen readers whenever it changes. */
export function ConnectionStatus({ state }: { state: ConnectionState }) {
  const { t } = useTranslation();
  return (
    <p className={`connection connection-${state}`} role="status">
      <span className="connection-dot" aria-hidden="true" />
      {t('connection.label')}: <strong>{t(`connection.${state}`)}</strong>
    </p>
  );
}
