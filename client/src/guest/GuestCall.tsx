import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceCheckResult } from '../devicecheck/DeviceCheck.tsx';
import { StepScreen } from '../devicecheck/StepScreen.tsx';
import { PlanPanel } from '../plan/PlanPanel.tsx';
import { PrintPlanButton } from '../print/PrintablePlan.tsx';
import { ErrorNotice } from '../room/ErrorNotice.tsx';
import { RoomClient } from '../room/RoomClient.ts';
import { RoomView } from '../room/RoomView.tsx';
import { exposeTestHook } from '../room/testHook.ts';
import { useRoomState } from '../room/useRoom.ts';
import type { RoomEntry } from './admission.ts';
import type { GuestApi } from './guestApi.ts';
import { mediaForCall } from './guestMedia.ts';

type GuestCallProps = {
  api: Pick<GuestApi, 'roomToken' | 'plan'>;
  conferenceId: string;
  episodeId: string;
  patientName: string;
  entry: RoomEntry;
  checked: DeviceCheckResult;
  /** The host sent her back to wait: the waiting room takes over, as before she was let in. */
  onBackToLobby(): void;
};

/** The call with the live plan beside it (below it on a narrow screen), in plain words: agree and add wishes there. */
export function GuestCall({ api, conferenceId, episodeId, patientName, entry, checked, onBackToLobby }: GuestCallProps) {
  const { t } = useTranslation();
  const [client] = useState(() => {
    let first: string | null = entry.token;
    return new RoomClient({
      // The admission's token for the first join; a rejoin asks again, as the host may have let the guest out since.
      getToken: async () => {
        const token = first ?? (await api.roomToken(conferenceId)).token;
        first = null;
        return token;
      },
      captureCameraAndMic: mediaForCall(checked.media, checked.audioOnly),
    });
  });
  const state = useRoomState(client);
  const loadPlan = () => api.plan(episodeId);

  useEffect(() => exposeTestHook(client), [client]);
  useEffect(() => {
    void client.join(checked.displayName);
    const leave = () => void client.leave();
    window.addEventListener('pagehide', leave);
    return () => {
      window.removeEventListener('pagehide', leave);
      leave();
    };
  }, [client, checked.displayName]);

  const backInLobby = state.phase === 'ended' && state.error === 'BACK_IN_LOBBY';
  useEffect(() => {
    if (backInLobby) onBackToLobby();
  }, [backInLobby, onBackToLobby]);

  if (state.phase === 'ended' && state.error === 'REMOVED') {
    return (
      <StepScreen heading={t('guest.call.removedHeading')}>
        <p>{t('guest.call.removedText')}</p>
      </StepScreen>
    );
  }
  if (state.phase === 'ended' || (state.phase === 'idle' && state.error)) {
    // The host ended the meeting: nothing to go back into.
    if (state.error === 'ROOM_CLOSED') {
      return (
        <StepScreen heading={t('guest.link.endedHeading')}>
          <p>{t('guest.link.endedText')}</p>
          <div className="guest-actions">
            <PrintPlanButton load={loadPlan} patientName={patientName} />
          </div>
        </StepScreen>
      );
    }
    return (
      <StepScreen heading={state.error ? t('guest.link.networkHeading') : t('guest.call.leftHeading')}>
        {state.error && <ErrorNotice code={state.error} />}
        <div className="guest-actions">
          <button type="button" className="button button-primary" onClick={() => void client.join(checked.displayName)}>
            {t('guest.call.rejoin')}
          </button>
          <PrintPlanButton load={loadPlan} patientName={patientName} />
        </div>
      </StepScreen>
    );
  }
  return (
    <div className="guest-call">
      <div className="guest-call-video">
        <RoomView client={client} state={state} />
      </div>
      <div className="guest-call-plan">
        <PlanPanel conferenceId={conferenceId} mode="plain" />
        <PrintPlanButton load={loadPlan} patientName={patientName} />
      </div>
    </div>
  );
}
