import 'i18next';
import type { Translations } from './da.ts';
import type { StaffTranslations } from './staff.da.ts';
import type { GuestTranslations } from './guest.da.ts';
import type { AdminTranslations } from './admin.da.ts';
import type { PlanTranslations } from './plan.da.ts';

// Every key any page may ask for; which of them are loaded depends on the page (resources.ts).
declare module 'i18next' {
  interface CustomTypeOptions {
    resources: { translation: Translations & StaffTranslations & AdminTranslations & PlanTranslations & { guest: GuestTranslations } };
  }
}
