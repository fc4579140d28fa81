import { useTranslation } from 'react-i18next';
import { currentLang, LANGS } from '../i18n.js';

/** VI / EN toggle. The choice is saved and mirrored on <html lang> by i18n.ts. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const active = currentLang(i18n.resolvedLanguage);
  return (
    <div className="lang-switch" role="group" aria-label={t('lang.label')}>
      {LANGS.map((lang) => (
        <button
          key={lang}
          type="button"
          lang={lang}
          className="lang-button"
          aria-pressed={lang === active}
          title={t(`lang.${lang}`)}
          onClick={() => {
            if (lang !== active) void i18n.changeLanguage(lang);
          }}
        >
          {lang.toUpperCase()}
        </button>
      ))}
    </div>
  );
}
