import type { EpisodeSummary } from '@samplan/shared';
import { useTranslation } from 'react-i18next';

/** "Genindlæggelse" on the new episode, "genindlagt inden 30 dage" on the one before: derived by the server from the record. */
export function ReadmissionTags({ readmission }: { readmission: EpisodeSummary['readmission'] }) {
  const { t } = useTranslation();
  return (
    <>
      {readmission.isReadmission && (
        <span className="tag tag-urgent" title={t('episode.readmissionHint')}>
          {t('episode.readmission')}
        </span>
      )}
      {readmission.readmittedWithin30Days && (
        <span className="tag tag-urgent" title={t('episode.readmittedHint')}>
          {t('episode.readmitted')}
        </span>
      )}
    </>
  );
}
