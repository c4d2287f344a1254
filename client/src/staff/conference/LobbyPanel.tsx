import type { ConferenceView } from '@samplan/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/endpoints.ts';
import { errorMessage } from '../../api/errorMessage.ts';

/** Who waits to be let in (admit or remove), and everyone else's state in words. */
export function LobbyPanel({ conference, canAdmit, onChanged }: { conference: ConferenceView; canAdmit: boolean; onChanged(): void }) {
  const { t, i18n } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const waiting = conference.participants.filter((p) => p.lobbyState === 'waiting');
  const others = conference.participants.filter((p) => p.lobbyState !== 'waiting');

  const change = (participantId: string, state: 'admitted' | 'removed') => {
    setError(null);
    api.setLobbyState(conference.id, participantId, state).then(onChanged, (caught: unknown) => setError(errorMessage(t, caught, i18n.language)));
  };

  return (
    <section className="card lobby" aria-labelledby="lobby-heading">
      <h2 id="lobby-heading">{t('conference.lobbyHeading')}</h2>
      <div aria-live="polite">
        {waiting.length === 0 ? (
          <p>{t('conference.nobodyWaiting')}</p>
        ) : (
          <ul className="rows">
            {waiting.map((participant) => (
              <li key={participant.id} className="row lobby-waiting">
                <strong>{participant.name}</strong> <span>{t(`roles.${participant.role}`)}</span>
                <span className="tag tag-waiting">{t('lobby.waiting')}</span>
                {canAdmit && (
                  <span className="actions-inline">
                    <button type="button" className="button button-primary button-small" onClick={() => change(participant.id, 'admitted')}>
                      {t('conference.admit', { name: participant.name })}
                    </button>
                    <button type="button" className="button button-small" onClick={() => change(participant.id, 'removed')}>
                      {t('conference.remove', { name: participant.name })}
                    </button>
                  </span>
                )}
              </li>
            ))}
          </ul>
        )}
      </div>
      {error && (
        <p className="error-notice" role="alert">
          {error}
        </p>
      )}
      <h3>{t('conference.participantsHeading')}</h3>
      <ul className="rows">
        {others.map((participant) => (
          <li key={participant.id} className="row">
            <span>
              {participant.name}, {t(`roles.${participant.role}`)}
            </span>
            <span className="tag">{t(`lobby.${participant.lobbyState}`)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
