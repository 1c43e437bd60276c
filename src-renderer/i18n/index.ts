import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import it from './it.json';
import en from './en.json';

export type Locale = 'it' | 'en';
export const locales: readonly Locale[] = ['it', 'en'];

// The compiler checks that the English file has exactly the Italian file's shape.
const english: typeof it = en;

const STORAGE_KEY = 'sportello.locale';

function initialLocale(): Locale {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === 'it' || saved === 'en') return saved;
  } catch {
    // storage may be unavailable (private mode, sandbox): Italian is the product language
  }
  return 'it';
}

void i18next.use(initReactI18next).init({
  resources: { it: { translation: it }, en: { translation: english } },
  lng: initialLocale(),
  fallbackLng: 'it',
  interpolation: { escapeValue: false },
  returnNull: false,
});

document.documentElement.lang = i18next.language;

export function setLocale(locale: Locale): void {
  void i18next.changeLanguage(locale);
  document.documentElement.lang = locale;
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // not persisted: the choice still applies to this window
  }
}

export default i18next;
