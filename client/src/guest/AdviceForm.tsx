import { SamplanError, adviceRefusalSchema, createAdviceRequestSchema, type AdviceRefusal, type CreateAdviceRequest } from '@samplan/shared';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { StepScreen } from '../devicecheck/StepScreen.tsx';
import { ErrorNotice } from '../room/ErrorNotice.tsx';
import { uiErrorCodeOf, type UiErrorCode } from '../uiError.ts';
import { AdviceClosed } from './AdviceClosed.tsx';
import { daysAndHours, formatDateTime } from './formatTime.ts';
import type { GuestApi } from './guestApi.ts';

type AdviceFormProps = {
  api: Pick<GuestApi, 'askForAdvice'>;
  episodeId: string;
  /** When the window closes, once the server has said (guests learn it from advice requests). */
  window: { closesAt: string; msLeft: number } | null;
};

type Sent = { channel: 'video' | 'phone'; phone: string; closesAt: string | null; msLeft: number | null };

/** "Ask the geriatric team" while the 7-day window is open: how to answer, the question, how soon. */
export function AdviceForm({ api, episodeId, window: known }: AdviceFormProps) {
  const { t, i18n } = useTranslation();
  const [channel, setChannel] = useState<'video' | 'phone'>('video');
  const [phone, setPhone] = useState('');
  const [question, setQuestion] = useState('');
  const [urgency, setUrgency] = useState<'routine' | 'urgent' | 'acute'>('routine');
  const [invalid, setInvalid] = useState<{ phone: boolean; question: boolean }>({ phone: false, question: false });
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<UiErrorCode | null>(null);
  const [sent, setSent] = useState<Sent | null>(null);
  const [refusal, setRefusal] = useState<AdviceRefusal | null>(null);

  if (refusal) return <AdviceClosed refusal={refusal} />;
  const timeLeft = (closesAt: string, msLeft: number) => {
    const left = daysAndHours(msLeft);
    const hours = t('guest.advice.hours', { count: left.hours });
    const leftText = left.days > 0 ? t('guest.advice.daysAndHours', { days: t('guest.advice.days', { count: left.days }), hours }) : hours;
    return (
      <p className="guest-emphasis">
        {t('guest.advice.timeLeft', { date: formatDateTime(closesAt, i18n.language), left: leftText })}
      </p>
    );
  };

  if (sent) {
    return (
      <StepScreen heading={t('guest.advice.sentHeading')}>
        <p className="guest-emphasis">{t(sent.channel === 'video' ? 'guest.advice.sentVideo' : 'guest.advice.sentPhone', { phone: sent.phone })}</p>
        {sent.closesAt && sent.msLeft !== null && timeLeft(sent.closesAt, sent.msLeft)}
        <p className="guest-acute">{t('guest.advice.emergency')}</p>
      </StepScreen>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // A video call-back reaches her as a new link the team sends to this number, so both ways need it.
    const request: CreateAdviceRequest = { channel, question, urgency, ...(phone.trim() === '' ? {} : { requesterContact: phone }) };
    const parsed = createAdviceRequestSchema.safeParse(request);
    if (!parsed.success || request.requesterContact === undefined) {
      const paths = new Set(parsed.success ? [] : parsed.error.issues.map((issue) => issue.path[0]));
      setInvalid({ phone: request.requesterContact === undefined || paths.has('requesterContact'), question: paths.has('question') });
      return;
    }
    setSending(true);
    setError(null);
    api.askForAdvice(episodeId, request).then(
      (created) => setSent({ channel, phone, closesAt: created.windowClosesAt, msLeft: created.msLeft }),
      (failure: unknown) => {
        setSending(false);
        const refused = adviceRefusalSchema.safeParse(failure instanceof SamplanError ? failure.refusal : undefined);
        if (refused.success) setRefusal(refused.data);
        else setError(uiErrorCodeOf(failure));
      },
    );
  };

  return (
    <StepScreen heading={t('guest.advice.heading')}>
      <p>{t('guest.advice.intro')}</p>
      {known && timeLeft(known.closesAt, known.msLeft)}
      <form className="guest-form" onSubmit={submit} noValidate>
        <fieldset className="choice-group">
          <legend>{t('guest.advice.channelLegend')}</legend>
          {(['video', 'phone'] as const).map((option) => (
            <label key={option} className="choice">
              <input type="radio" name="channel" value={option} checked={channel === option} onChange={() => setChannel(option)} />
              {t(`guest.advice.${option}`)}
            </label>
          ))}
        </fieldset>
        <label className="join-label" htmlFor="advice-phone">
          {t('guest.advice.phoneLabel')}
        </label>
        <input
          id="advice-phone"
          className="join-input"
          type="tel"
          autoComplete="tel"
          value={phone}
          onChange={(event) => setPhone(event.target.value)}
          aria-invalid={invalid.phone}
          aria-describedby={invalid.phone ? 'advice-phone-error' : undefined}
        />
        {invalid.phone && (
          <p id="advice-phone-error" className="join-invalid">
            {t('guest.advice.phoneInvalid')}
          </p>
        )}
        <label className="join-label" htmlFor="advice-question">
          {t('guest.advice.questionLabel')}
        </label>
        <textarea
          id="advice-question"
          className="join-input advice-question"
          rows={4}
          maxLength={2000}
          value={question}
          onChange={(event) => setQuestion(event.target.value)}
          aria-invalid={invalid.question}
          aria-describedby={invalid.question ? 'advice-question-hint advice-question-error' : 'advice-question-hint'}
        />
        <p id="advice-question-hint" className="join-hint">
          {t('guest.advice.questionHint')}
        </p>
        {invalid.question && (
          <p id="advice-question-error" className="join-invalid">
            {t('guest.advice.questionInvalid')}
          </p>
        )}
        <fieldset className="choice-group">
          <legend>{t('guest.advice.urgencyLegend')}</legend>
          {(['routine', 'urgent', 'acute'] as const).map((option) => (
            <label key={option} className="choice">
              <input type="radio" name="urgency" value={option} checked={urgency === option} onChange={() => setUrgency(option)} />
              {t(option === 'acute' ? 'guest.advice.acuteOption' : `guest.advice.${option}`)}
            </label>
          ))}
        </fieldset>
        {urgency === 'acute' && (
          <p className="guest-acute" role="alert">
            {t('guest.advice.acuteWarning')}
          </p>
        )}
        {error && <ErrorNotice code={error} />}
        <div className="guest-actions">
          <button type="submit" className="button button-primary" disabled={sending}>
            {sending ? t('guest.advice.sending') : t('guest.advice.send')}
          </button>
        </div>
      </form>
    </StepScreen>
  );
}
