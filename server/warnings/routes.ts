import { Router } from 'express';
import { CAP_ROUTES, WARNING_ROUTES } from '../../shared/routes/warnings';
import { contractRouter, type Authenticator } from '../http/contract-router';
import type { RecipientService } from './ack/recipient-service';
import type { CapImportService } from './cap/cap-import-service';
import type { DeliveryDispatcher } from './delivery/delivery-dispatcher';
import type { WarningService } from './warning-service';

export interface WarningRouteDeps {
  sessions: Authenticator;
  warnings: WarningService;
  recipients: RecipientService;
  deliveries: DeliveryDispatcher;
  caps: CapImportService;
  /** Called after a warning was published: starts sending at once instead of at the next tick. */
  published(): void;
}

export function warningRoutes(deps: WarningRouteDeps): Router {
  const { sessions, warnings, recipients, deliveries, caps } = deps;
  const router = Router();
  router.use(
    contractRouter(sessions, WARNING_ROUTES, {
      list: ({ query }) => warnings.list(query.status),
      template: ({ query }) => warnings.template(query.hazard, query.colour, (query.townships ?? '').split(',').filter(Boolean)),
      get: ({ params }) => warnings.get(params.id),
      draft: ({ body, actor }) => warnings.draft(body, actor),
      editDraft: ({ params, body, actor }) => warnings.editDraft(params.id, body, actor),
      issue: async ({ params, actor }) => {
        const warning = await warnings.issue(params.id, actor);
        deps.published();
        return warning;
      },
      cancel: async ({ params, body, actor }) => {
        const cancel = await warnings.cancel(params.id, body.reason, actor);
        deps.published();
        return cancel;
      },
      cap: async ({ params }) => {
        const { warning, xml } = await warnings.capXml(params.id);
        return { filename: `${warning.identifier}.xml`, bytes: new TextEncoder().encode(xml) };
      },
      recipients: ({ params }) => recipients.list(params.id),
      coverage: ({ params }) => recipients.coverage(params.id),
      phoneAnswer: ({ params, body, actor }) => recipients.phoneAnswer(params.id, params.recipientId, body.answer, body.note, actor),
      deliveries: async ({ params }) => {
        await warnings.get(params.id);
        return deliveries.list(params.id);
      },
    }),
  );
  router.use(
    contractRouter(sessions, CAP_ROUTES, {
      import: ({ body, actor }) => caps.import(body, 'upload', actor),
      list: ({ query }) => caps.list(query.state),
      get: ({ params }) => caps.get(params.id),
    }),
  );
  return router;
}
