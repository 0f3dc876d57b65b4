import { createI18n } from 'vue-i18n';
import en from './en';
import zhCN, { type MessageSchema } from './zh-CN';
import { localeKeyFor, savedLocale, type LocaleScreen } from './screenLocale';

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

const storage = (): Storage | undefined => (typeof localStorage === 'undefined' ? undefined : localStorage);

export const i18n = createI18n<[MessageSchema], Locale, false>({
  legacy: false,
  locale: savedLocale(storage(), LOCALES, null) ?? 'zh-CN',
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zhCN, en },
});

function show(locale: Locale): void {
  i18n.global.locale.value = locale;
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
}

/** Switches the language and remembers it for this screen only (the login page sets the device default). */
export function setLocale(locale: Locale, screen: LocaleScreen | null = null): void {
  show(locale);
  storage()?.setItem(localeKeyFor(screen), locale);
}

/** Entering a screen shows it in the language last chosen there. */
export function showScreenLocale(screen: LocaleScreen | null): void {
  show(savedLocale(storage(), LOCALES, screen) ?? 'zh-CN');
}

export const currentLocale = (): Locale => i18n.global.locale.value;
