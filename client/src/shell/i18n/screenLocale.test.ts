import { describe, expect, it } from 'vitest';
import { localeKeyFor, localeScreenOf, savedLocale } from './screenLocale';

const LOCALES = ['zh-CN', 'en'] as const;
function memory(entries: Record<string, string> = {}) {
  const map = new Map(Object.entries(entries));
  return { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v) };
}

describe('a language per screen', () => {
  it('keeps the wall, desk, tablet and admin choices apart', () => {
    const storage = memory();
    storage.setItem(localeKeyFor(localeScreenOf('wall')), 'en');
    storage.setItem(localeKeyFor(localeScreenOf('desk')), 'zh-CN');
    expect(savedLocale(storage, LOCALES, 'wall')).toBe('en');
    expect(savedLocale(storage, LOCALES, 'desk')).toBe('zh-CN');
    expect(savedLocale(storage, LOCALES, 'field')).toBeNull();
    expect(savedLocale(storage, LOCALES, 'admin')).toBeNull();
  });

  it('reads a warning’s own page (the commander’s phone) in the desk’s language', () => {
    expect(localeScreenOf('desk-warning')).toBe('desk');
  });

  it('falls back to the choice made on the login page, and ignores junk', () => {
    const storage = memory({ 'tidewatch.locale': 'en', 'tidewatch.locale.admin': 'fr' });
    expect(localeScreenOf('login')).toBeNull();
    expect(savedLocale(storage, LOCALES, 'field')).toBe('en');
    expect(savedLocale(storage, LOCALES, 'admin')).toBe('en');
    expect(savedLocale(memory(), LOCALES, null)).toBeNull();
  });
});
