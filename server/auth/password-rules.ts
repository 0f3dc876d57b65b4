import { passwordProblem } from '../../shared/passwords/password-rules';
import { DomainError } from '../errors';

const WHY = {
  blank: 'only blanks',
  one_character: 'one character repeated',
  common: 'one of the commonest passwords',
} as const;

/** Throws WEAK_PASSWORD (naming the field) when a new password is blank, one character repeated or common. */
export function refuseWeakPassword(password: string, field: string): void {
  const problem = passwordProblem(password);
  if (problem) throw new DomainError('WEAK_PASSWORD', undefined, [{ path: field, message: WHY[problem], problem }]);
}
