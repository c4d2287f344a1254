import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { captureCameraAndMic, type CapturedMedia } from '../room/localMedia.ts';
import { CameraStep } from './CameraStep.tsx';
import type { ConnectionResult } from './connectionTest.ts';
import { ConnectionStep } from './ConnectionStep.tsx';
import { MicStep } from './MicStep.tsx';
import { NameStep } from './NameStep.tsx';
import { SpeakerStep } from './SpeakerStep.tsx';
import { StepScreen } from './StepScreen.tsx';

/** The order the issue asks for: see yourself, be heard, hear, be named, connect. */
export const CHECK_STEPS = ['camera', 'mic', 'speaker', 'name', 'connection'] as const;
type CheckStep = (typeof CHECK_STEPS)[number];

export type DeviceCheckResult = {
  displayName: string;
  /** Handed on to the call, which then owns (and stops) them. */
  media: CapturedMedia;
  /** Chosen by the person or forced by a missing camera: the call must not ask for the camera again. */
  audioOnly: boolean;
};

export type DeviceCheckProps = {
  /** The name on the invitation. */
  initialName: string;
  checkConnection(): Promise<ConnectionResult>;
  onDone(result: DeviceCheckResult): void;
  capture?: () => Promise<CapturedMedia>;
};

function stopAll(media: CapturedMedia | null): void {
  media?.mic?.stop();
  media?.camera?.stop();
}

/** The check before joining, one step per screen; every failure has a way on. */
export function DeviceCheck({ initialName, checkConnection, onDone, capture = captureCameraAndMic }: DeviceCheckProps) {
  const { t } = useTranslation();
  const [step, setStep] = useState<CheckStep>('camera');
  const [media, setMedia] = useState<CapturedMedia | null>(null);
  const [audioOnly, setAudioOnly] = useState(false);
  const audioOnlyRef = useRef(false);
  const [name, setName] = useState(initialName);
  const handedOver = useRef(false);
  const latest = useRef<CapturedMedia | null>(null);

  const start = () => {
    stopAll(latest.current);
    latest.current = null;
    setMedia(null);
    void capture().then((captured) => {
      // Someone who chose to go on without the camera is not shown it again by a microphone retry.
      if (audioOnlyRef.current) captured.camera?.stop();
      const kept = audioOnlyRef.current ? { ...captured, camera: null } : captured;
      latest.current = kept;
      setMedia(kept);
    });
  };
  useEffect(() => {
    start();
    return () => {
      if (!handedOver.current) stopAll(latest.current);
    };
  }, []);

  const index = CHECK_STEPS.indexOf(step);
  const go = (to: CheckStep) => setStep(to);
  const back = index > 0 ? () => go(CHECK_STEPS[index - 1]!) : undefined;
  const position = { index: index + 1, total: CHECK_STEPS.length };

  const continueWithoutCamera = () => {
    latest.current?.camera?.stop();
    const withoutCamera = latest.current ? { ...latest.current, camera: null } : null;
    latest.current = withoutCamera;
    setMedia(withoutCamera);
    audioOnlyRef.current = true;
    setAudioOnly(true);
    go('mic');
  };

  const finish = () => {
    handedOver.current = true;
    onDone({ displayName: name, media: latest.current ?? { mic: null, camera: null, error: null }, audioOnly: audioOnly || !latest.current?.camera });
  };

  switch (step) {
    case 'camera':
      return (
        <StepScreen heading={t('guest.camera.heading')} step={position}>
          {media === null ? (
            <p className="guest-state" role="status">
              {t('guest.camera.starting')}
            </p>
          ) : (
            <CameraStep camera={media.camera} error={media.error} onOk={() => go('mic')} onRetry={start} onAudioOnly={continueWithoutCamera} />
          )}
        </StepScreen>
      );
    case 'mic':
      return (
        <StepScreen heading={t('guest.mic.heading')} step={position} onBack={back}>
          {audioOnly && <p className="guest-note">{t('guest.camera.audioOnlyChosen')}</p>}
          <MicStep mic={media?.mic ?? null} error={media?.error ?? null} onOk={() => go('speaker')} onRetry={start} />
        </StepScreen>
      );
    case 'speaker':
      return (
        <StepScreen heading={t('guest.speaker.heading')} step={position} onBack={back}>
          <SpeakerStep onOk={() => go('name')} />
        </StepScreen>
      );
    case 'name':
      return (
        <StepScreen heading={t('guest.name.heading')} step={position} onBack={back}>
          <NameStep
            initialName={name}
            onOk={(chosen) => {
              setName(chosen);
              go('connection');
            }}
          />
        </StepScreen>
      );
    case 'connection':
      return (
        <StepScreen heading={t('guest.connection.heading')} step={position} onBack={back}>
          <ConnectionStep check={checkConnection} onOk={finish} />
        </StepScreen>
      );
  }
}
