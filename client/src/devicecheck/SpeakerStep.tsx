import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { playTone } from './tone.ts';

/** A tone on request; someone who hears nothing is told what to try. */
export function SpeakerStep({ onOk }: { onOk(): void }) {
  const { t } = useTranslation();
  const [playing, setPlaying] = useState(false);
  const [played, setPlayed] = useState(false);
  const [notHeard, setNotHeard] = useState(false);
  const play = () => {
    setPlaying(true);
    setNotHeard(false);
    void playTone().finally(() => {
      setPlaying(false);
      setPlayed(true);
    });
  };
  return (
    <>
      <p>{t('guest.speaker.text')}</p>
      <div className="guest-actions">
        <button type="button" className={played ? 'button' : 'button button-primary'} onClick={play} disabled={playing}>
          {playing ? t('guest.speaker.playing') : t('guest.speaker.play')}
        </button>
      </div>
      {notHeard && (
        <p className="guest-help" role="alert">
          {t('guest.speaker.notHeardHelp')}
        </p>
      )}
      {played && (
        <div className="guest-actions">
          <button type="button" className="button button-primary" onClick={onOk}>
            {t('guest.speaker.ok')}
          </button>
          <button type="button" className="button" onClick={() => setNotHeard(true)}>
            {t('guest.speaker.notHeard')}
          </button>
        </div>
      )}
    </>
  );
}
