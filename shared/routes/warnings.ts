import { z } from 'zod';
import { CapAlertListQuerySchema, CapAlertSchema, CapImportResultSchema, CapXmlBodySchema } from '../schemas/cap-alert';
import { ContactCreateSchema, ContactCsvImportResultSchema, ContactSchema, ContactUpdateSchema } from '../schemas/contact';
import { CsvFileSchema } from '../schemas/supply';
import {
  DeliverySchema,
  PhoneAnswerSchema,
  RecipientSchema,
  TownshipCoverageSchema,
  WarningCancelSchema,
  WarningDraftEditSchema,
  WarningDraftSchema,
  WarningIssueSchema,
  WarningListQuerySchema,
  WarningSchema,
  WarningTemplateQuerySchema,
  WarningTextsSchema,
} from '../schemas/warning';
import { DownloadSchema, NoAnswer, defineRoute } from './route';

/**
 * County warnings: the duty desk drafts (templates per hazard and colour), the commander approves and issues
 * (签发) or cancels; the board follows who has answered. Issuing queues every targeted contact's personal
 * link and calls every channel (server/warnings). The public feed and the phone page are outside /api and
 * need no sign-in: `GET /cap/alerts.atom`, `GET /cap/alerts/<identifier>.xml`, `GET /w/<token>`.
 */
export const WARNING_ROUTES = {
  list: defineRoute({ method: 'GET', path: '/warnings', query: WarningListQuerySchema, answer: z.array(WarningSchema), allow: 'watchBoard' }),
  /** The Chinese (and English) texts for a hazard and colour; `townships` (comma separated) fills the places. */
  template: defineRoute({ method: 'GET', path: '/warnings/template', query: WarningTemplateQuerySchema, answer: WarningTextsSchema, allow: 'desk' }),
  get: defineRoute({ method: 'GET', path: '/warnings/:id', answer: WarningSchema, allow: 'watchBoard' }),
  draft: defineRoute({ method: 'POST', path: '/warnings', body: WarningDraftSchema, answer: WarningSchema, allow: 'desk' }),
  editDraft: defineRoute({ method: 'PATCH', path: '/warnings/:id', body: WarningDraftEditSchema, answer: WarningSchema, allow: 'desk' }),
  /** 签发: the commander approves a draft and it is published (CAP, feed, personal links, channels). */
  issue: defineRoute({ method: 'POST', path: '/warnings/:id/issue', body: WarningIssueSchema, answer: WarningSchema, allow: 'signOff' }),
  /** Publishes a Cancel referencing an issued warning; answers the Cancel record. */
  cancel: defineRoute({ method: 'POST', path: '/warnings/:id/cancel', body: WarningCancelSchema, answer: WarningSchema, allow: 'signOff' }),
  /** The CAP 1.2 XML of an issued warning (exercises included), as published. */
  cap: defineRoute({ method: 'GET', path: '/warnings/:id/cap', answer: DownloadSchema, allow: 'watchBoard', download: { contentType: 'application/xml; charset=utf-8' } }),
  recipients: defineRoute({ method: 'GET', path: '/warnings/:id/recipients', answer: z.array(RecipientSchema), allow: 'desk' }),
  coverage: defineRoute({ method: 'GET', path: '/warnings/:id/coverage', answer: z.array(TownshipCoverageSchema), allow: 'watchBoard' }),
  /** 电话叫应: the duty officer records an answer taken by phone. */
  phoneAnswer: defineRoute({ method: 'POST', path: '/warnings/:id/recipients/:recipientId/phone-answer', body: PhoneAnswerSchema, answer: RecipientSchema, allow: 'desk' }),
  /** Every message the channels were asked to carry, with its state; the outbox's are the ones to copy by hand. */
  deliveries: defineRoute({ method: 'GET', path: '/warnings/:id/deliveries', answer: z.array(DeliverySchema), allow: 'desk' }),
};

/** Received alerts (the meteorological bureau's and others'): import, list, read. */
export const CAP_ROUTES = {
  /** The CAP 1.1/1.2 XML itself as the body (at most 1 MB); an invalid file is refused whole with the list of what is wrong. */
  import: defineRoute({
    method: 'POST',
    path: '/cap/import',
    body: CapXmlBodySchema,
    answer: CapImportResultSchema,
    allow: 'desk',
    raw: { types: ['application/xml', 'text/xml', 'application/cap+xml', 'application/octet-stream', 'text/plain'], limit: '1mb' },
  }),
  list: defineRoute({ method: 'GET', path: '/cap/alerts', query: CapAlertListQuerySchema, answer: z.array(CapAlertSchema), allow: 'watchBoard' }),
  get: defineRoute({ method: 'GET', path: '/cap/alerts/:id', answer: CapAlertSchema, allow: 'watchBoard' }),
};

const CSV_TYPES = ['text/csv', 'text/plain', 'application/csv', 'application/vnd.ms-excel', 'application/octet-stream'];

/** The contacts registry (叫应 addressees): staff keep it; phone numbers are not for the wall. */
export const CONTACT_ROUTES = {
  list: defineRoute({ method: 'GET', path: '/contacts', answer: z.array(ContactSchema), allow: 'keepContacts' }),
  create: defineRoute({ method: 'POST', path: '/contacts', body: ContactCreateSchema, answer: ContactSchema, allow: 'keepContacts' }),
  update: defineRoute({ method: 'PATCH', path: '/contacts/:id', body: ContactUpdateSchema, answer: ContactSchema, allow: 'keepContacts' }),
  remove: defineRoute({ method: 'DELETE', path: '/contacts/:id', answer: NoAnswer, allow: 'keepContacts' }),
  /**
   * A CSV exported from Excel (UTF-8 or GB18030, at most 2 MB): columns 姓名, 职务, 乡镇, 单位, 电话 (several
   * separated by ; or /), 渠道, AB角 (the backup's name or phone). Refused whole when a line is bad; contacts
   * are matched by their first phone number.
   */
  importCsv: defineRoute({ method: 'POST', path: '/contacts/csv', body: CsvFileSchema, answer: ContactCsvImportResultSchema, allow: 'keepContacts', raw: { types: CSV_TYPES, limit: '2mb' } }),
};
