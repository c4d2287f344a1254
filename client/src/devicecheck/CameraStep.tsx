import { useTranslation } from 'react-i18next';
import { useTrack } from '../room/useRoom.ts';
import type { UiErrorCode } from '../uiError.ts';

type CameraStepProps = {
  camera: MediaStreamTrack | null;
  /** Why there is no camera picture, when there is none. */
  error: UiErrorCode | null;
  onOk(): void;
  onRetry(): void;
  onAudioOnly(): void;
};

/** The person's own picture, or in plain words why there is none and how to go on without it. */
export function CameraStep({ camera, error, onOk, onRetry, onAudioOnly }: CameraStepProps) {
  const { t } = useTranslation();
  const videoRef = useTrack<HTMLVideoElement>(camera);
  if (camera) {
    return (
      <>
        <p>{t('guest.camera.text')}</p>
        <video ref={videoRef} className="guest-preview mirrored" autoPlay playsInline muted aria-label={t('guest.camera.previewLabel')} />
        <div className="guest-actions">
          <button type="button" className="button button-primary" onClick={onOk}>
            {t('guest.camera.ok')}
          </button>
          <button type="button" className="button" onClick={onAudioOnly}>
            {t('guest.camera.audioOnly')}
          </button>
        </div>
      </>
    );
  }
  const denied = error === 'DEVICE_DENIED';
  return (
    <>
      <div className="guest-help" role="alert">
        <h2>{denied ? t('guest.camera.deniedHeading') : t('guest.camera.missingHeading')}</h2>
        <p>{denied ? t('guest.camera.deniedText') : t('guest.camera.missingText')}</p>
        {denied && <p>{t('guest.camera.deniedHowTo')}</p>}
      </div>
      <div className="guest-actions">
        <button type="button" className="button button-primary" onClick={onAudioOnly}>
          {t('guest.camera.audioOnly')}
        </button>
        <button type="button" className="button" onClick={onRetry}>
          {t('guest.camera.retry')}
        </button>
      </div>
    </>
  );
}
