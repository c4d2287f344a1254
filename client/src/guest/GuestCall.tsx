import type { PlanSnapshot } from '@samplan/shared';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceCheckResult } from '../devicecheck/DeviceCheck.tsx';
import { StepScreen } from '../devicecheck/StepScreen.tsx';
import { PlainPlan } from '../print/PlainPlan.tsx';
import { PrintablePlan, PrintButton } from '../print/PrintablePlan.tsx';
import { RoomClient } from '../room/RoomClient.ts';
import { RoomView } from '../room/RoomView.tsx';
import { exposeTestHook } from '../room/testHook.ts';
import { useRoomState } from '../room/useRoom.ts';
import type { RoomEntry } from './admission.ts';
import type { GuestApi } from './guestApi.ts';
import { mediaForCall } from './guestMedia.ts';

/** Until the plan moves live over the call's socket (PlanPanel), the guest's copy refreshes this often. */
const PLAN_REFRESH_MS = 5_000;

type GuestCallProps = {
  api: Pick<GuestApi, 'roomToken' | 'plan'>;
  conferenceId: string;
  episodeId: string;
  patientName: string;
  entry: RoomEntry;
  checked: DeviceCheckResult;
};

/** The call with the plan beside it (below it on a narrow screen), in plain words. */
export function GuestCall({ api, conferenceId, episodeId, patientName, entry, checked }: GuestCallProps) {
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
  const plan = usePlan(api, episodeId);

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

  if (state.phase === 'ended' || (state.phase === 'idle' && state.error)) {
    return (
      <StepScreen heading={state.phase === 'ended' && !state.error ? t('guest.call.leftHeading') : t('guest.link.networkHeading')}>
        <div className="guest-actions">
          <button type="button" className="button button-primary" onClick={() => void client.join(checked.displayName)}>
            {t('guest.call.rejoin')}
          </button>
          {plan && <PrintButton />}
        </div>
        {plan && <PrintablePlan plan={plan} patientName={patientName} printedAt={new Date().toISOString()} />}
      </StepScreen>
    );
  }
  return (
    <>
      <div className="guest-call">
        <div className="guest-call-video">
          <RoomView client={client} state={state} />
        </div>
        <aside className="guest-call-plan" aria-labelledby="guest-plan-heading">
          <h2 id="guest-plan-heading">{t('guest.call.planHeading')}</h2>
          {plan ? <PlainPlan plan={plan} headingLevel={3} /> : <p role="status">{t('guest.link.opening')}</p>}
          {plan && <PrintButton />}
        </aside>
      </div>
      {plan && <PrintablePlan plan={plan} patientName={patientName} printedAt={new Date().toISOString()} />}
    </>
  );
}

function usePlan(api: Pick<GuestApi, 'plan'>, episodeId: string): PlanSnapshot | null {
  const [plan, setPlan] = useState<PlanSnapshot | null>(null);
  useEffect(() => {
    let current = true;
    const load = () =>
      void api.plan(episodeId).then(
        (snapshot) => current && setPlan(snapshot),
        // A missed refresh keeps the copy on screen; the next one tries again.
        () => undefined,
      );
    load();
    const timer = setInterval(load, PLAN_REFRESH_MS);
    return () => {
      current = false;
      clearInterval(timer);
    };
  }, [api, episodeId]);
  return plan;
}
