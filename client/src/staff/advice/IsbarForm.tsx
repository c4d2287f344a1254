import type { AdviceRequestView, Isbar } from '@samplan/shared';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/endpoints.ts';
import { errorMessage } from '../../api/errorMessage.ts';

const PARTS = ['identify', 'situation', 'background', 'assessment', 'recommendation'] as const;

type IsbarFormProps = {
  request: AdviceRequestView;
  /** Answer by phone, or in the advice call that was held. */
  channel: { kind: 'phone' } | { kind: 'video'; conferenceId: string };
  onAnswered(request: AdviceRequestView): void;
};

/** The geriatrician's note, one labelled box per ISBAR part; a draft can be saved while the call goes on. */
export function IsbarForm({ request, channel, onAnswered }: IsbarFormProps) {
  const { t, i18n } = useTranslation();
  const formId = useId();
  const [note, setNote] = useState<Record<(typeof PARTS)[number], string>>(() => ({
    identify: request.isbar?.identify ?? `${request.patient.name} ${request.patient.cpr}; ${request.requesterName} (${t(`advice.requester.${request.requestedBy}`)})`,
    situation: request.isbar?.situation ?? request.question,
    background: request.isbar?.background ?? '',
    assessment: request.isbar?.assessment ?? '',
    recommendation: request.isbar?.recommendation ?? '',
  }));
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function saveDraft() {
    setError(null);
    const written = Object.fromEntries(Object.entries(note).filter(([, value]) => value.trim() !== '')) as Partial<Isbar>;
    try {
      await api.saveIsbarDraft(request.id, written);
      setStatus(t('advice.saved'));
    } catch (caught) {
      setError(errorMessage(t, caught, i18n.language));
    }
  }

  async function answer(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      const { adviceRequest } = await api.answerAdvice(
        request.id,
        channel.kind === 'phone' ? { channel: 'phone', isbar: note } : { channel: 'video', conferenceId: channel.conferenceId, isbar: note },
      );
      onAnswered(adviceRequest);
    } catch (caught) {
      setError(errorMessage(t, caught, i18n.language));
    }
  }

  return (
    <form className="isbar" onSubmit={answer}>
      <h3>{t('advice.isbarHeading')}</h3>
      {PARTS.map((part) => (
        <div className="field" key={part}>
          <label htmlFor={`${formId}-${part}`}>{t(`advice.isbar.${part}`)}</label>
          <textarea id={`${formId}-${part}`} required rows={part === 'identify' ? 1 : 2} value={note[part]} onChange={(e) => setNote({ ...note, [part]: e.target.value })} />
        </div>
      ))}
      {error && (
        <p className="error-notice" role="alert">
          {error}
        </p>
      )}
      <p role="status" className="plan-meta">
        {status}
      </p>
      <div className="actions">
        <button type="button" className="button" onClick={() => void saveDraft()}>
          {t('advice.saveDraft')}
        </button>
        <button type="submit" className="button button-primary">
          {t('advice.answer')}
        </button>
      </div>
    </form>
  );
}
