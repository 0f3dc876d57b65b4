import { DomainError } from '../../errors';

/** One thing wrong with an alert: where (`alert/info[1]/area[0]/polygon`) and what. */
export interface CapProblem {
  path: string;
  message: string;
}

export const MAX_LISTED_PROBLEMS = 50;

/** Refuses the whole alert with the list of what is wrong; nothing is stored. */
export function capRejected(problems: CapProblem[]): DomainError {
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  return new DomainError('VALIDATION_FAILED', `Not a valid CAP alert (${count}); nothing was stored.`, problems.slice(0, MAX_LISTED_PROBLEMS));
}
