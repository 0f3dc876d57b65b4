import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createI18n } from 'vue-i18n';
import { describe, expect, it } from 'vitest';
import en from './en';
import zhCN from './zh-CN';

type Tree = { [key: string]: string | Tree };
function leaves(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) => {
    const p = prefix ? `${prefix}.${key}` : key;
    return typeof value === 'string' ? [[p, value] as [string, string]] : leaves(value, p);
  });
}
const english = leaves(en as unknown as Tree);
const { t } = createI18n({ legacy: false, locale: 'en', messages: { en, 'zh-CN': zhCN } }).global;

/** Han characters and the full-width marks of Chinese text (，：；（）、。！？). */
const CHINESE = /[\p{Script=Han}\uFF0C\uFF1A\uFF1B\uFF08\uFF09\u3001\u3002\uFF01\uFF1F]/u;
/** "{n} alarms": a count followed by a plural noun; units (fps, kbps, s, h) are not nouns. */
/** Said only of counts of 100 and more. */
const ALWAYS_MANY = new Set(['supplies.csv.rejectedMany']);
const COUNTED_PLURAL = /\{n\} (?:[a-z]+ )?(?!fps\b|kbps\b)[a-z]+s\b/;

describe('English reads as English', () => {
  it('has no Chinese words or full-width punctuation in any message (but the name 中文 in the language switch)', () => {
    expect(english.filter(([key, text]) => !/^lang\.(short\.)?zh-CN$/.test(key) && CHINESE.test(text)).map(([key, text]) => `${key}: ${text}`)).toEqual([]);
  });

  it('gives every counted noun a singular form (vue-i18n plural)', () => {
    expect(english.filter(([key, text]) => !ALWAYS_MANY.has(key) && COUNTED_PLURAL.test(text.split('|')[0]!)).map(([key, text]) => `${key}: ${text}`)).toEqual([]);
  });

  it('says "1 alarm", "2 alarms", "1 report", "1 tile"', () => {
    expect([t('desk.tabs.alarms', 1), t('desk.tabs.alarms', 2), t('board.overdueReports', 1), t('video.layout.gridN', 1), t('video.layout.gridN', 4)]).toEqual([
      '1 alarm',
      '2 alarms',
      '1 report overdue',
      '1 tile',
      '4 tiles',
    ]);
    expect(t('dispatch.outcome.rescued', 0)).toBe('no one rescued');
  });

  it('joins clauses and labels with English punctuation', () => {
    expect([t('common.labelled', { label: 'Team', value: 'All' }), ['1 alarm', '1 not acknowledged'].join(t('common.clauseJoin'))]).toEqual(['Team: All', '1 alarm, 1 not acknowledged']);
  });

  it('names incident severities by class, IV (一般) to I (特别重大)', () => {
    expect(['general', 'major', 'serious', 'extraordinary'].map((s) => t(`incident.severity.${s}`))).toEqual(['Class IV', 'Class III', 'Class II', 'Class I']);
  });
});

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const vueFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? vueFiles(full) : name.endsWith('.vue') ? [full] : [];
  });

describe('components leave punctuation to the messages', () => {
  it('no template or script of a component writes Chinese punctuation around translated text', () => {
    const FULL_WIDTH = /[\uFF0C\uFF1A\uFF1B\uFF08\uFF09\u3001\u3002]/;
    const found = vueFiles(SRC).flatMap((file) => {
      const code = readFileSync(file, 'utf8').replace(/<style[\s\S]*?<\/style>/g, '');
      return code
        .split('\n')
        // Comments, regular expressions and glyph lists for font loading ('（）') are not text on screen.
        .map((line, i) => ({ line: line.replace(/'[\uFF08\uFF09\uFF0C\uFF1A]+'/g, '').replace(/\/\/.*$|\/\*.*?\*\/|<!--.*?-->/g, '').replace(/\/(?:[^/\n\\]|\\.)+\/[gimsuy]*/g, ''), at: `${path.relative(SRC, file)}:${i + 1}` }))
        .filter(({ line }) => FULL_WIDTH.test(line) && !/[\p{Script=Han}]/u.test(line.replace(FULL_WIDTH, '')))
        .map(({ at, line }) => `${at} ${line.trim()}`);
    });
    expect(found).toEqual([]);
  });
});
