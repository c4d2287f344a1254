import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A secret the server hands out once (a set-password link, a system's key):
 * shown with a copy button until the administrator says they are done. Only
 * its hash is kept, so after "Done" nobody can show it again.
 */
export function ShownOnce({ heading, text, value, onDone }: { heading: string; text: string; value: string; onDone(): void }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const inputId = useId();
  return (
    <section className="card shown-once" role="status" aria-labelledby={`${inputId}-heading`}>
      <h3 id={`${inputId}-heading`}>{heading}</h3>
      <p>{text}</p>
      <div className="join-link">
        <input id={inputId} aria-labelledby={`${inputId}-heading`} readOnly value={value} onFocus={(e) => e.target.select()} className="join-link-url" />
        <button
          type="button"
          className="button button-small"
          aria-label={t('admin.copyNamed', { what: heading })}
          onClick={() => {
            void navigator.clipboard?.writeText(value).then(() => setCopied(true));
          }}
        >
          {copied ? t('admin.copied') : t('admin.copy')}
        </button>
        <button type="button" className="button button-small" onClick={onDone}>
          {t('admin.done')}
        </button>
      </div>
    </section>
  );
}
