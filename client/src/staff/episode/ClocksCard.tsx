import type { EpisodeDetail } from '@samplan/shared';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../app/format.ts';
import { Deadline } from '../Deadline.tsx';

/** The pathway's deadlines, derived by the server from admission and discharge. */
export function ClocksCard({ episode }: { episode: EpisodeDetail }) {
  const { t, i18n } = useTranslation();
  const when = (iso: string) => formatDateTime(iso, i18n.language);
  const { clocks } = episode;
  const advice = clocks.adviceWindow;
  return (
    <section className="card" aria-labelledby="clocks-heading">
      <h2 id="clocks-heading">{t('episode.clocksHeading')}</h2>
      <ul className="rows">
        <li className="row">{t('episode.clockGoal', { from: when(clocks.goalConversation.from), until: when(clocks.goalConversation.until) })}</li>
        {clocks.receptionVisitDue && <li className="row">{t('episode.clockReception', { when: when(clocks.receptionVisitDue) })}</li>}
        {clocks.followUpVisitDue && <li className="row">{t('episode.clockFollowUp', { when: when(clocks.followUpVisitDue) })}</li>}
        <li className="row">
          {advice.state === 'open' ? (
            <>
              {t('episode.clockAdviceOpen', { when: when(advice.closesAt) })} <Deadline msLeft={advice.msLeft} />
            </>
          ) : advice.state === 'closed' ? (
            t('episode.clockAdviceClosed', { when: when(advice.closedAt) })
          ) : (
            t('episode.clockAdviceNotOpen')
          )}
        </li>
      </ul>
    </section>
  );
}
