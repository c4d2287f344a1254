import type { ConferenceView, InviteResponse, TimingAdvisory } from '@samplan/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../app/format.ts';
import { Link } from '../../app/Link.tsx';
import { pathOf } from '../../app/router.ts';
import { icsOf } from '@samplan/shared';
import { downloadFile } from './downloadFile.ts';

export type Scheduled = {
  conference: ConferenceView;
  advisories: readonly TimingAdvisory[];
  invited: ReadonlyArray<{ name: string; result: InviteResponse } | { name: string; failure: string }>;
};

/** After scheduling: every guest's link once to copy (the invitations go out by e-mail and text message too), a calendar file, the way to the conference. */
export function ScheduledView({ scheduled, patientName }: { scheduled: Scheduled; patientName: string }) {
  const { t, i18n } = useTranslation();
  const { conference } = scheduled;
  const when = (iso: string) => formatDateTime(iso, i18n.language);
  const conferencePath = pathOf({ name: 'conference', conferenceId: conference.id });
  const title = `${t(`kinds.${conference.kind}`)} – ${patientName}`;

  function calendar() {
    const ics = icsOf({
      uid: conference.id,
      start: conference.scheduledStart,
      minutes: conference.plannedDurationMinutes,
      summary: title,
      description: `Samplan: ${window.location.origin}${conferencePath}`,
      url: `${window.location.origin}${conferencePath}`,
      stamp: new Date().toISOString(),
    });
    downloadFile(`samplan-${conference.kind}.ics`, 'text/calendar', ics);
  }

  return (
    <section>
      <h1>{t('schedule.doneHeading')}</h1>
      <p>
        <strong>{title}</strong> – {when(conference.scheduledStart)} ({conference.plannedDurationMinutes} min)
      </p>
      {scheduled.advisories.map((advisory) => (
        <p key={advisory.code} className="notice">
          {advisory.code === 'OUTSIDE_GOAL_CONVERSATION_DAYS'
            ? t('schedule.advisory.OUTSIDE_GOAL_CONVERSATION_DAYS', { from: when(advisory.recommendedFrom), until: when(advisory.recommendedUntil) })
            : t('schedule.advisory.LATER_THAN_FOLLOW_UP_DUE', { due: when(advisory.due) })}
        </p>
      ))}
      <section className="card">
        <h2>{t('schedule.links')}</h2>
        <p className="plan-meta">{t('schedule.sentNote')}</p>
        <ul className="rows">
          {scheduled.invited.map((entry) => (
            <li key={entry.name} className="row">
              {'failure' in entry ? (
                <span className="error-notice">{t('schedule.inviteFailed', { name: entry.name, reason: entry.failure })}</span>
              ) : entry.result.joinLink ? (
                <JoinLink name={entry.name} path={entry.result.joinLink.path} />
              ) : (
                <span>
                  <strong>{entry.name}</strong> – {t('schedule.signedIn')}
                </span>
              )}
            </li>
          ))}
        </ul>
      </section>
      <div className="actions">
        <button type="button" className="button" onClick={calendar}>
          {t('schedule.calendar')}
        </button>
        <Link className="button button-primary link-button" href={conferencePath}>
          {t('schedule.openConference')}
        </Link>
      </div>
    </section>
  );
}

function JoinLink({ name, path }: { name: string; path: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const url = `${window.location.origin}${path}`;
  const inputId = `link-${path.slice(-8)}`;
  return (
    <div className="join-link">
      <label htmlFor={inputId}>
        <strong>{t('schedule.guestLink', { name })}</strong>
      </label>
      <input id={inputId} readOnly value={url} onFocus={(e) => e.target.select()} className="join-link-url" />
      <button
        type="button"
        className="button button-small"
        aria-label={t('schedule.copy', { name })}
        onClick={() => {
          void navigator.clipboard?.writeText(url).then(() => setCopied(true));
        }}
      >
        {copied ? t('schedule.copied') : t('schedule.copyShort')}
      </button>
    </div>
  );
}
