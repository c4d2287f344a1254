import type { ConferenceKind } from '@samplan/shared';
import type { Language, MessagePurpose } from '../../store/generated/enums.ts';

/**
 * The words of every e-mail and text message, in Danish and English. Guests'
 * messages name no patient, ward or reason: an e-mail or a text message is
 * not a secure channel, and the link is what they need. Staff get the kind of
 * conference and the way to its page; the patient's name is behind the sign-in.
 */
export interface MessageFacts {
  readonly purpose: MessagePurpose;
  readonly language: Language;
  readonly start: Date;
  readonly minutes: number;
  /** The join link for a guest, the conference page for staff; null in a cancellation. */
  readonly link: string | null;
}

export interface EmailText {
  readonly subject: string;
  readonly text: string;
}

const LOCALES: Record<Language, string> = { da: 'da-DK', en: 'en-GB' };

export function localTime(start: Date, language: Language): string {
  const text = new Intl.DateTimeFormat(LOCALES[language], {
    timeZone: 'Europe/Copenhagen',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(start);
  return language === 'en' ? `${text} (Danish time)` : text;
}

type Words = {
  subject: Record<MessagePurpose, (when: string) => string>;
  opening: Record<MessagePurpose, (when: string, minutes: number) => string>;
  open: string;
  personal: string;
  sms: Record<MessagePurpose, (when: string) => string>;
  signature: string;
  staffOpen: string;
  kinds: Record<ConferenceKind, string>;
};

const WORDS: Record<Language, Words> = {
  da: {
    subject: {
      invitation: (when) => `Invitation til videomøde ${when}`,
      reminder: (when) => `Påmindelse: videomøde ${when}`,
      update: (when) => `Videomødet er flyttet til ${when}`,
      cancellation: (when) => `Aflyst: videomøde ${when}`,
      call_back: () => 'Det geriatriske team ringer dig op på video nu',
    },
    opening: {
      invitation: (when, minutes) => `Du er inviteret til et videomøde ${when} (${minutes} minutter).`,
      reminder: (when, minutes) => `Husk dit videomøde ${when} (${minutes} minutter).`,
      update: (when, minutes) => `Videomødet er flyttet. Det nye tidspunkt er ${when} (${minutes} minutter).`,
      cancellation: (when) => `Videomødet ${when} er aflyst. Du behøver ikke gøre noget.`,
      call_back: () => 'Det geriatriske team vil tale med dig på video nu, som svar på dit spørgsmål.',
    },
    open: 'Åbn linket lidt før mødet på en telefon, tablet eller computer med kamera. Du skal ikke logge ind:',
    personal: 'Linket er personligt. Del det ikke med andre.',
    sms: {
      invitation: (when) => `Samplan: Du er inviteret til videomøde ${when}. Åbn linket lidt før:`,
      reminder: (when) => `Samplan: Husk videomøde ${when}. Åbn linket lidt før:`,
      update: (when) => `Samplan: Videomødet er flyttet til ${when}. Åbn linket lidt før:`,
      cancellation: (when) => `Samplan: Videomødet ${when} er aflyst.`,
      call_back: () => 'Samplan: Det geriatriske team ringer dig op på video nu. Åbn linket:',
    },
    signature: 'Venlig hilsen\nSamplan',
    staffOpen: 'Konferencen i Samplan:',
    kinds: {
      goal_conversation: 'Målsamtale',
      discharge_conference: 'Udskrivelseskonference',
      advice_call: 'Geriatrisk rådgivning',
      follow_up: 'Opfølgning efter udskrivelse',
      acute_assessment: 'Akut vurdering',
    },
  },
  en: {
    subject: {
      invitation: (when) => `Invitation to a video meeting, ${when}`,
      reminder: (when) => `Reminder: video meeting ${when}`,
      update: (when) => `The video meeting has moved to ${when}`,
      cancellation: (when) => `Cancelled: video meeting ${when}`,
      call_back: () => 'The geriatric team is calling you by video now',
    },
    opening: {
      invitation: (when, minutes) => `You are invited to a video meeting on ${when} (${minutes} minutes).`,
      reminder: (when, minutes) => `A reminder of your video meeting on ${when} (${minutes} minutes).`,
      update: (when, minutes) => `The video meeting has moved. The new time is ${when} (${minutes} minutes).`,
      cancellation: (when) => `The video meeting on ${when} is cancelled. There is nothing you need to do.`,
      call_back: () => 'The geriatric team would like to speak with you by video now, in answer to your question.',
    },
    open: 'Open the link shortly before the meeting on a phone, tablet or computer with a camera. No sign-in is needed:',
    personal: 'The link is personal. Do not share it.',
    sms: {
      invitation: (when) => `Samplan: You are invited to a video meeting on ${when}. Open the link shortly before:`,
      reminder: (when) => `Samplan: Reminder, video meeting on ${when}. Open the link shortly before:`,
      update: (when) => `Samplan: The video meeting has moved to ${when}. Open the link shortly before:`,
      cancellation: (when) => `Samplan: The video meeting on ${when} is cancelled.`,
      call_back: () => 'Samplan: The geriatric team is calling you by video now. Open the link:',
    },
    signature: 'Kind regards\nSamplan',
    staffOpen: 'The conference in Samplan:',
    kinds: {
      goal_conversation: 'Goal conversation',
      discharge_conference: 'Discharge conference',
      advice_call: 'Geriatric advice',
      follow_up: 'Follow-up after discharge',
      acute_assessment: 'Acute assessment',
    },
  },
};

export function guestEmail(facts: MessageFacts): EmailText {
  const words = WORDS[facts.language];
  const when = localTime(facts.start, facts.language);
  const body = [words.opening[facts.purpose](when, facts.minutes)];
  if (facts.link !== null) body.push(words.open, facts.link, words.personal);
  body.push(words.signature);
  return { subject: words.subject[facts.purpose](when), text: `${body.join('\n\n')}\n` };
}

export function guestSms(facts: MessageFacts): string {
  const words = WORDS[facts.language];
  const opening = words.sms[facts.purpose](localTime(facts.start, facts.language));
  return facts.link === null ? opening : `${opening} ${facts.link}`;
}

/** Staff: the kind of conference, when, and its page; the calendar file is attached. */
export function staffEmail(facts: MessageFacts & { kind: ConferenceKind }): EmailText & { summary: string } {
  const words = WORDS[facts.language];
  const when = localTime(facts.start, facts.language);
  const summary = `${words.kinds[facts.kind]} (video)`;
  const subjects: Record<MessagePurpose, string> = {
    invitation: `${summary}: ${when}`,
    reminder: `${summary}: ${when}`,
    update: `${summary}: ${facts.language === 'da' ? 'flyttet til' : 'moved to'} ${when}`,
    cancellation: `${facts.language === 'da' ? 'Aflyst' : 'Cancelled'}: ${summary}, ${when}`,
    call_back: `${summary}: ${when}`,
  };
  const body = [`${summary}, ${when} (${facts.minutes} min).`];
  if (facts.link !== null) body.push(`${words.staffOpen} ${facts.link}`);
  body.push(words.signature);
  return { subject: subjects[facts.purpose], text: `${body.join('\n\n')}\n`, summary };
}
