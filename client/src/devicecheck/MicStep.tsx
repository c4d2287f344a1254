import { useTranslation } from 'react-i18next';
import { MicIcon, MicOffIcon } from '../icons.tsx';
import type { UiErrorCode } from '../uiError.ts';
import { useMicLevel } from './useMicLevel.ts';

type MicStepProps = {
  mic: MediaStreamTrack | null;
  error: UiErrorCode | null;
  onOk(): void;
  onRetry(): void;
};

/** A live level bar, with its meaning in words as well. */
export function MicStep({ mic, error, onOk, onRetry }: MicStepProps) {
  const { t } = useTranslation();
  const { level, heard } = useMicLevel(mic);
  if (!mic) {
    return (
      <>
        <div className="guest-help" role="alert">
          <h2>{t('guest.mic.deniedHeading')}</h2>
          <p>{error === 'DEVICE_DENIED' ? t('guest.mic.deniedText') : t('guest.mic.missingText')}</p>
        </div>
        <div className="guest-actions">
          <button type="button" className="button button-primary" onClick={onRetry}>
            {t('guest.camera.retry')}
          </button>
          <button type="button" className="button" onClick={onOk}>
            {t('guest.mic.continueWithout')}
          </button>
        </div>
      </>
    );
  }
  const percent = Math.round(level * 100);
  return (
    <>
      <p>{t('guest.mic.text')}</p>
      <div className="mic-meter" role="meter" aria-label={t('guest.mic.meterLabel')} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}>
        <div className="mic-meter-fill" style={{ width: `${percent}%` }} />
      </div>
      <p className="guest-state" aria-live="polite">
        {heard ? <MicIcon /> : <MicOffIcon />}
        {heard ? t('guest.mic.hearing') : t('guest.mic.silent')}
      </p>
      <div className="guest-actions">
        <button type="button" className="button button-primary" onClick={onOk}>
          {t('guest.mic.ok')}
        </button>
      </div>
    </>
  );
}
