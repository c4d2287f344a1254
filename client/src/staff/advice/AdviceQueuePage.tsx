/**
 * The geriatric team's queue: open and taken requests, acute first (the
 * server's order), each with the time left of its 7-day window. Take one,
 * then call back by video in one click or write the answer of a phone call;
 * either way the answer is an ISBAR note.
 */
import type { AdviceRequestView, InviteResponse } from '@samplan/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/endpoints.ts';
import { errorMessage } from '../../api/errorMessage.ts';
import { useStaff } from '../../app/auth.tsx';
import { formatDateTime } from '../../app/format.ts';
import { LoadStatus } from '../../app/LoadStatus.tsx';
import { useLoad } from '../../app/useLoad.ts';
import { useNotice } from '../../app/useNotice.ts';
import { RoomClient } from '../../room/RoomClient.ts';
import { Deadline } from '../Deadline.tsx';
import { cameAtNight } from '../deadlines.ts';
import { PatientName } from '../PatientName.tsx';
import { AdviceCall } from './AdviceCall.tsx';
import { IsbarForm } from './IsbarForm.tsx';
import { requesterInvite } from './requesterInvite.ts';

type InCall = { request: AdviceRequestView; conferenceId: string; client: RoomClient; invitation: InviteResponse | null; ringing: boolean };

/** A requester who did not ask from her own link (a colleague, or a link revoked since) is invited as to any conference. */
async function inviteRequester(request: AdviceRequestView, conferenceId: string): Promise<InviteResponse | null> {
  const episode = await api.episode(request.episodeId);
  const invite = requesterInvite(request, episode.careTeam.staff);
  return invite ? api.invite(conferenceId, invite) : null;
}

export function AdviceQueuePage() {
  const { t, i18n } = useTranslation();
  const queue = useLoad(() => api.adviceQueue().then((r) => r.adviceRequests), 'advice');
  useNotice(
    'day:changed',
    (notice) => {
      if (notice.change === 'advice') queue.reload();
    },
    queue.reload,
  );
  const [inCall, setInCall] = useState<InCall | null>(null);
  const [answered, setAnswered] = useState<AdviceRequestView | null>(null);

  if (inCall) {
    return (
      <div className="conference conference-in-call">
        <AdviceCall
          {...inCall}
          onAnswered={(request) => {
            setInCall(null);
            setAnswered(request);
            queue.reload();
          }}
        />
      </div>
    );
  }
  return (
    <div className="staff-page advice">
      <h1>{t('advice.heading')}</h1>
      {answered && (
        <p className="notice" role="status">
          {t('advice.answered', { when: answered.answeredAt ? formatDateTime(answered.answeredAt, i18n.language) : '' })} – {answered.patient.name}
        </p>
      )}
      {queue.status !== 'ok' ? (
        <LoadStatus loaded={queue} onRetry={queue.reload} />
      ) : queue.data.length === 0 ? (
        <p>{t('advice.empty')}</p>
      ) : (
        <ul className="advice-list">
          {queue.data.map((request) => (
            <li key={request.id}>
              <AdviceRequestCard request={request} onChanged={queue.reload} onCall={setInCall} onAnswered={(answer) => {
                  setAnswered(answer);
                  queue.reload();
                }} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function AdviceRequestCard({
  request,
  onChanged,
  onCall,
  onAnswered,
}: {
  request: AdviceRequestView;
  onChanged(): void;
  onCall(call: InCall): void;
  onAnswered(request: AdviceRequestView): void;
}) {
  const { t, i18n } = useTranslation();
  const me = useStaff();
  const [phone, setPhone] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const mine = request.takenBy?.id === me.staffId;
  const headingId = `advice-${request.id}`;

  const attempt = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (caught) {
      setError(errorMessage(t, caught, i18n.language));
    } finally {
      setBusy(false);
    }
  };

  const take = () => attempt(async () => {
    await api.takeAdvice(request.id);
    onChanged();
  });

  // One click: the advice call, the requester rung on her open page (or invited), and this geriatrician in it.
  const callBack = () => attempt(async () => {
    const { conference, ringing } = await api.callBack(request.id);
    const invitation = ringing ? null : await inviteRequester(request, conference.id);
    const client = new RoomClient({ getToken: () => api.roomToken(conference.id).then((answer) => answer.token) });
    void client.join(me.name);
    onCall({ request, conferenceId: conference.id, client, invitation, ringing });
  });

  return (
    <article className="card advice-card" aria-labelledby={headingId}>
      <h2 id={headingId}>
        <PatientName patient={request.patient} />
      </h2>
      <p className="tags">
        <span className={`tag tag-${request.urgency}`}>{t(`urgency.${request.urgency}`)}</span>
        <span className="tag">{t(`advice.channel.${request.channel}`)}</span>
        {cameAtNight(request.createdAt) && <span className="tag tag-night">{t('day.atNight')}</span>}
        {request.takenBy && <span className="tag">{t('advice.takenBy', { name: request.takenBy.name })}</span>}
      </p>
      <p>{t('advice.from', { name: request.requesterName, who: t(`advice.requester.${request.requestedBy}`) })}</p>
      <blockquote className="advice-question" aria-label={t('advice.question')}>
        {request.question}
      </blockquote>
      <p className="plan-meta">
        {t('advice.received', { when: formatDateTime(request.createdAt, i18n.language) })}
        {request.windowClosesAt && <> · {t('advice.windowLeft', { when: formatDateTime(request.windowClosesAt, i18n.language) })}</>}{' '}
        {request.msLeft !== null && <Deadline msLeft={request.msLeft} />}
      </p>
      {error && (
        <p className="error-notice" role="alert">
          {error}
        </p>
      )}
      <div className="actions">
        {request.state === 'open' && (
          <button type="button" className="button button-primary" disabled={busy} onClick={() => void take()}>
            {t('advice.take')}
          </button>
        )}
        {mine && request.state === 'taken' && (
          <>
            <button type="button" className="button button-primary" disabled={busy} onClick={() => void callBack()}>
              {busy ? t('advice.callingVideo') : t('advice.callVideo')}
            </button>
            <button type="button" className="button" aria-expanded={phone} onClick={() => setPhone(!phone)}>
              {t('advice.callPhone')}
            </button>
          </>
        )}
      </div>
      {phone && mine && (
        <>
          {request.requesterContact && <p className="notice">{t('advice.callBack', { phone: request.requesterContact })}</p>}
          <IsbarForm request={request} channel={{ kind: 'phone' }} onAnswered={onAnswered} />
        </>
      )}
    </article>
  );
}
