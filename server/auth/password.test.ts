import { describe, expect, it } from 'vitest';
import { generatePassword, hashPassword, verifyPassword } from './password';

describe('password hashing', () => {
  it('verifies the right password and rejects a wrong one', async () => {
    const stored = await hashPassword('typhoon-lekima-2019');
    expect(stored.startsWith('scrypt$16384$8$1$')).toBe(true);
    expect(await verifyPassword('typhoon-lekima-2019', stored)).toBe(true);
    expect(await verifyPassword('typhoon-lekima-2020', stored)).toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hashPassword('same-password-1')).not.toBe(await hashPassword('same-password-1'));
  });

  it('rejects a malformed stored hash instead of throwing', async () => {
    expect(await verifyPassword('x', 'not-a-hash')).toBe(false);
  });

  it('generates passwords without look-alike characters', () => {
    const password = generatePassword(200);
    expect(password).toHaveLength(200);
    expect(password).not.toMatch(/[0O1lI]/);
  });

  it('draws every character equally often, so no password is easier to guess than its length says', () => {
    // 55 characters from a byte by modulo favoured the first 36 by a quarter; 220,000 draws show that
    // as a ratio near 1.25, while a uniform draw stays within a few per cent.
    const counts = new Map<string, number>();
    for (const ch of generatePassword(220_000)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    expect(counts.size).toBe(55);
    const values = [...counts.values()];
    expect(Math.max(...values) / Math.min(...values)).toBeLessThan(1.15);
  });
});
