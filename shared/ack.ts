import { z } from 'zod';
import { ERROR_CODES, type ErrorCode } from './errors';

export const ApiErrorSchema = z.object({
  code: z.enum(ERROR_CODES as [ErrorCode, ...ErrorCode[]]),
  message: z.string(),
  details: z.unknown().optional(),
});
export type ApiError = z.infer<typeof ApiErrorSchema>;

/** The one envelope every request is answered with, over HTTP and as a socket ack. */
export type Ack<T> = { ok: true; data: T } | { ok: false; error: ApiError };

export const ok = <T>(data: T): Ack<T> => ({ ok: true, data });
