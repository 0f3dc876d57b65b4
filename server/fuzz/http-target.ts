import type { z } from 'zod';
import type { HttpMethod } from '../../shared/routes/route';

/** One HTTP route as the fuzz calls it: the full path (with `:params`) and the schemas of what it reads. */
export interface HttpTarget {
  method: HttpMethod;
  path: string;
  body?: z.ZodType;
  query?: z.ZodType;
}
