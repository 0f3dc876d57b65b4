import type { z } from 'zod';
import { DomainError } from './errors';

/** Parses untrusted input with a shared schema; failures become VALIDATION_FAILED with field paths. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const details = result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
  throw new DomainError('VALIDATION_FAILED', undefined, details);
}
