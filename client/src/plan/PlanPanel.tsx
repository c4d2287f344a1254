/**
 * The shared plan beside the video, live: everyone in the conference sees
 * each other's edits as they land and who is editing what, and each party
 * present marks "agreed".
 *
 *   <PlanPanel conferenceId={id} />                      // staff: every section, professional headings
 *   <PlanPanel conferenceId={id} mode="plain" />         // patient/relative: plain headings, their sections first
 *
 * What the person may change comes from the server (`allowed` in plan:open):
 * a patient or relative can add wishes and comments and agree, each for
 * herself; a relative the record names the patient's representative also
 * agrees on the patient's behalf, by a button of its own that says so. The
 * controls for the rest are not shown. The panel opens its own Socket.IO connection,
 * signed in by the session cookie (a staff login or a redeemed join link),
 * so it works with or without a call on the page.
 */
import type { TFunction } from 'i18next';
import { isRelativeParty, type PlanRejection } from '@samplan/shared';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/errorMessage.ts';
import { AgreementStatus } from './AgreementStatus.tsx';
import { PlanSections, type PlanMode } from './PlanSections.tsx';
import { PlanSession } from './planSession.ts';
import { socketPlanTransport } from './planTransport.ts';

export type PlanPanelProps = {
  conferenceId: string;
  mode?: PlanMode;
  /** When the episode's 7-day advice window closes, while it is open; shown among the contacts. */
  adviceLineUntil?: string | null;
  /** A staff member's organisation: whether a task is theirs to report done (shared/src/plan/responsibility.ts). */
  organisation?: string;
};

export function PlanPanel({ conferenceId, mode = 'staff', adviceLineUntil = null, organisation }: PlanPanelProps) {
  const { t, i18n } = useTranslation();
  const [session] = useState(() => new PlanSession(conferenceId, socketPlanTransport()));
  const view = useSyncExternalStore(session.subscribe, session.getSnapshot);
  const [agreeError, setAgreeError] = useState<unknown>(null);

  useEffect(() => {
    void session.open();
    return () => session.close();
  }, [session]);

  const heading = mode === 'plain' ? t('plan.plainHeading') : t('plan.heading');
  if (view.phase !== 'open' || view.document === null || view.you === null) {
    return (
      <aside className={`plan-panel plan-${mode}`} aria-label={heading}>
        <h2>{heading}</h2>
        {view.phase === 'failed' ? (
          <div className="error-notice" role="alert">
            <p>{errorMessage(t, view.error, i18n.language)}</p>
            <button type="button" className="button" onClick={() => void session.open()}>
              {t('shell.retry')}
            </button>
          </div>
        ) : (
          <p role="status">{t('plan.opening')}</p>
        )}
      </aside>
    );
  }

  const agreeAs = view.allowed.includes('plan:agree') ? view.agreeAs : null;
  const awaitingMe = agreeAs !== null && (view.agreement?.awaiting.includes(agreeAs.party) ?? false);
  // The patient's party is asked while a representative is present; her button goes once it has said yes (hers or the patient's own).
  const onBehalf = agreeAs?.onBehalfOf ?? null;
  const awaitingPatient = onBehalf !== null && (view.agreement?.awaiting.includes('patient') ?? false);
  const speaksForSelf = agreeAs !== null && (agreeAs.party === 'patient' || isRelativeParty(agreeAs.party));
  const agree = (options: { onBehalfOfPatient: boolean }) => {
    setAgreeError(null);
    session.agree(options).catch(setAgreeError);
  };

  return (
    <aside className={`plan-panel plan-${mode}`} aria-label={heading}>
      <div className="plan-head">
        <h2>{heading}</h2>
        <p className="plan-saving" role="status">
          {view.unsaved > 0 ? t('plan.saving') : view.lastChangeBy ? t('plan.lastChange', { name: view.lastChangeBy.name }) : ''}
        </p>
      </div>
      {view.agreement && <AgreementStatus agreement={view.agreement} />}
      {agreeAs !== null &&
        (awaitingMe ? (
          <button
            type="button"
            className="button button-primary plan-agree"
            disabled={view.unsaved > 0}
            aria-describedby={view.unsaved > 0 ? 'plan-agree-wait' : undefined}
            onClick={() => agree({ onBehalfOfPatient: false })}
          >
            <span aria-hidden="true">✓ </span>
            {speaksForSelf ? t('plan.agreeSelf') : t('plan.agree')}
          </button>
        ) : (
          // Not awaited: this person's own party has agreed to the plan as it stands.
          <p className="plan-agreed-you">
            <span aria-hidden="true">✓ </span>
            {speaksForSelf ? t('plan.youAgreedSelf') : t('plan.youAgreed')}
          </p>
        ))}
      {onBehalf !== null && awaitingPatient && (
        <button
          type="button"
          className="button plan-agree-on-behalf"
          disabled={view.unsaved > 0}
          aria-describedby={view.unsaved > 0 ? 'plan-agree-wait' : undefined}
          onClick={() => agree({ onBehalfOfPatient: true })}
        >
          <span aria-hidden="true">✓ </span>
          {t('plan.agreeOnBehalf', { name: onBehalf.name, as: t(`agreement.onBehalf.${onBehalf.as}`) })}
        </button>
      )}
      {view.unsaved > 0 && (awaitingMe || awaitingPatient) && (
        <p id="plan-agree-wait" className="plan-meta">
          {t('plan.agreeFirstSave')}
        </p>
      )}
      {agreeError !== null && (
        <p className="error-notice" role="alert">
          {errorMessage(t, agreeError, i18n.language)}
        </p>
      )}
      {(view.rejections.length > 0 || view.error !== null) && (
        <div className="error-notice" role="alert">
          <ul>
            {view.error !== null && <li>{errorMessage(t, view.error, i18n.language)}</li>}
            {view.rejections.map((rejection, index) => (
              <li key={index}>{rejectionMessage(t, rejection)}</li>
            ))}
          </ul>
          <button type="button" className="button" onClick={() => session.dismissRejections()}>
            {t('plan.dismiss')}
          </button>
        </div>
      )}
      <PlanSections
        document={view.document}
        mode={mode}
        adviceLineUntil={adviceLineUntil}
        editing={{
          allowed: view.allowed,
          you: view.you,
          ...(organisation === undefined ? {} : { organisation }),
          others: view.editing,
          onOps: (ops) => session.edit(ops),
          onFocus: (itemId) => session.focus(itemId),
        }}
      />
    </aside>
  );
}

function rejectionMessage(t: TFunction, rejection: PlanRejection): string {
  switch (rejection.code) {
    case 'FIELD_CHANGED':
    case 'ITEM_CHANGED':
      return t(`plan.rejection.${rejection.code}`, { name: rejection.changes[0]?.by.name ?? '' });
    case 'ITEM_REMOVED':
      return t('plan.rejection.ITEM_REMOVED', { name: rejection.by.name });
    default:
      return t(`plan.rejection.${rejection.code}`);
  }
}
