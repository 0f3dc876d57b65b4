import { z } from 'zod';
import { InstantSchema } from '../time';
import { TownshipNameSchema } from './township-name';

/**
 * A person who must answer a warning (叫应): a duty in a township, phones and the channels that reach them,
 * and a backup (AB角) who is contacted when they stay silent.
 */
export const CONTACT_DUTIES = ['township_head', 'deputy_head', 'village_cadre', 'grid_worker', 'department_liaison'] as const;
export type ContactDuty = (typeof CONTACT_DUTIES)[number];
/** The Chinese names the CSV import accepts for each duty. */
export const CONTACT_DUTY_NAMES: Record<ContactDuty, string> = {
  township_head: '乡镇主要负责人',
  deputy_head: '分管负责人',
  village_cadre: '村干部',
  grid_worker: '网格员',
  department_liaison: '部门联络员',
};

/** `sms` and `outbox` may carry the personal link; `dingtalk` (a group robot) and `webhook` never do. */
export const CONTACT_CHANNELS = ['sms', 'dingtalk', 'webhook', 'outbox'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

export const PhoneSchema = z.string().trim().regex(/^\+?[0-9][0-9-]{4,19}$/, 'a phone number (digits, optional + and -)');

export const ContactSchema = z.object({
  id: z.string(),
  name: z.string(),
  duty: z.enum(CONTACT_DUTIES),
  township: TownshipNameSchema,
  /** Where they work within the township (a village, a department), free text. */
  unit: z.string(),
  phones: z.array(PhoneSchema).min(1),
  channels: z.array(z.enum(CONTACT_CHANNELS)).min(1),
  backupId: z.string().nullable(),
  updatedAt: InstantSchema,
});
export type Contact = z.infer<typeof ContactSchema>;

export const ContactCreateSchema = z
  .object({
    name: z.string().trim().min(1).max(40),
    duty: z.enum(CONTACT_DUTIES),
    township: TownshipNameSchema,
    unit: z.string().trim().max(80).default(''),
    phones: z.array(PhoneSchema).min(1).max(4),
    channels: z.array(z.enum(CONTACT_CHANNELS)).min(1).max(4).default(['sms']),
    backupId: z.string().min(1).max(64).nullable().default(null),
  })
  .strict();
export const ContactUpdateSchema = ContactCreateSchema.partial().strict();

export const ContactCsvImportResultSchema = z.object({ rows: z.number().int(), created: z.number().int(), updated: z.number().int() });
export type ContactCsvImportResult = z.infer<typeof ContactCsvImportResultSchema>;

export const CONTACT_EVENT_PAYLOADS = {
  'contact.saved': z.object({ contact: ContactSchema }),
  'contact.removed': z.object({ contactId: z.string() }),
};
