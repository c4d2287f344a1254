import { type ConferenceView, isRelativeParty } from '@samplan/shared';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../app/format.ts';
import { Link } from '../../app/Link.tsx';
import { pathOf } from '../../app/router.ts';

/**
 * Each conference with who actually took part (joined), and whether the plan
 * was agreed in it: then who was there at that moment and who said yes for
 * each party. Each relative said yes for herself; a representative's yes for
 * the patient says so ("Hanne Jensen on behalf of Karen Jensen, power of attorney").
 */
export function ConferencesCard({ conferences }: { conferences: readonly ConferenceView[] }) {
  const { t, i18n } = useTranslation();
  return (
    <section className="card" aria-labelledby="conferences-heading">
      <h2 id="conferences-heading">{t('episode.conferencesHeading')}</h2>
      {conferences.length === 0 ? (
        <p>{t('episode.noConferences')}</p>
      ) : (
        <ul className="rows">
          {conferences.map((conference) => {
            const tookPart = conference.participants.filter((participant) => participant.joinedAt !== null);
            return (
              <li key={conference.id} className="row conference-row">
                <Link href={pathOf({ name: 'conference', conferenceId: conference.id })}>{t(`kinds.${conference.kind}`)}</Link>
                <span>{formatDateTime(conference.scheduledStart, i18n.language)}</span>
                <span className="tag">{t(`conferenceStatus.${conference.status}`)}</span>
                {conference.agreedRevisionId && (
                  <span className="tag tag-agreed">
                    <span aria-hidden="true">✓ </span>
                    {t('episode.agreedInConference')}
                  </span>
                )}
                {conference.agreedWith && (
                  <>
                    <span className="row-people">
                      {t('episode.agreedPresent', {
                        revision: conference.agreedWith.revision,
                        names: conference.agreedWith.present.map((person) => `${person.name} (${t(`roles.${person.role}`)})`).join(', '),
                      })}
                    </span>
                    <span className="row-people">
                      {t('episode.agreedBy', {
                        names: conference.agreedWith.agreedBy.map((given) => givenInWords(t, given, i18n.language)).join('; '),
                      })}
                    </span>
                  </>
                )}
                {tookPart.length > 0 && (
                  <span className="row-people">
                    {t('episode.tookPart', { names: tookPart.map((participant) => `${participant.name} (${t(`roles.${participant.role}`)})`).join(', ') })}
                  </span>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

type Given = NonNullable<ConferenceView['agreedWith']>['agreedBy'][number];

function givenInWords(t: TFunction, given: Given, language: string): string {
  const at = formatDateTime(given.at, language);
  if (isRelativeParty(given.party)) return t('episode.agreedGivenRelative', { name: given.name, at });
  const party = t(`agreement.parties.${given.party}`);
  if (given.onBehalfOf === null) return t('episode.agreedGiven', { party, name: given.name, at });
  return t('episode.agreedGivenOnBehalf', { party, name: given.name, patient: given.onBehalfOf.name, as: t(`agreement.onBehalf.${given.onBehalfOf.as}`), at });
}
