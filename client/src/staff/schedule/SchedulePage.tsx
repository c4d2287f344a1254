/**
 * Schedule a conference: kind, time and length (defaults from the pathway),
 * staff of the care team ticked by what the kind expects, the patient and
 * relatives; then one join link per guest to copy and a calendar file.
 */
import { CONFERENCE_KINDS, CONFERENCE_KIND_RULES, CONFERENCE_MINUTES, VIDEO_DISCHARGE_CONFERENCE_FROM, type ConferenceKind, type EpisodeDetail, hasLiveConsent, type InviteRequest } from '@samplan/shared';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/endpoints.ts';
import { errorMessage } from '../../api/errorMessage.ts';
import { useStaff } from '../../app/auth.tsx';
import { formatDateTime, fromLocalInputValue } from '../../app/format.ts';
import { LoadStatus } from '../../app/LoadStatus.tsx';
import { useLoad } from '../../app/useLoad.ts';
import { defaultKind, expectedFunctions, guestsExpected, preselectedStaff } from './invitees.ts';
import { ScheduledView, type Scheduled } from './ScheduledView.tsx';

export function SchedulePage({ episodeId }: { episodeId: string }) {
  // The server's "now" decides what the pathway suggests; the browser's clock may be off (or a test's).
  const episode = useLoad(() => Promise.all([api.episode(episodeId), api.day().then((day) => new Date(day.now))]), episodeId);
  const [scheduled, setScheduled] = useState<Scheduled | null>(null);
  if (episode.status !== 'ok') {
    return (
      <div className="staff-page">
        <LoadStatus loaded={episode} onRetry={episode.reload} />
      </div>
    );
  }
  return (
    <div className="staff-page schedule">
      {scheduled ? (
        <ScheduledView scheduled={scheduled} patientName={episode.data[0].patient.name} />
      ) : (
        <ScheduleForm episode={episode.data[0]} now={episode.data[1]} onScheduled={setScheduled} />
      )}
    </div>
  );
}

type OtherGuest = { name: string; phone: string; email: string };

function ScheduleForm({ episode, now, onScheduled }: { episode: EpisodeDetail; now: Date; onScheduled(scheduled: Scheduled): void }) {
  const { t, i18n } = useTranslation();
  const me = useStaff();
  const [kind, setKind] = useState<ConferenceKind>(() => defaultKind(episode, now));
  const [start, setStart] = useState('');
  const [minutes, setMinutes] = useState(String(CONFERENCE_KIND_RULES[kind].defaultMinutes));
  const staff = episode.careTeam.staff.filter((person) => person.id !== me.staffId);
  const [chosenStaff, setChosenStaff] = useState(() => preselectedStaff(kind, staff, me.staffId));
  // Without the patient's consent to take part by video the server refuses guests' links, so none are ticked.
  const videoConsent = hasLiveConsent(episode.consents, 'video_participation', episode.id);
  const guestsByDefault = (of: ConferenceKind) => videoConsent && guestsExpected(of);
  const [patient, setPatient] = useState(guestsByDefault(kind));
  const [relatives, setRelatives] = useState(() => new Set(guestsByDefault(kind) ? episode.relatives.map((r) => r.id) : []));
  const [other, setOther] = useState<OtherGuest>({ name: '', phone: '', email: '' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  function changeKind(next: ConferenceKind) {
    setKind(next);
    setMinutes(String(CONFERENCE_KIND_RULES[next].defaultMinutes));
    setChosenStaff(preselectedStaff(next, staff, me.staffId));
    setPatient(guestsByDefault(next));
    setRelatives(new Set(guestsByDefault(next) ? episode.relatives.map((r) => r.id) : []));
  }

  const toggle = (set: Set<string>, id: string, on: boolean) => {
    const next = new Set(set);
    if (on) next.add(id);
    else next.delete(id);
    return next;
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const scheduledStart = start === '' ? undefined : (fromLocalInputValue(start) ?? undefined);
      const { conference, advisories } = await api.scheduleConference(episode.id, { kind, scheduledStart, plannedDurationMinutes: Number(minutes) });
      const invitations: Array<{ name: string; request: InviteRequest }> = [
        ...staff.filter((person) => chosenStaff.has(person.id)).map((person) => ({ name: person.name, request: { kind: 'staff' as const, staffId: person.id } })),
        ...(patient ? [{ name: episode.patient.name, request: { kind: 'patient' as const } }] : []),
        ...episode.relatives.filter((r) => relatives.has(r.id)).map((r) => ({ name: r.name, request: { kind: 'relative' as const, relativeId: r.id } })),
        ...(other.name.trim()
          ? [
              {
                name: other.name.trim(),
                request: {
                  kind: 'guest' as const,
                  role: 'relative' as const,
                  name: other.name.trim(),
                  ...(other.phone.trim() ? { phone: other.phone.trim() } : {}),
                  ...(other.email.trim() ? { email: other.email.trim() } : {}),
                },
              },
            ]
          : []),
      ];
      // One at a time: a failed invitation is named and the rest still go out.
      const invited: Array<Scheduled['invited'][number]> = [];
      for (const { name, request } of invitations) {
        try {
          invited.push({ name, result: await api.invite(conference.id, request) });
        } catch (caught) {
          invited.push({ name, failure: errorMessage(t, caught, i18n.language) });
        }
      }
      onScheduled({ conference, advisories, invited });
    } catch (caught) {
      setError(errorMessage(t, caught, i18n.language));
      setBusy(false);
    }
  }

  const functions = expectedFunctions(kind);
  const list = (names: readonly string[]) => names.map((name) => t(`functions.${name as 'visitator'}`)).join(', ');
  const score = episode.screeningScore;
  return (
    <form onSubmit={submit} className="schedule-form">
      <h1>{t('schedule.heading', { name: episode.patient.name })}</h1>
      <p className="notice">
        {score === null
          ? t('schedule.screeningNone')
          : score >= VIDEO_DISCHARGE_CONFERENCE_FROM
            ? t('schedule.screeningYes', { score })
            : t('schedule.screeningNo', { score })}
      </p>
      <div className="schedule-grid">
        <section className="card">
          <div className="field">
            <label htmlFor="kind">{t('schedule.kind')}</label>
            <select id="kind" value={kind} onChange={(e) => changeKind(e.target.value as ConferenceKind)}>
              {CONFERENCE_KINDS.filter((k) => CONFERENCE_KIND_RULES[k].origin === 'schedule').map((k) => (
                <option key={k} value={k}>
                  {t(`kinds.${k}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="start">{t('schedule.start')}</label>
            <input id="start" type="datetime-local" value={start} onChange={(e) => setStart(e.target.value)} aria-describedby="start-hint" />
            <p id="start-hint" className="plan-meta">
              {kind === 'goal_conversation'
                ? t('schedule.startHint', { when: formatDateTime(episode.clocks.goalConversation.defaultStart, i18n.language) })
                : t('schedule.startDefault')}
            </p>
          </div>
          <div className="field">
            <label htmlFor="minutes">{t('schedule.duration')}</label>
            <input id="minutes" type="number" inputMode="numeric" min={CONFERENCE_MINUTES.min} max={CONFERENCE_MINUTES.max} value={minutes} onChange={(e) => setMinutes(e.target.value)} required />
          </div>
        </section>
        <fieldset className="card">
          <legend>{t('schedule.staffHeading')}</legend>
          <p className="plan-meta">
            {t('schedule.expectedList', { list: list(functions.expected) })}
            {functions.whenUnclear.length > 0 && <> {t('schedule.whenUnclearList', { list: list(functions.whenUnclear) })}</>}
          </p>
          {staff.length === 0 && <p>{t('schedule.noStaff')}</p>}
          {staff.map((person) => (
            <label key={person.id} className="check">
              <input type="checkbox" checked={chosenStaff.has(person.id)} onChange={(e) => setChosenStaff((set) => toggle(set, person.id, e.target.checked))} />
              <span>
                <strong>{person.name}</strong>, {t(`staffRoles.${person.role}`)} – {person.organisation}
              </span>
            </label>
          ))}
        </fieldset>
        <fieldset className="card">
          <legend>{t('schedule.guestsHeading')}</legend>
          {!videoConsent && <p className="notice">{t('schedule.noVideoConsent')}</p>}
          <label className="check">
            <input type="checkbox" checked={patient} onChange={(e) => setPatient(e.target.checked)} />
            <span>{t('schedule.invitePatient', { name: episode.patient.name })}</span>
          </label>
          {episode.relatives.map((relative) => (
            <label key={relative.id} className="check">
              <input type="checkbox" checked={relatives.has(relative.id)} onChange={(e) => setRelatives((set) => toggle(set, relative.id, e.target.checked))} />
              <span>{t('schedule.relativeOnRecord', { name: relative.name, relation: relative.relation })}</span>
            </label>
          ))}
          <h3>{t('schedule.otherRelative')}</h3>
          <div className="field">
            <label htmlFor="other-name">{t('schedule.otherName')}</label>
            <input id="other-name" autoComplete="off" value={other.name} onChange={(e) => setOther({ ...other, name: e.target.value })} />
          </div>
          <div className="field">
            <label htmlFor="other-phone">{t('schedule.otherPhone')}</label>
            <input id="other-phone" type="tel" autoComplete="off" value={other.phone} onChange={(e) => setOther({ ...other, phone: e.target.value })} />
          </div>
          <div className="field">
            <label htmlFor="other-email">{t('schedule.otherEmail')}</label>
            <input id="other-email" type="email" autoComplete="off" value={other.email} onChange={(e) => setOther({ ...other, email: e.target.value })} />
          </div>
        </fieldset>
      </div>
      {error && (
        <p className="error-notice" role="alert">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t('schedule.submitting') : t('schedule.submit')}
        </button>
      </div>
    </form>
  );
}
