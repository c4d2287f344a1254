import { useTranslation } from 'react-i18next';
import { CameraIcon, CameraOffIcon, LeaveIcon, MicIcon, MicOffIcon, ScreenIcon } from '../icons.tsx';
import type { RoomClient } from './RoomClient.ts';
import type { LocalParticipant } from './roomState.ts';

/**
 * Big buttons with words on them. Each button says what pressing it does;
 * the state it is in shows as its look and in the own tile's badges.
 */
export function Controls({ client, self }: { client: RoomClient; self: LocalParticipant }) {
  const { t } = useTranslation();
  const sharing = self.screen !== null;
  const canShare = typeof navigator.mediaDevices?.getDisplayMedia === 'function';
  return (
    <div className="controls" role="group" aria-label={t('controls.toolbar')}>
      <button type="button" className={self.micMuted ? 'control control-off' : 'control'} onClick={() => void client.setMicMuted(!self.micMuted)}>
        {self.micMuted ? <MicOffIcon /> : <MicIcon />}
        {self.micMuted ? t('controls.micOn') : t('controls.micOff')}
      </button>
      <button type="button" className={self.cameraOff ? 'control control-off' : 'control'} onClick={() => void client.setCameraOff(!self.cameraOff)}>
        {self.cameraOff ? <CameraOffIcon /> : <CameraIcon />}
        {self.cameraOff ? t('controls.cameraOn') : t('controls.cameraOff')}
      </button>
      {canShare && (
        <button type="button" className={sharing ? 'control control-active' : 'control'} onClick={() => void (sharing ? client.stopScreenShare() : client.startScreenShare())}>
          <ScreenIcon />
          {sharing ? t('controls.stopSharing') : t('controls.shareScreen')}
        </button>
      )}
      <button type="button" className="control control-leave" onClick={() => void client.leave()}>
        <LeaveIcon />
        {t('controls.leave')}
      </button>
    </div>
  );
}
