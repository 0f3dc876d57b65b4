import { z } from 'zod';
import { TOWNSHIP_NAMES } from '../townships';

/** One of the county's 18 townships (街道/镇/乡), the unit that reports evacuations and hosts shelters and depots. */
export const TownshipNameSchema = z
  .string()
  .refine((name) => TOWNSHIP_NAMES.includes(name), { message: 'not a township of the county' });

/** Short identifiers chosen by people (depot and item codes): they key CSV rows, so they stay stable. */
export const CodeSchema = z
  .string()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, 'letters, digits, _ and -');

export const CountSchema = z.number().int().min(0).max(10_000_000);
