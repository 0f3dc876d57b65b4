import { TYPHOON_IMPORT_ROUTES, TYPHOON_ROUTES } from '@shared/routes/typhoons';
import type { z } from 'zod';
import type { Agency, ManualBulletinSchema } from '@shared/schemas/typhoon';
import { callRoute } from '../../shell/api/routeClient';

/** What the desk may add to a file import: a CSV names no storm, so its number and names come with it. */
export interface StormImportOptions {
  historical?: boolean;
  number?: string;
  nameEn?: string;
  nameZh?: string;
}

export const typhoonApi = {
  list: (archived = false) => callRoute(TYPHOON_ROUTES.list, { query: { archived: archived ? 'true' : 'false' } }),
  /** The file's bytes as sent; the server tells the format apart and answers with the line at fault. */
  importFile: (bytes: Uint8Array, options: StormImportOptions = {}) => {
    const query = { historical: options.historical ? ('true' as const) : undefined, number: options.number || undefined, nameEn: options.nameEn || undefined, nameZh: options.nameZh || undefined };
    return callRoute(TYPHOON_IMPORT_ROUTES.import, { query, body: bytes });
  },
  bulletin: (input: z.input<typeof ManualBulletinSchema>) => callRoute(TYPHOON_ROUTES.bulletin, { body: input }),
  archive: (id: string) => callRoute(TYPHOON_ROUTES.archive, { params: { id } }),
  exposure: (id: string, query: { agency?: Agency; at?: string } = {}) => callRoute(TYPHOON_ROUTES.exposure, { params: { id }, query }),
  feed: () => callRoute(TYPHOON_ROUTES.feed, {}),
};
