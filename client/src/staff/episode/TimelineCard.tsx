import type { EpisodeDetail } from '@samplan/shared';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../app/format.ts';
import { timelineDetail } from './timelineDetail.ts';

export function TimelineCard({ episode }: { episode: EpisodeDetail }) {
  const { t, i18n } = useTranslation();
  return (
    <section className="card" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">{t('episode.timelineHeading')}</h2>
      <ol className="rows timeline">
        {episode.timeline.map((entry, index) => (
          <li key={`${entry.at}-${index}`} className="row">
            <span className="row-time">{formatDateTime(entry.at, i18n.language)}</span>
            <strong>{t(`episode.timeline.${entry.kind}`)}</strong>
            {entry.detail && <span>{timelineDetail(t, entry)}</span>}
          </li>
        ))}
      </ol>
    </section>
  );
}
