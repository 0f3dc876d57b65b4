import { Router } from 'express';
import { TYPHOON_IMPORT_ROUTES, TYPHOON_ROUTES } from '../../shared/routes/typhoons';
import type { FeedStatus } from '../../shared/schemas/typhoon-exposure';
import { DomainError } from '../errors';
import { contractRouter, type Authenticator } from '../http/contract-router';
import type { QuadrantOrder } from './importers/zhejiang-json';
import type { SignalRulesService } from './signal-rules-service';
import type { StormService } from './storm-service';

export interface TyphoonRouteDeps {
  sessions: Authenticator;
  storms: StormService;
  rules: SignalRulesService;
  feedStatus: () => FeedStatus;
  quadrantOrder: QuadrantOrder;
}

export function typhoonRoutes({ sessions, storms, rules, feedStatus }: TyphoonRouteDeps): Router {
  return contractRouter(sessions, TYPHOON_ROUTES, {
    list: ({ query }) => storms.list(query.archived ? {} : { archived: false }),
    get: ({ params }) => storms.get(params.id),
    bulletin: ({ body, actor }) => storms.importBulletin(body, actor),
    archive: ({ params, actor }) => storms.archive(params.id, actor),
    exposure: ({ params, query }) => storms.exposure(params.id, query),
    signalRules: () => rules.get(),
    setSignalRules: ({ body, actor }) => rules.set(body, actor),
    feed: () => feedStatus(),
  });
}

/** The file import reads its own body (any of the storm file types, 5 MB), so it is mounted before the API's JSON parser. */
export function typhoonImportRoutes({ sessions, storms, quadrantOrder }: Pick<TyphoonRouteDeps, 'sessions' | 'storms' | 'quadrantOrder'>): Router {
  return Router().use(
    '/api',
    contractRouter(sessions, TYPHOON_IMPORT_ROUTES, {
      import: ({ query, body, actor }) => {
        if (body.length === 0) throw new DomainError('VALIDATION_FAILED', 'Send the storm file itself as the body (text/plain, text/csv or application/json).');
        let text: string;
        try {
          text = new TextDecoder('utf-8', { fatal: true }).decode(body);
        } catch {
          throw new DomainError('VALIDATION_FAILED', 'The file is not UTF-8 text.', { field: 'file' });
        }
        const csvIdentity = query.number ? { number: query.number, nameEn: query.nameEn ?? null, nameZh: query.nameZh ?? null } : null;
        return storms.importFile(text, { csvIdentity, quadrantOrder, historical: query.historical }, actor);
      },
    }),
  );
}
