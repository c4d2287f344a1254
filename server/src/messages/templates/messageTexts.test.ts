import { describe, expect, it } from 'vitest';
import { guestEmail, guestSms, localTime, staffEmail } from './messageTexts.ts';

const winter = new Date('2026-03-11T09:00:00Z');
const summer = new Date('2026-07-01T08:00:00Z');
const link = 'https://samplan.example/join/abc';

describe('the words of invitations and reminders', () => {
  it('says the time as Danes read it on the wall clock, winter and summer', () => {
    expect(localTime(winter, 'da')).toBe('onsdag den 11. marts 2026 kl. 10.00');
    expect(localTime(summer, 'da')).toBe('onsdag den 1. juli 2026 kl. 10.00');
    expect(localTime(winter, 'en')).toBe('Wednesday, 11 March 2026 at 10:00 (Danish time)');
  });

  it.each([
    ['invitation', 'da', 'Invitation til videomøde', 'Du er inviteret'],
    ['reminder', 'da', 'Påmindelse: videomøde', 'Husk dit videomøde'],
    ['update', 'en', 'The video meeting has moved to', 'The new time is'],
    ['call_back', 'en', 'The geriatric team is calling you by video now', 'speak with you by video now'],
  ] as const)('a guest e-mail (%s, %s) has the words and the link', (purpose, language, subject, opening) => {
    const email = guestEmail({ purpose, language, start: winter, minutes: 30, link });
    expect(email.subject).toContain(subject);
    expect(email.text).toContain(opening);
    expect(email.text).toContain(link);
  });

  it('a cancellation carries no link, and a text message is one short line with the link at its end', () => {
    expect(guestEmail({ purpose: 'cancellation', language: 'da', start: winter, minutes: 30, link: null }).text).not.toContain('http');
    const sms = guestSms({ purpose: 'invitation', language: 'da', start: winter, minutes: 30, link });
    expect(sms.endsWith(link)).toBe(true);
    expect(sms.length).toBeLessThan(200);
    expect(guestSms({ purpose: 'cancellation', language: 'en', start: winter, minutes: 30, link: null })).toBe('Samplan: The video meeting on Wednesday, 11 March 2026 at 10:00 (Danish time) is cancelled.');
  });

  it('staff read the kind of conference and the way to its page', () => {
    const email = staffEmail({ purpose: 'invitation', language: 'da', start: winter, minutes: 30, link: 'https://samplan.example/conferences/1', kind: 'discharge_conference' });
    expect(email.subject).toBe('Udskrivelseskonference (video): onsdag den 11. marts 2026 kl. 10.00');
    expect(email.text).toContain('https://samplan.example/conferences/1');
  });
});
