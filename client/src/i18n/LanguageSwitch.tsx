import { useTranslation } from 'react-i18next';

/** Names the other language in that language, so someone who cannot read this one still finds it. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const other = t('language.otherCode');
  return (
    <button
      type="button"
      className="language-switch"
      lang={other}
      aria-label={t('language.switchLabel')}
      onClick={() => void i18n.changeLanguage(other)}
    >
      {t('language.other')}
    </button>
  );
}
