import type { EpisodeDetail } from '@samplan/shared';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../app/format.ts';

export function PatientCard({ episode }: { episode: EpisodeDetail }) {
  const { t, i18n } = useTranslation();
  const { patient } = episode;
  return (
    <section className="card" aria-labelledby="patient-heading">
      <h2 id="patient-heading">{t('episode.patientHeading')}</h2>
      <dl className="facts">
        <dt>{t('episode.cpr')}</dt>
        <dd>{patient.cpr}</dd>
        <dt>{t('episode.born')}</dt>
        <dd>{formatDate(`${patient.dateOfBirth}T12:00:00Z`, i18n.language)}</dd>
        {patient.phone && (
          <>
            <dt>{t('episode.phone')}</dt>
            <dd>{patient.phone}</dd>
          </>
        )}
        <dt>{t('episode.municipality')}</dt>
        <dd>{patient.homeMunicipality.name}</dd>
        <dt>{t('episode.ward')}</dt>
        <dd>{episode.ward.name}</dd>
        {episode.unit && (
          <>
            <dt>{t('episode.unit')}</dt>
            <dd>{episode.unit}</dd>
          </>
        )}
        {episode.gpPractice && (
          <>
            <dt>{t('episode.gpPractice')}</dt>
            <dd>{episode.gpPractice.name}</dd>
          </>
        )}
        <dt>{t('episode.screening')}</dt>
        <dd>{episode.screeningScore ?? t('episode.noScreening')}</dd>
      </dl>
      {episode.recommendations.length === 0 ? (
        <p>{t('episode.noRecommendation')}</p>
      ) : (
        <ul>
          {episode.recommendations.map((recommendation) => (
            <li key={recommendation}>
              <strong>{t(`episode.recommendations.${recommendation}`)}</strong>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
