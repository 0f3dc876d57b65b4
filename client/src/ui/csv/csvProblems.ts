import { MAX_CSV_PROBLEMS } from '@shared/schemas/supply';
import { isApiError } from '../../shell/api/apiError';

export interface CsvProblem {
  line: number;
  message: string;
}

/** The bad lines of a refused CSV file (VALIDATION_FAILED with one detail per line), or null for any other error. */
export function csvProblems(e: unknown): CsvProblem[] | null {
  if (!isApiError(e) || e.code !== 'VALIDATION_FAILED' || !Array.isArray(e.details)) return null;
  const problems = (e.details as unknown[]).filter((d): d is CsvProblem => typeof (d as CsvProblem)?.line === 'number' && typeof (d as CsvProblem)?.message === 'string');
  return problems.length > 0 ? problems : null;
}

/** The server lists at most MAX_CSV_PROBLEMS bad lines: a list that long may have been cut, so say "at least". */
export const mayHaveMoreProblems = (problems: readonly CsvProblem[]): boolean => problems.length >= MAX_CSV_PROBLEMS;
