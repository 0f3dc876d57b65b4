/** The screens that keep their own language: a wall kiosk may read English while the desk beside it reads Chinese. */
export const LOCALE_SCREENS = ['wall', 'desk', 'field', 'admin'] as const;
export type LocaleScreen = (typeof LOCALE_SCREENS)[number];

/** The device's default language: the choice made on the login page (and what every screen used before). */
export const DEFAULT_LOCALE_KEY = 'tidewatch.locale';
export const screenLocaleKey = (screen: LocaleScreen) => `tidewatch.locale.${screen}`;

/** Routes that are part of a screen without bearing its name: a warning's own page is the desk's. */
const SCREEN_OF_ROUTE: Record<string, LocaleScreen> = { 'desk-warning': 'desk' };

/** The screen a route belongs to; null for login and other shared pages, which use the device default. */
export function localeScreenOf(routeName: unknown): LocaleScreen | null {
  if (typeof routeName === 'string' && SCREEN_OF_ROUTE[routeName]) return SCREEN_OF_ROUTE[routeName];
  return (LOCALE_SCREENS as readonly unknown[]).includes(routeName) ? (routeName as LocaleScreen) : null;
}

/** A screen's saved language, else the device default, else null (the app's own default). */
export function savedLocale<L extends string>(storage: Pick<Storage, 'getItem'> | undefined, locales: readonly L[], screen: LocaleScreen | null): L | null {
  const valid = (v: string | null | undefined): v is L => (locales as readonly string[]).includes(v ?? '');
  const own = screen ? storage?.getItem(screenLocaleKey(screen)) : null;
  if (valid(own)) return own;
  const device = storage?.getItem(DEFAULT_LOCALE_KEY);
  return valid(device) ? device : null;
}

/** Where a choice is kept: on its screen only, or (outside the screens) as the device default. */
export const localeKeyFor = (screen: LocaleScreen | null): string => (screen ? screenLocaleKey(screen) : DEFAULT_LOCALE_KEY);
