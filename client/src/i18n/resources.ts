import i18next from 'i18next';
import { da } from './da.ts';
import { en } from './en.ts';
import { guestDa } from './guest.da.ts';
import { guestEn } from './guest.en.ts';

export const LANGUAGES = ['da', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'da';

/**
 * The words every page needs from the start: the shell, errors, the call's
 * controls and the guest's pages. The staff screens' words (staffWords.ts)
 * and the plan panel's (planWords.ts) come with the code that shows them, so
 * a patient opening her join link does not download them.
 */
export const resources = {
  da: { translation: { ...da, guest: guestDa } },
  en: { translation: { ...en, guest: guestEn } },
} as const;

export type Words = Record<Language, object>;

/** Adds words loaded with a page's code, in every language, so switching language needs no further download. */
export function addWords(words: Words, i18n: typeof i18next = i18next): void {
  for (const language of LANGUAGES) i18n.addResourceBundle(language, 'translation', words[language], true, false);
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}
