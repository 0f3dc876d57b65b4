import { COMMON_PASSWORDS } from './common-passwords';

export type PasswordProblem = 'blank' | 'one_character' | 'common';

const COMMON = new Set(COMMON_PASSWORDS);

/**
 * What makes a password of the right length still guessable: only blanks, one character repeated, or one of
 * the commonest passwords (case and surrounding blanks ignored). Null when none applies.
 */
export function passwordProblem(password: string): PasswordProblem | null {
  const trimmed = password.trim();
  if (trimmed === '') return 'blank';
  if (new Set(trimmed.replace(/\s/g, '')).size <= 1) return 'one_character';
  if (COMMON.has(trimmed.toLowerCase())) return 'common';
  return null;
}
