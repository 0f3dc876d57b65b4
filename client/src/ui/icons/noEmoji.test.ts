import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Emoji and dingbats render as empty boxes on kiosks and tablets without an emoji font (the product ships
 * Noto Sans SC only), so the UI draws icons as SVG (`client/src/ui/icons/`). Counted as emoji: every
 * Extended_Pictographic code point, the Dingbats block (✓ ✗ ✚ …), regional indicators (flags) and the
 * emoji presentation selector. Arrows (← ↑ →), the middle dot and CJK punctuation are in the UI font and stay.
 */
const EMOJI = /[\p{Extended_Pictographic}\u{2700}-\u{27BF}\u{1F1E6}-\u{1F1FF}]|\u{FE0F}/gu;

const CLIENT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const SHIPPED = /\.(vue|ts|html|css|json|webmanifest)$/;

function shippedFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === 'node_modules' ? [] : shippedFiles(full);
    return SHIPPED.test(name) && !/\.test\.ts$|testFixtures\.ts$|legacyFixtures\.ts$/.test(name) ? [full] : [];
  });
}

function emojiIn(files: string[]): string[] {
  const found: string[] = [];
  for (const file of files) {
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        const hits = line.match(EMOJI);
        if (hits) found.push(`${path.relative(CLIENT, file)}:${i + 1} ${hits.map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase()}`).join(' ')}`);
      });
  }
  return found;
}

describe('no emoji in the product UI', () => {
  it('the pattern catches the glyphs the issue saw as boxes and lets the UI font’s symbols through', () => {
    expect('📷 ✓ ✔️ 🇨🇳 ⚠'.match(EMOJI)?.length).toBeGreaterThanOrEqual(5);
    expect('交班 → 接班 · ↑ ～（）'.match(EMOJI)).toBeNull();
  });

  it('no client template, message or page carries an emoji code point', () => {
    const files = [...shippedFiles(path.join(CLIENT, 'src')), ...shippedFiles(path.join(CLIENT, 'public')), path.join(CLIENT, 'index.html')];
    expect(files.length).toBeGreaterThan(50);
    expect(emojiIn(files)).toEqual([]);
  });
});
