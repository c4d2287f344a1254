import { useTranslation } from 'react-i18next';
import { formatDuration } from '../app/format.ts';
import { urgencyOf } from './deadlines.ts';

/** Time left or overdue, in words first; colour only repeats what the words say. */
export function Deadline({ msLeft }: { msLeft: number }) {
  const { t, i18n } = useTranslation();
  const urgency = urgencyOf(msLeft);
  const time = formatDuration(msLeft, i18n.language);
  return (
    <span className={`deadline deadline-${urgency}`}>
      {urgency === 'overdue' ? (
        <>
          <span aria-hidden="true">⚠ </span>
          {t('time.overdue', { time })}
        </>
      ) : (
        t('time.left', { time })
      )}
    </span>
  );
}
