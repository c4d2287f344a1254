import type { ConferenceView } from '@samplan/shared';
import { useTranslation } from 'react-i18next';
import { StepScreen } from '../devicecheck/StepScreen.tsx';
import { formatDateTime } from './formatTime.ts';

type WaitingRoomProps = {
  conference: ConferenceView | null;
  selfId: string;
};

/** "You are in the waiting room": who runs the meeting, who is expected, and that nothing needs doing. */
export function WaitingRoom({ conference, selfId }: WaitingRoomProps) {
  const { t, i18n } = useTranslation();
  return (
    <StepScreen heading={t('guest.waiting.heading')}>
      <p className="guest-emphasis">{t('guest.waiting.text')}</p>
      <div className="waiting-spinner" aria-hidden="true" />
      {conference && (
        <>
          <p>{t('guest.waiting.startsAt', { time: formatDateTime(conference.scheduledStart, i18n.language) })}</p>
          <p>{t('guest.waiting.host', { name: conference.host.name })}</p>
          <h2>{t('guest.waiting.expected')}</h2>
          <ul className="expected-list">
            {conference.participants.map((participant) => {
              const self = participant.id === selfId;
              const inside = !self && participant.lobbyState === 'admitted' && participant.joinedAt !== null && participant.leftAt === null;
              return (
                <li key={participant.id}>
                  <span className="expected-name">
                    {participant.name} {self && t('guest.waiting.you')}
                  </span>
                  <span className="expected-role">{t(`roles.${participant.role}`)}</span>
                  <span className={inside ? 'badge badge-in' : 'badge'}>
                    <span aria-hidden="true">{inside ? '●' : '○'}</span>{' '}
                    {self ? t('guest.waiting.youWait') : inside ? t('guest.waiting.inside') : t('guest.waiting.notYet')}
                  </span>
                </li>
              );
            })}
          </ul>
        </>
      )}
      <p className="join-hint">{t('guest.waiting.stillWaiting')}</p>
    </StepScreen>
  );
}
