/**
 * Running a conference: before joining, the lobby and a join button; in the
 * call, the video with the live plan beside it and the lobby above, so the
 * host lets people in without leaving the call; "end" records the agreed
 * revision with who took part (the server does that on /end).
 */
import { type ConferenceView, isConferenceOver } from '@samplan/shared';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/endpoints.ts';
import { errorMessage } from '../../api/errorMessage.ts';
import { useStaff } from '../../app/auth.tsx';
import { formatDateTime } from '../../app/format.ts';
import { Link } from '../../app/Link.tsx';
import { LoadStatus } from '../../app/LoadStatus.tsx';
import { pathOf } from '../../app/router.ts';
import { useLoad } from '../../app/useLoad.ts';
import { RoomClient } from '../../room/RoomClient.ts';
import { LobbyPanel } from './LobbyPanel.tsx';
import { MessagesPanel } from './MessagesPanel.tsx';
import { MoveConference } from './MoveConference.tsx';
import { StaffCall } from './StaffCall.tsx';
import { useConference } from './useConference.ts';

export function ConferencePage({ conferenceId }: { conferenceId: string }) {
  const conference = useConference(conferenceId);
  if (conference.status !== 'ok') {
    return (
      <div className="staff-page">
        <LoadStatus loaded={conference} onRetry={conference.reload} />
      </div>
    );
  }
  return <ConferenceContent conference={conference.data} onChanged={conference.reload} />;
}

function ConferenceContent({ conference, onChanged }: { conference: ConferenceView; onChanged(): void }) {
  const { t, i18n } = useTranslation();
  const me = useStaff();
  const episode = useLoad(() => api.episode(conference.episodeId), conference.episodeId);
  const [client, setClient] = useState<RoomClient | null>(null);
  const [error, setError] = useState<string | null>(null);
  const over = isConferenceOver(conference.status);
  const allowed = episode.status === 'ok' ? episode.data.allowedActions : [];
  const canAdmit = allowed.includes('conference:admit');
  const canSchedule = allowed.includes('conference:schedule');
  const patientName = episode.status === 'ok' ? episode.data.patient.name : '';
  const advice = episode.status === 'ok' ? episode.data.clocks.adviceWindow : null;
  const onLeft = useCallback(() => setClient(null), []);

  function join() {
    const next = new RoomClient({ getToken: () => api.roomToken(conference.id).then((answer) => answer.token) });
    setClient(next);
    void next.join(me.name);
  }

  async function end() {
    if (!window.confirm(t('conference.confirmEnd'))) return;
    setError(null);
    try {
      await api.endConference(conference.id);
      await client?.leave();
      setClient(null);
      onChanged();
    } catch (caught) {
      setError(errorMessage(t, caught, i18n.language));
    }
  }

  return (
    <div className={client ? 'conference conference-in-call' : 'staff-page conference'}>
      <div className="page-head conference-head">
        <div>
          <h1>{t('conference.heading', { kind: t(`kinds.${conference.kind}`), name: patientName })}</h1>
          <p className="plan-meta">
            {t('conference.startsAt', { when: formatDateTime(conference.scheduledStart, i18n.language) })} · {t(`conferenceStatus.${conference.status}`)}
          </p>
        </div>
        <div className="actions-inline">
          <Link className="button link-button" href={pathOf({ name: 'episode', episodeId: conference.episodeId })}>
            {t('conference.toEpisode')}
          </Link>
          {!over && !client && (
            <button type="button" className="button button-primary" onClick={join}>
              {t('conference.join')}
            </button>
          )}
          {!over && canAdmit && (
            <button type="button" className="button control-leave" onClick={() => void end()}>
              {t('conference.end')}
            </button>
          )}
        </div>
      </div>
      {error && (
        <p className="error-notice" role="alert">
          {error}
        </p>
      )}
      {over ? (
        <p className="notice">{t('conference.ended')}</p>
      ) : (
        // In the call the lobby shows only when someone waits, to leave the room to the video.
        (!client || conference.participants.some((p) => p.lobbyState === 'waiting')) && <LobbyPanel conference={conference} canAdmit={canAdmit} onChanged={onChanged} />
      )}
      {!client && canSchedule && (conference.status === 'scheduled' || conference.status === 'open') && <MoveConference conference={conference} onMoved={onChanged} />}
      {!client && canSchedule && <MessagesPanel key={`${conference.scheduledStart} ${conference.status}`} conference={conference} />}
      {client && <StaffCall client={client} conferenceId={conference.id} adviceLineUntil={advice?.state === 'open' ? advice.closesAt : null} onLeft={onLeft} />}
    </div>
  );
}
