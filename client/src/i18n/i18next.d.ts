import 'i18next';
import type { Translations } from './da.ts';
import type { StaffTranslations } from './staff.da.ts';
import type { GuestTranslations } from './guest.da.ts';
import type { AdminTranslations } from './admin.da.ts';

declare module 'i18next' {
  interface CustomTypeOptions {
    resources: { translation: Translations & StaffTranslations & AdminTranslations & { guest: GuestTranslations } };
  }
}
