import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StepScreen } from '../devicecheck/StepScreen.tsx';
import { ErrorNotice } from '../room/ErrorNotice.tsx';
import { RoomClient } from '../room/RoomClient.ts';
import { RoomView } from '../room/RoomView.tsx';
import { exposeTestHook } from '../room/testHook.ts';
import { useRoomState } from '../room/useRoom.ts';
import type { GuestApi } from './guestApi.ts';

type CallBackCallProps = {
  api: Pick<GuestApi, 'callBackRoomToken'>;
  conferenceId: string;
  displayName: string;
  /** Back to her advice page (the call ended or she left it). */
  onDone(): void;
};

/**
 * The geriatric team's call-back by video, entered with one tap from her
 * advice page: her own session asks for the room token, so no link was sent
 * and none is needed. Camera and microphone are asked for as it starts.
 */
export function CallBackCall({ api, conferenceId, displayName, onDone }: CallBackCallProps) {
  const { t } = useTranslation();
  const [client] = useState(() => new RoomClient({ getToken: async () => (await api.callBackRoomToken(conferenceId)).token }));
  const state = useRoomState(client);

  useEffect(() => exposeTestHook(client), [client]);
  useEffect(() => {
    void client.join(displayName);
    const leave = () => void client.leave();
    window.addEventListener('pagehide', leave);
    return () => {
      window.removeEventListener('pagehide', leave);
      leave();
    };
  }, [client, displayName]);

  if (state.phase === 'ended' || (state.phase === 'idle' && state.error)) {
    const over = state.error === 'ROOM_CLOSED' || state.error === 'REMOVED';
    return (
      <StepScreen heading={over ? t('guest.callBack.endedHeading') : state.error ? t('guest.link.networkHeading') : t('guest.call.leftHeading')}>
        {state.error && !over && <ErrorNotice code={state.error} />}
        <div className="guest-actions">
          {!over && (
            <button type="button" className="button button-primary" onClick={() => void client.join(displayName)}>
              {t('guest.call.rejoin')}
            </button>
          )}
          <button type="button" className="button" onClick={onDone}>
            {t('guest.callBack.back')}
          </button>
        </div>
      </StepScreen>
    );
  }
  return (
    <div className="guest-call">
      <div className="guest-call-video">
        <RoomView client={client} state={state} />
      </div>
    </div>
  );
}
