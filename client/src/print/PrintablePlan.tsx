import type { PlanSnapshot } from '@samplan/shared';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../guest/formatTime.ts';
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
 * it stays hidden; a print button anywhere on the page prints it.
 */
export function PrintablePlan({ plan, patientName, printedAt }: PrintablePlanProps) {
  const { t, i18n } = useTranslation();
  return (
    <article className="printable-plan">
      <h1>{t('guest.plan.title', { name: patientName })}</h1>
      <p>{t('guest.plan.printed', { date: formatDate(printedAt, i18n.language) })}</p>
      <PlainPlan plan={plan} headingLevel={2} />
    </article>
  );
}

export function PrintButton() {
  const { t } = useTranslation();
  return (
    <button type="button" className="button" onClick={() => window.print()}>
      {t('guest.call.print')}
    </button>
  );
}
