import { ACUTE_CONTACT, CONFERENCE_KIND_RULES, ELSEWHERE_CONTACTS, type ConferenceView, isConferenceOver, type MeResponse } from '@samplan/shared';
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../app/LoadStatus.tsx';
import { checkConnection } from '../devicecheck/connectionTest.ts';
import { DeviceCheck, type DeviceCheckResult } from '../devicecheck/DeviceCheck.tsx';
import { StepScreen } from '../devicecheck/StepScreen.tsx';
import { PrintPlanButton } from '../print/PrintablePlan.tsx';
import { useNotice } from '../app/useNotice.ts';
import { uiErrorCodeOf, type UiErrorCode } from '../uiError.ts';
import { awaitAdmission, type RoomEntry } from './admission.ts';
import { AdviceClosed } from './AdviceClosed.tsx';
import { knownAdviceWindow, type KnownAdviceWindow } from './adviceWindow.ts';
import { AdviceForm } from './AdviceForm.tsx';
import { guestApi, type GuestApi } from './guestApi.ts';
import { LinkProblem } from './LinkProblem.tsx';
import { WaitingRoom } from './WaitingRoom.tsx';
import './guest.css';

// The call's media code (mediasoup-client) and the plan panel's words are fetched while she waits to be let in,
// not before her link can open.
const loadGuestCall = async () => {
  const [call, planWords] = await Promise.all([import('./GuestCall.tsx'), import('../i18n/planWords.ts')]);
  planWords.addPlanWords();
  return call;
};
const GuestCall = lazy(async () => ({ default: (await loadGuestCall()).GuestCall }));
// Socket.IO is first needed by the device check's last step, the connection test: fetched while she checks her camera.
const loadSocket = () => import('../socket/samplanSocket.ts');
// Few open it: it stays out of the join page's bundle.
const AccessLog = lazy(async () => ({ default: (await import('./AccessLog.tsx')).AccessLog }));
const CallBackCall = lazy(async () => ({ default: (await import('./CallBackCall.tsx')).CallBackCall }));

type Guest = Extract<MeResponse['principal'], { kind: 'participant' }>;
/** `mayReadAccessLog`: the patient, or a relative the record names her representative. */
type Opened = { guest: Guest; conference: ConferenceView; mayReadAccessLog: boolean };

type Phase =
  | { kind: 'opening' }
  | { kind: 'problem'; code: UiErrorCode }
  | { kind: 'advice'; opened: Opened }
  | { kind: 'callBack'; opened: Opened; conferenceId: string }
  | { kind: 'check'; opened: Opened }
  | { kind: 'waiting'; opened: Opened; checked: DeviceCheckResult }
  | { kind: 'removed' }
  | { kind: 'call'; opened: Opened; checked: DeviceCheckResult; entry: RoomEntry }
  | { kind: 'accessLog'; opened: Opened; back: Phase };

/**
 * /join/<linkToken>: everything a patient or relative does from their link.
 * Before discharge: device check → waiting room → call. After discharge the
 * same link leads to "Ask the geriatric team" (or says whom to call when
 * the 7 days are over), and to the meeting if it is still on.
 */
export function GuestPage({ linkToken, api: given }: { linkToken: string; api?: GuestApi }) {
  const { t } = useTranslation();
  const api = useMemo(() => given ?? guestApi(), [given]);
  const [phase, setPhase] = useState<Phase>({ kind: 'opening' });

  const open = useCallback(() => {
    setPhase({ kind: 'opening' });
    void (async () => {
      const me = await api.redeem(linkToken);
      if (me.principal.kind !== 'participant') throw new Error('a join link always opens a guest session');
      const guest = me.principal;
      const conference = await api.conference(guest.conferenceId);
      const opened = { guest, conference, mayReadAccessLog: me.allowedActions.includes('access-log:read') };
      // A meeting that is over only opens now because her advice window after discharge is.
      const afterDischarge = CONFERENCE_KIND_RULES[conference.kind].afterDischarge || isConferenceOver(conference.status);
      setPhase(afterDischarge ? { kind: 'advice', opened } : { kind: 'check', opened });
    })().catch((error: unknown) => setPhase({ kind: 'problem', code: uiErrorCodeOf(error) }));
  }, [api, linkToken]);
  useEffect(open, [open]);

  switch (phase.kind) {
    case 'opening':
      return (
        <StepScreen heading={t('guest.link.opening')}>
          <div className="waiting-spinner" aria-hidden="true" />
        </StepScreen>
      );
    case 'problem':
      return <LinkProblem code={phase.code} onRetry={open} />;
    case 'removed':
      return (
        <StepScreen heading={t('guest.waiting.removedHeading')}>
          <p>{t('guest.waiting.removedText')}</p>
        </StepScreen>
      );
    case 'advice':
      return (
        <>
          <AdviceHome
            api={api}
            opened={phase.opened}
            onMeeting={() => setPhase({ kind: 'check', opened: phase.opened })}
            onCallBack={(conferenceId) => setPhase({ kind: 'callBack', opened: phase.opened, conferenceId })}
          />
          <AccessLogButton opened={phase.opened} onOpen={() => setPhase({ kind: 'accessLog', opened: phase.opened, back: phase })} />
        </>
      );
    case 'callBack':
      return (
        <Suspense fallback={<Loading />}>
          <CallBackCall api={api} conferenceId={phase.conferenceId} displayName={phase.opened.guest.name} onDone={() => setPhase({ kind: 'advice', opened: phase.opened })} />
        </Suspense>
      );
    case 'check':
      void loadSocket();
      return (
        <>
          <DeviceCheck
            initialName={phase.opened.guest.name}
            checkConnection={async () => {
              const [{ openSocket }, iceServers] = await Promise.all([loadSocket(), api.iceServers().catch(() => [])]);
              return checkConnection(openSocket, iceServers);
            }}
            onDone={(checked) => setPhase({ kind: 'waiting', opened: phase.opened, checked })}
          />
          <AccessLogButton opened={phase.opened} onOpen={() => setPhase({ kind: 'accessLog', opened: phase.opened, back: phase })} />
        </>
      );
    case 'accessLog':
      return (
        <Suspense fallback={<Loading />}>
          <AccessLog api={api} episodeId={phase.opened.guest.episodeId} onBack={() => setPhase(phase.back)} />
        </Suspense>
      );
    case 'waiting':
      return <Lobby api={api} opened={phase.opened} checked={phase.checked} onPhase={setPhase} />;
    case 'call':
      return (
        <Suspense fallback={<Loading />}>
          <GuestCall
            api={api}
            conferenceId={phase.opened.guest.conferenceId}
            episodeId={phase.opened.guest.episodeId}
            patientName={patientNameOf(phase.opened)}
            entry={phase.entry}
            checked={phase.checked}
            onBackToLobby={() => setPhase({ kind: 'waiting', opened: phase.opened, checked: phase.checked })}
          />
        </Suspense>
      );
  }
}

function Lobby({ api, opened, checked, onPhase }: { api: GuestApi; opened: Opened; checked: DeviceCheckResult; onPhase(phase: Phase): void }) {
  const [conference, setConference] = useState(opened.conference);
  useEffect(() => {
    void loadGuestCall();
  }, []);
  useEffect(() => {
    const stop = new AbortController();
    awaitAdmission(api, opened.guest.conferenceId, opened.guest.participantId, (view) => setConference(view.conference), stop.signal).then(
      (admission) => {
        if (admission?.kind === 'admitted') onPhase({ kind: 'call', opened, checked, entry: admission.entry });
        else if (admission?.kind === 'removed') onPhase({ kind: 'removed' });
      },
      (error: unknown) => {
        if (!stop.signal.aborted) onPhase({ kind: 'problem', code: uiErrorCodeOf(error) });
      },
    );
    return () => stop.abort();
  }, [api, opened, checked, onPhase]);
  return <WaitingRoom conference={conference} selfId={opened.guest.participantId} />;
}

/** To her access log, for those who may read it (the patient, a representative). */
function AccessLogButton({ opened, onOpen }: { opened: Opened; onOpen(): void }) {
  const { t } = useTranslation();
  if (!opened.mayReadAccessLog) return null;
  return (
    <div className="guest-actions guest-more">
      <button type="button" className="button guest-access-log" onClick={onOpen}>
        {t('guest.accessLog.open')}
      </button>
    </div>
  );
}

/** Whose plan it is: the conference's patient, or the guest herself. */
function patientNameOf({ guest, conference }: Opened): string {
  return conference.participants.find((participant) => participant.role === 'patient')?.name ?? guest.name;
}

function AdviceHome({ api, opened, onMeeting, onCallBack }: { api: GuestApi; opened: Opened; onMeeting(): void; onCallBack(conferenceId: string): void }) {
  const { t } = useTranslation();
  const [known, setKnown] = useState<KnownAdviceWindow | null>(null);
  const ringing = useRingingCallBack(api);
  useEffect(() => {
    let current = true;
    api.adviceWindow(opened.guest.episodeId).then(
      (window) => current && setKnown(knownAdviceWindow(window)),
      // Not knowing the time left is no reason to keep the question from being asked.
      () => current && setKnown({ state: 'unknown' }),
    );
    return () => {
      current = false;
    };
  }, [api, opened.guest.episodeId]);
  const meetingOn = !isConferenceOver(opened.conference.status);
  if (known === null) {
    return (
      <StepScreen heading={t('guest.link.opening')}>
        <div className="waiting-spinner" aria-hidden="true" />
      </StepScreen>
    );
  }
  return (
    <>
      {ringing !== null && <CallRinging onAnswer={() => onCallBack(ringing)} />}
      {known.state === 'closed' ? (
        <AdviceClosed refusal={{ code: 'ADVICE_WINDOW_CLOSED', closedAt: known.closedAt, turnTo: [...ELSEWHERE_CONTACTS], whenAcute: ACUTE_CONTACT }} />
      ) : (
        <AdviceForm api={api} episodeId={opened.guest.episodeId} window={known.state === 'open' ? known : null} />
      )}
      <div className="guest-actions guest-more">
        {meetingOn && (
          <button type="button" className="button" onClick={onMeeting}>
            {t('guest.call.toMeeting')}
          </button>
        )}
        <PrintPlanButton load={() => api.plan(opened.guest.episodeId)} patientName={patientNameOf(opened)} />
      </div>
    </>
  );
}

/**
 * The conference of the geriatric team's video call-back ringing for her, or
 * null: told by the server (`call:ringing`) while the page is open, and
 * asked for when it opens and after a lost connection comes back.
 */
function useRingingCallBack(api: GuestApi): string | null {
  const [ringing, setRinging] = useState<string | null>(null);
  const ask = useCallback(() => {
    api.ringingCallBack().then(
      (callBack) => setRinging(callBack?.conferenceId ?? null),
      // Not knowing is no reason to stop her asking; the next ring or reconnection asks again.
      () => undefined,
    );
  }, [api]);
  useEffect(ask, [ask]);
  useNotice('call:ringing', (notice) => setRinging(notice.conferenceId), ask);
  return ringing;
}

/** One big button: one tap and she is in the call, on a page she already has open. */
function CallRinging({ onAnswer }: { onAnswer(): void }) {
  const { t } = useTranslation();
  return (
    <section className="call-ringing" role="alert" aria-labelledby="call-ringing-heading">
      <h2 id="call-ringing-heading">{t('guest.callBack.heading')}</h2>
      <button type="button" className="button button-primary call-ringing-answer" onClick={onAnswer}>
        {t('guest.callBack.answer')}
      </button>
    </section>
  );
}
