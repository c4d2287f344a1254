import { da } from './da.ts';
import { en } from './en.ts';
import { staffDa } from './staff.da.ts';
import { staffEn } from './staff.en.ts';
import { guestDa } from './guest.da.ts';
import { guestEn } from './guest.en.ts';
import { adminDa } from './admin.da.ts';
import { adminEn } from './admin.en.ts';

export const LANGUAGES = ['da', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'da';

export const resources = {
  da: { translation: { ...da, ...staffDa, ...adminDa, guest: guestDa } },
  en: { translation: { ...en, ...staffEn, ...adminEn, guest: guestEn } },
} as const;

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}
