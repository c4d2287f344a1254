import type { PlanSnapshot } from '@samplan/shared';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../guest/formatTime.ts';
import { uiErrorCodeOf, type UiErrorCode } from '../uiError.ts';
import { ErrorNotice } from '../room/ErrorNotice.tsx';
import { PlainPlan } from './PlainPlan.tsx';
import './print.css';

type PrintablePlanProps = {
  plan: Pick<PlanSnapshot, 'document' | 'revision' | 'agreement'>;
  patientName: string;
  /** The moment of printing, written on the paper so an old copy can be told from a new one. */
  printedAt: string;
};

/**
 * The plan as it comes out of the printer: only this element is printed
 * (print.css), in large black type on white, with the date on it. On screen
 * it stays hidden.
 */
export function PrintablePlan({ plan, patientName, printedAt }: PrintablePlanProps) {
  const { t, i18n } = useTranslation();
  return (
    <article className="printable-plan">
      <h1>{t('guest.plan.title', { name: patientName })}</h1>
      <p>{t('guest.plan.printed', { date: formatDate(printedAt, i18n.language) })}</p>
      <PlainPlan plan={plan} />
    </article>
  );
}

type Printing = { plan: PlanSnapshot; at: string };

/** Fetches the plan as it is now, lays it out for paper, and opens the print dialogue. */
export function PrintPlanButton({ load, patientName }: { load(): Promise<PlanSnapshot>; patientName: string }) {
  const { t } = useTranslation();
  const [printing, setPrinting] = useState<Printing | null>(null);
  const [error, setError] = useState<UiErrorCode | null>(null);
  useEffect(() => {
    // After the printable copy is in the page, not before: print what was just fetched.
    if (printing) window.print();
  }, [printing]);
  return (
    <>
      <button
        type="button"
        className="button"
        onClick={() => {
          setError(null);
          load().then(
            (plan) => setPrinting({ plan, at: new Date().toISOString() }),
            (failure: unknown) => setError(uiErrorCodeOf(failure)),
          );
        }}
      >
        {t('guest.call.print')}
      </button>
      {error && <ErrorNotice code={error} />}
      {printing && <PrintablePlan plan={printing.plan} patientName={patientName} printedAt={printing.at} />}
    </>
  );
}
