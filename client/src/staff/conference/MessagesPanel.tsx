/**
 * The conference's e-mails and text messages as staff follow them: to whom,
 * why, and whether each went (or why not, in words, with what the mail
 * server or gateway said). The invitation can be sent again, also to a
 * corrected number or address. Loaded when the page opens and on "refresh".
 */
import { type ConferenceView, type MessageChannel, type OutboundMessageView } from '@samplan/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/endpoints.ts';
import { errorMessage } from '../../api/errorMessage.ts';
import { formatDateTime } from '../../app/format.ts';
import { useLoad } from '../../app/useLoad.ts';

function StatusText({ message }: { message: OutboundMessageView }) {
  const { t, i18n } = useTranslation();
  const when = (iso: string) => formatDateTime(iso, i18n.language);
  switch (message.status) {
    case 'sent':
      return <span className="tag tag-sent">{t('messages.status.sent', { when: when(message.sentAt ?? message.notBefore) })}</span>;
    case 'queued':
      // The server's clock decides when it goes (the browser's may be off): its time, not "now" or "later".
      return <span className="tag">{t('messages.status.planned', { when: when(message.notBefore) })}</span>;
    case 'sending':
      return <span className="tag">{t('messages.status.sending')}</span>;
    case 'withdrawn':
      return <span className="tag">{t('messages.status.withdrawn')}</span>;
    case 'failed':
      return <span className="tag tag-failed">{t('messages.status.failed')}</span>;
  }
}

function Reason({ message }: { message: OutboundMessageView }) {
  const { t } = useTranslation();
  if (message.problem === null) return message.status === 'queued' && message.lastError ? <span className="plan-meta">{t('messages.retrying', { reason: message.lastError })}</span> : null;
  const detail = message.problem === 'delivery_failed' || message.problem === 'bad_recipient' ? message.lastError : null;
  return (
    <span>
      {t(`messages.problem.${message.problem}`)}
      {detail && <span className="plan-meta"> ({detail})</span>}
    </span>
  );
}

export function MessagesPanel({ conference }: { conference: ConferenceView }) {
  const { t } = useTranslation();
  const messages = useLoad(() => api.messages(conference.id), conference.id);
  const list = messages.status === 'ok' ? messages.data.messages : [];
  return (
    <section className="card messages" aria-labelledby="messages-heading">
      <div className="page-head">
        <h2 id="messages-heading">{t('messages.heading')}</h2>
        <button type="button" className="button button-small" onClick={messages.reload}>
          {t('messages.refresh')}
        </button>
      </div>
      {messages.status === 'failed' && <p className="error-notice">{t('messages.loadFailed')}</p>}
      {messages.status === 'ok' && list.length === 0 && <p>{t('messages.none')}</p>}
      {list.length > 0 && (
        <table className="messages-table">
          <thead>
            <tr>
              <th scope="col">{t('messages.to')}</th>
              <th scope="col">{t('messages.what')}</th>
              <th scope="col">{t('messages.how')}</th>
              <th scope="col">{t('messages.statusHeading')}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((message) => (
              <tr key={message.id}>
                <td>{message.name}</td>
                <td>{t(`messages.purpose.${message.purpose}`)}</td>
                <td>
                  {t(`messages.channel.${message.channel}`)} {message.recipient}
                </td>
                <td>
                  <StatusText message={message} /> <Reason message={message} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <SendAgain conference={conference} onSent={messages.reload} />
    </section>
  );
}

/** The invitation once more to one guest, on one channel, to the address on it or a corrected one. */
function SendAgain({ conference, onSent }: { conference: ConferenceView; onSent(): void }) {
  const { t, i18n } = useTranslation();
  const guests = conference.participants.filter((person) => person.staffId === null && person.lobbyState !== 'removed' && person.link?.revokedAt === null);
  const [participantId, setParticipantId] = useState('');
  const [channel, setChannel] = useState<MessageChannel>('sms');
  const [recipient, setRecipient] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  if (guests.length === 0) return null;
  const chosen = guests.find((person) => person.id === participantId) ?? guests[0];
  const onRecord = channel === 'sms' ? chosen?.contact?.phone : chosen?.contact?.email;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (chosen === undefined) return;
    setBusy(true);
    setOutcome(null);
    try {
      const corrected = recipient.trim();
      const to = corrected ? { recipient: corrected } : {};
      await api.sendAgain(conference.id, chosen.id, channel === 'sms' ? { channel: 'sms', ...to } : { channel: 'email', ...to });
      setRecipient('');
      setOutcome({ ok: true, text: t('messages.again.done', { name: chosen.name }) });
      onSent();
    } catch (caught) {
      setOutcome({ ok: false, text: errorMessage(t, caught, i18n.language) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="send-again" onSubmit={submit}>
      <h3>{t('messages.again.heading')}</h3>
      <div className="field">
        <label htmlFor="again-person">{t('messages.again.person')}</label>
        <select id="again-person" value={chosen?.id} onChange={(e) => setParticipantId(e.target.value)}>
          {guests.map((person) => (
            <option key={person.id} value={person.id}>
              {person.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="again-channel">{t('messages.again.channel')}</label>
        <select id="again-channel" value={channel} onChange={(e) => setChannel(e.target.value as MessageChannel)}>
          <option value="sms">{t('messages.channel.sms')}</option>
          <option value="email">{t('messages.channel.email')}</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="again-recipient">{channel === 'sms' ? t('messages.again.correctPhone') : t('messages.again.correctEmail')}</label>
        <input
          id="again-recipient"
          type={channel === 'sms' ? 'tel' : 'email'}
          autoComplete="off"
          value={recipient}
          placeholder={onRecord ?? ''}
          onChange={(e) => setRecipient(e.target.value)}
          aria-describedby="again-hint"
        />
        <p id="again-hint" className="plan-meta">
          {onRecord ? t('messages.again.onRecord', { address: onRecord }) : t('messages.again.noneOnRecord')}
        </p>
      </div>
      <button type="submit" className="button" disabled={busy}>
        {t('messages.again.submit')}
      </button>
      {outcome && (
        <p className={outcome.ok ? 'notice' : 'error-notice'} role={outcome.ok ? 'status' : 'alert'}>
          {outcome.text}
        </p>
      )}
    </form>
  );
}
