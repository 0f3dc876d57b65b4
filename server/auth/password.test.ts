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
});
