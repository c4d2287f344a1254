import { useTranslation } from 'react-i18next';
import type { ParticipantRole } from '@samplan/shared';
import { ConnectionStatus } from './ConnectionStatus.tsx';
import { Controls } from './Controls.tsx';
import { ErrorNotice } from './ErrorNotice.tsx';
import { PeerAudio } from './PeerAudio.tsx';
import type { RoomClient } from './RoomClient.ts';
import { connectionStateOf, isCameraOff, isMicMuted, sourceOf, type RemotePeer, type RoomState } from './roomState.ts';
import { stageOf } from './stage.ts';
import { VideoTile } from './VideoTile.tsx';

/**
 * The call: one big picture (a shared screen, else whoever spoke last), the
 * others and oneself small below it, and the buttons at the bottom.
 */
export function RoomView({ client, state }: { client: RoomClient; state: RoomState }) {
  const { t } = useTranslation();
  const stage = stageOf(state);
  const roleText = (role: ParticipantRole) => t(`roles.${role}`);

  const remoteTile = (peer: RemotePeer, size: 'stage' | 'small') => (
    <VideoTile
      key={peer.peerId}
      name={peer.displayName}
      role={roleText(peer.role)}
      track={sourceOf(peer, 'camera')?.track ?? null}
      size={size}
      micMuted={isMicMuted(peer)}
      cameraOff={isCameraOff(peer)}
      speaking={state.activeSpeakerId === peer.peerId}
      reconnecting={peer.connection === 'reconnecting'}
    />
  );

  const stagePeer = state.peers.find((peer) => peer.peerId === stage?.peerId);
  const screen = stagePeer && stage?.source === 'screen' ? sourceOf(stagePeer, 'screen') : null;
  const smallPeers = state.peers.filter((peer) => peer !== stagePeer || stage?.source === 'screen');

  return (
    <div className="room">
      <div className="room-bar">
        <ConnectionStatus state={connectionStateOf(state)} />
      </div>
      {state.error && <ErrorNotice code={state.error} onDismiss={() => client.dismissError()} />}
      <section className="stage">
        {stagePeer && screen ? (
          <VideoTile
            name={stagePeer.displayName}
            title={t('tile.screenOf', { name: stagePeer.displayName })}
            role={roleText(stagePeer.role)}
            track={screen.track}
            size="stage"
            micMuted={false}
            cameraOff={false}
            speaking={false}
            reconnecting={stagePeer.connection === 'reconnecting'}
          />
        ) : stagePeer ? (
          remoteTile(stagePeer, 'stage')
        ) : (
          <p className="stage-waiting">{t('room.waiting')}</p>
        )}
      </section>
      <section className="strip" aria-label={t('room.participants')}>
        {smallPeers.map((peer) => remoteTile(peer, 'small'))}
        <VideoTile
          name={state.self.displayName}
          title={t('tile.you')}
          role={null}
          track={state.self.camera}
          size="small"
          micMuted={state.self.micMuted}
          cameraOff={state.self.cameraOff || state.self.camera === null}
          speaking={state.self.peerId !== null && state.activeSpeakerId === state.self.peerId}
          reconnecting={false}
          mirrored
        />
      </section>
      <Controls client={client} self={state.self} />
      {state.peers.map((peer) => {
        const mic = sourceOf(peer, 'mic');
        return mic?.track ? <PeerAudio key={mic.producerId} track={mic.track} /> : null;
      })}
    </div>
  );
}
