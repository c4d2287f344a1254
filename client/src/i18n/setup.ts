import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LANGUAGE, isLanguage, resources } from './resources.ts';

const STORAGE_KEY = 'samplan.language';

/** Danish unless the person chose another language on this device before. */
export function setupI18n(storage: Storage = window.localStorage): typeof i18next {
  const stored = storage.getItem(STORAGE_KEY);
  i18next.use(initReactI18next).init({
    resources,
    lng: isLanguage(stored) ? stored : DEFAULT_LANGUAGE,
    fallbackLng: DEFAULT_LANGUAGE,
    interpolation: { escapeValue: false },
    initAsync: false,
    showSupportNotice: false,
  });
  document.documentElement.lang = i18next.language;
  i18next.on('languageChanged', (language) => {
    document.documentElement.lang = language;
    storage.setItem(STORAGE_KEY, language);
  });
  return i18next;
}
