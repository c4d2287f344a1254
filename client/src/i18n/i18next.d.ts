import 'i18next';
import type { Translations } from './da.ts';

declare module 'i18next' {
  interface CustomTypeOptions {
    resources: { translation: Translations };
  }
}
