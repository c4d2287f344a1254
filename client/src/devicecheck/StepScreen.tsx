import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

type StepScreenProps = {
  heading: string;
  /** 1-based position in the check, shown as "Trin 2 af 5". */
  step?: { index: number; total: number };
  onBack?: () => void;
  children: ReactNode;
};

/**
 * One thing per screen. The heading takes focus when the screen appears, so a
 * screen reader announces where the person is and the keyboard starts there.
 */
export function StepScreen({ heading, step, onBack, children }: StepScreenProps) {
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), [heading]);
  return (
    <section className="guest-step" aria-labelledby="guest-step-heading">
      {step && <p className="guest-progress">{t('guest.steps.progress', { step: step.index, total: step.total })}</p>}
      <h1 id="guest-step-heading" ref={headingRef} tabIndex={-1}>
        {heading}
      </h1>
      {children}
      {onBack && (
        <button type="button" className="button guest-back" onClick={onBack}>
          {t('guest.steps.back')}
        </button>
      )}
    </section>
  );
}
