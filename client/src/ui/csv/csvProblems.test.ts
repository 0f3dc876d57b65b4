import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shell/api/apiError';
import { csvProblems } from './csvProblems';

describe('a refused CSV file', () => {
  it('reads the bad lines of a refused CSV file', () => {
    const e = new ApiError('VALIDATION_FAILED', 'The file has 2 problems', 400, [
      { line: 3, message: '单位: Too small' },
      { line: 5, message: 'Repeats line 2.' },
    ]);
    expect(csvProblems(e)).toEqual([
      { line: 3, message: '单位: Too small' },
      { line: 5, message: 'Repeats line 2.' },
    ]);
    expect(csvProblems(new ApiError('VALIDATION_FAILED', 'bad', 400, { path: 'x' }))).toBeNull();
    expect(csvProblems(new ApiError('FORBIDDEN', 'no', 403, [{ line: 1, message: 'x' }]))).toBeNull();
  });
});
