import { useTranslation } from 'react-i18next';
import { CameraOffIcon, MicOffIcon, ReconnectingIcon, SpeakingIcon } from '../icons.tsx';
import { useTrack } from './useRoom.ts';

export type VideoTileProps = {
  name: string;
  /** The person's role in words, or null for this browser's own tile. */
  role: string | null;
  track: MediaStreamTrack | null;
  size: 'stage' | 'small';
  micMuted: boolean;
  cameraOff: boolean;
  speaking: boolean;
  reconnecting: boolean;
  /** People expect to see themselves as in a mirror. */
  mirrored?: boolean;
  /** For a shared screen: what the tile shows instead of the person's name. */
  title?: string;
};

function initialsOf(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]!.toUpperCase())
    .join('');
}

/** One participant's picture with name, role and state always written out, never shown by colour alone. */
export function VideoTile({ name, role, track, size, micMuted, cameraOff, speaking, reconnecting, mirrored = false, title }: VideoTileProps) {
  const { t } = useTranslation();
  const videoRef = useTrack<HTMLVideoElement>(cameraOff ? null : track);
  const heading = title ?? name;
  const label = role ? t('tile.nameAndRole', { name: heading, role }) : heading;
  const classes = ['tile', `tile-${size}`, speaking ? 'tile-speaking' : ''].filter(Boolean).join(' ');
  return (
    <figure className={classes} aria-label={label}>
      <div className="tile-picture">
        {track && !cameraOff ? (
          <video ref={videoRef} className={mirrored ? 'tile-video mirrored' : 'tile-video'} autoPlay playsInline muted />
        ) : (
          <div className="tile-placeholder" aria-hidden="true">
            {initialsOf(name)}
          </div>
        )}
      </div>
      <figcaption className="tile-caption">
        <span className="tile-name">{heading}</span>
        {role && <span className="tile-role">{role}</span>}
        <span className="tile-badges">
          {speaking && (
            <span className="badge badge-speaking">
              <SpeakingIcon /> {t('tile.speaking')}
            </span>
          )}
          {micMuted && (
            <span className="badge badge-muted">
              <MicOffIcon /> {t('tile.micMuted')}
            </span>
          )}
          {cameraOff && (
            <span className="badge">
              <CameraOffIcon /> {t('tile.cameraOff')}
            </span>
          )}
          {reconnecting && (
            <span className="badge">
              <ReconnectingIcon /> {t('tile.reconnecting')}
            </span>
          )}
        </span>
      </figcaption>
    </figure>
  );
}
