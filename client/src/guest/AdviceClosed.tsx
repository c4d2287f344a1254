import type { AdviceRefusal } from '@samplan/shared';
import { useTranslation } from 'react-i18next';
import { StepScreen } from '../devicecheck/StepScreen.tsx';
import { formatDateTime } from './formatTime.ts';

/** Outside the 7 days: when it closed (or that it has not opened), and whom to call instead. */
export function AdviceClosed({ refusal }: { refusal: AdviceRefusal }) {
  const { t, i18n } = useTranslation();
  const closed = refusal.code === 'ADVICE_WINDOW_CLOSED';
  return (
    <StepScreen heading={closed ? t('guest.advice.closedHeading') : t('guest.advice.notOpenHeading')}>
      <p className="guest-emphasis">
        {refusal.code === 'ADVICE_WINDOW_CLOSED'
          ? t('guest.advice.closedText', { date: formatDateTime(refusal.closedAt, i18n.language) })
          : t('guest.advice.notOpenText')}
      </p>
      <h2>{t('guest.advice.turnTo')}</h2>
      <ul className="turn-to">
        {refusal.turnTo.map((contact) => (
          <li key={contact}>{t(`guest.advice.${contact}`)}</li>
        ))}
      </ul>
      <p className="guest-acute">{t('guest.advice.emergency')}</p>
    </StepScreen>
  );
}
