import type { AdviceRequestView, InviteResponse } from '@samplan/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/endpoints.ts';
import { CallLayout } from '../../room/CallLayout.tsx';
import type { RoomClient } from '../../room/RoomClient.ts';
import { RoomView } from '../../room/RoomView.tsx';
import { useRoomState } from '../../room/useRoom.ts';
import { LobbyPanel } from '../conference/LobbyPanel.tsx';
import { useCallLifetime } from '../conference/useCallLifetime.ts';
import { useConference } from '../conference/useConference.ts';
import { IsbarForm } from './IsbarForm.tsx';

type AdviceCallProps = {
  request: AdviceRequestView;
  conferenceId: string;
  client: RoomClient;
  /** The requester's link, shown once: read out on the phone or sent by text. */
  invitation: InviteResponse | null;
  /** The requester asked from her link: her open page rings, and she joins from it. */
  ringing: boolean;
  onAnswered(request: AdviceRequestView): void;
};

/** The advice call: video, the requester's link and the lobby, and the ISBAR note beside it. Answering ends the call. */
export function AdviceCall({ request, conferenceId, client, invitation, ringing, onAnswered }: AdviceCallProps) {
  const { t } = useTranslation();
  const state = useRoomState(client);
  useCallLifetime(client);
  const conference = useConference(conferenceId);
  const [copied, setCopied] = useState(false);
  const link = invitation?.joinLink ? `${window.location.origin}${invitation.joinLink.path}` : null;

  async function answered(answer: AdviceRequestView) {
    await api.endConference(conferenceId).catch(() => undefined);
    await client.leave();
    onAnswered(answer);
  }

  return (
    <CallLayout
      aside={
        <aside className="plan-panel advice-aside" aria-label={t('advice.isbarHeading')}>
          {link && (
            <div className="join-link">
              <label htmlFor="advice-link">
                <strong>{t('schedule.guestLink', { name: request.requesterName })}</strong>
              </label>
              <input id="advice-link" readOnly value={link} className="join-link-url" onFocus={(e) => e.target.select()} />
              <button type="button" className="button button-small" onClick={() => void navigator.clipboard?.writeText(link).then(() => setCopied(true))}>
                {copied ? t('schedule.copied') : t('schedule.copyShort')}
              </button>
              {request.requesterContact && <p className="plan-meta">{t('advice.callBack', { phone: request.requesterContact })}</p>}
            </div>
          )}
          {ringing && (
            <p className="notice" role="status">
              {t('advice.ringing', { name: request.requesterName })}
            </p>
          )}
          {conference.status === 'ok' && <LobbyPanel conference={conference.data} canAdmit onChanged={conference.reload} />}
          <IsbarForm request={request} channel={{ kind: 'video', conferenceId }} onAnswered={(answer) => void answered(answer)} />
        </aside>
      }
    >
      <RoomView client={client} state={state} />
    </CallLayout>
  );
}
