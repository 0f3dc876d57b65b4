import type { z } from 'zod';
import { CAP_ROUTES, CONTACT_ROUTES, WARNING_ROUTES } from '@shared/routes/warnings';
import type { ContactCreateSchema, ContactUpdateSchema } from '@shared/schemas/contact';
import type { Hazard, PhoneAnswerSchema, WarningColour, WarningDraftEditSchema, WarningDraftSchema } from '@shared/schemas/warning';
import { fillPath } from '@shared/routes/route';
import { callRoute } from '../../shell/api/routeClient';
import { downloadFile } from '../../shell/api/http';

export const warningsApi = {
  list: () => callRoute(WARNING_ROUTES.list, { query: {} }),
  get: (id: string) => callRoute(WARNING_ROUTES.get, { params: { id } }),
  template: (hazard: Hazard, colour: WarningColour, townships: readonly string[]) =>
    callRoute(WARNING_ROUTES.template, { query: { hazard, colour, townships: townships.length ? townships.join(',') : undefined } }),
  draft: (body: z.input<typeof WarningDraftSchema>) => callRoute(WARNING_ROUTES.draft, { body }),
  editDraft: (id: string, body: z.input<typeof WarningDraftEditSchema>) => callRoute(WARNING_ROUTES.editDraft, { params: { id }, body }),
  issue: (id: string) => callRoute(WARNING_ROUTES.issue, { params: { id }, body: {} }),
  cancel: (id: string, reason: string) => callRoute(WARNING_ROUTES.cancel, { params: { id }, body: { reason } }),
  recipients: (id: string) => callRoute(WARNING_ROUTES.recipients, { params: { id } }),
  coverage: (id: string) => callRoute(WARNING_ROUTES.coverage, { params: { id } }),
  phoneAnswer: (id: string, recipientId: string, body: z.input<typeof PhoneAnswerSchema>) => callRoute(WARNING_ROUTES.phoneAnswer, { params: { id, recipientId }, body }),
  deliveries: (id: string) => callRoute(WARNING_ROUTES.deliveries, { params: { id } }),
  /** The published CAP XML, fetched with the sign-in token (a plain link would not send it). */
  capXml: (id: string) => downloadFile(`/api${fillPath(WARNING_ROUTES.cap.path, { id })}`),
};

export const capApi = {
  get: (id: string) => callRoute(CAP_ROUTES.get, { params: { id } }),
  /** The file's bytes as sent; an invalid file comes back as VALIDATION_FAILED with every problem in `details`. */
  importXml: (bytes: Uint8Array) => callRoute(CAP_ROUTES.import, { body: bytes }),
};

export const contactsApi = {
  list: () => callRoute(CONTACT_ROUTES.list, {}),
  create: (body: z.input<typeof ContactCreateSchema>) => callRoute(CONTACT_ROUTES.create, { body }),
  update: (id: string, body: z.input<typeof ContactUpdateSchema>) => callRoute(CONTACT_ROUTES.update, { params: { id }, body }),
  remove: (id: string) => callRoute(CONTACT_ROUTES.remove, { params: { id } }),
  importCsv: (bytes: Uint8Array) => callRoute(CONTACT_ROUTES.importCsv, { body: bytes }),
};

export type ContactInput = z.input<typeof ContactCreateSchema>;
