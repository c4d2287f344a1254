import { useTranslation } from 'react-i18next';
import type { UiErrorCode } from '../uiError.ts';

export function ErrorNotice({ code, onDismiss }: { code: UiErrorCode; onDismiss?: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="error-notice" role="alert">
      <p>{t(`errors.${code}`)}</p>
      {onDismiss && (
        <button type="button" className="button" onClick={onDismiss}>
          {t('room.dismissError')}
        </button>
      )}
    </div>
  );
}
