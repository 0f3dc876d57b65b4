import { z } from 'zod';
import { ImportQuerySchema, ImportResultSchema, ManualBulletinSchema, StormSchema } from '../schemas/typhoon';
import { ExposureQuerySchema, ExposureSchema, FeedStatusSchema, SignalRulesSchema, StormListQuerySchema } from '../schemas/typhoon-exposure';
import { defineRoute } from './route';

/** The types a storm file may arrive as: JMA text, the best-track CSV, the Zhejiang JSON (or JSONP). */
export const STORM_FILE_TYPES = ['text/plain', 'text/csv', 'application/csv', 'application/json', 'application/javascript', 'text/javascript', 'application/octet-stream'];

/** A storm file's bytes, read as UTF-8 by the server. */
export const StormFileSchema = z.custom<Uint8Array>((v) => v instanceof Uint8Array, 'Send the file itself as the body (text/plain, text/csv or application/json).');

/** Best-track CSVs do not name their storm: the number and names come with the query. */
export const StormImportQuerySchema = ImportQuerySchema.extend({
  number: z
    .string()
    .regex(/^\d{4}$/)
    .optional(),
  nameEn: z.string().trim().max(40).optional(),
  nameZh: z.string().trim().max(40).optional(),
});

/**
 * Storms: the board reads them and their exposure; the duty desk imports files, types bulletins and archives;
 * admin and commander edit the signal table. The import reads the file's bytes (up to 5 MB) after the
 * permission check, and is mounted before the API's JSON parser so a JSON file arrives as sent.
 */
export const TYPHOON_ROUTES = {
  list: defineRoute({ method: 'GET', path: '/typhoons', query: StormListQuerySchema, answer: z.array(StormSchema), allow: 'watchBoard' }),
  get: defineRoute({ method: 'GET', path: '/typhoons/:id', answer: StormSchema, allow: 'watchBoard' }),
  bulletin: defineRoute({ method: 'POST', path: '/typhoons/bulletins', body: ManualBulletinSchema, answer: StormSchema, allow: 'desk' }),
  archive: defineRoute({ method: 'POST', path: '/typhoons/:id/archive', answer: StormSchema, allow: 'desk' }),
  exposure: defineRoute({ method: 'GET', path: '/typhoons/:id/exposure', query: ExposureQuerySchema, answer: ExposureSchema, allow: 'watchBoard' }),
  signalRules: defineRoute({ method: 'GET', path: '/typhoon-signal-rules', answer: SignalRulesSchema, allow: 'watchBoard' }),
  setSignalRules: defineRoute({ method: 'PUT', path: '/typhoon-signal-rules', body: SignalRulesSchema, answer: SignalRulesSchema, allow: 'plan' }),
  feed: defineRoute({ method: 'GET', path: '/typhoon-feed', answer: FeedStatusSchema, allow: 'watchBoard' }),
};

export const TYPHOON_IMPORT_ROUTES = {
  import: defineRoute({ method: 'POST', path: '/typhoons/import', query: StormImportQuerySchema, body: StormFileSchema, answer: ImportResultSchema, allow: 'desk', raw: { types: STORM_FILE_TYPES, limit: '5mb' } }),
};
