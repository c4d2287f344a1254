import { useTranslation } from 'react-i18next';
import { StepScreen } from '../devicecheck/StepScreen.tsx';
import type { UiErrorCode } from '../uiError.ts';

/**
 * A link that did not open, said kindly: not the person's fault, and whom to
 * call. A meeting that is over says so; a network problem offers a retry.
 */
export function LinkProblem({ code, onRetry }: { code: UiErrorCode; onRetry(): void }) {
  const { t } = useTranslation();
  if (code === 'ROOM_CLOSED') {
    return (
      <StepScreen heading={t('guest.link.endedHeading')}>
        <p>{t('guest.link.endedText')}</p>
      </StepScreen>
    );
  }
  if (code === 'NETWORK' || code === 'TIMEOUT' || code === 'INTERNAL' || code === 'RATE_LIMITED') {
    return (
      <StepScreen heading={t('guest.link.networkHeading')}>
        <p>{t('guest.link.networkText')}</p>
        <div className="guest-actions">
          <button type="button" className="button button-primary" onClick={onRetry}>
            {t('guest.link.tryAgain')}
          </button>
        </div>
      </StepScreen>
    );
  }
  return (
    <StepScreen heading={t('guest.link.problemHeading')}>
      <p>{t('guest.link.problemText')}</p>
      <p className="guest-emphasis">{t('guest.link.problemWhatToDo')}</p>
      <p className="guest-acute">{t('guest.link.acute')}</p>
    </StepScreen>
  );
}
