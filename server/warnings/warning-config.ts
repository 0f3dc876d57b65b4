import { z } from 'zod';
import { WARNING_COLOURS, type WarningColour } from '../../shared/schemas/warning';

const LOCAL_HOSTS = /^(localhost|127\.\d+\.\d+\.\d+|0\.0\.0\.0|\[::1?\]|::1?|[^.]+\.localhost)$/i;

/** An https/http URL whose host a phone on a public mobile network could reach: never localhost. */
export const PublicBaseUrlSchema = z
  .url({ protocol: /^https?$/ })
  .refine((value) => !LOCAL_HOSTS.test(new URL(value).hostname), 'PUBLIC_BASE_URL must be an address phones can reach, not localhost')
  .transform((value) => value.replace(/\/+$/, ''));

const list = z
  .string()
  .default('')
  .transform((s) => s.split(',').map((v) => v.trim()).filter(Boolean));

const DEFAULT_SILENCE: Record<WarningColour, number> = { red: 10, orange: 20, yellow: 30, blue: 60 };

/** `red=10,orange=20,yellow=30,blue=60`: minutes a township may stay silent per level; unnamed levels keep their default. */
const SilenceMinutesSchema = z
  .string()
  .default('')
  .transform((s, ctx) => {
    const minutes = { ...DEFAULT_SILENCE };
    for (const part of s.split(',').map((p) => p.trim()).filter(Boolean)) {
      const [colour, value] = part.split('=');
      const n = Number(value);
      if (!WARNING_COLOURS.includes(colour as WarningColour) || !Number.isInteger(n) || n < 1 || n > 24 * 60) {
        ctx.addIssue({ code: 'custom', message: `"${part}": write level=minutes, e.g. red=10,orange=20,yellow=30,blue=60` });
        return z.NEVER;
      }
      minutes[colour as WarningColour] = n;
    }
    return minutes;
  });

/** Warnings, 叫应 and the delivery channels (merged into the server's configuration). */
export const WARNING_CONFIG = {
  /** Where phones open their personal links (`<PUBLIC_BASE_URL>/w/<token>`); unset: no personal links are sent. */
  PUBLIC_BASE_URL: PublicBaseUrlSchema.optional(),
  /** CAP `<sender>` of the county's warnings (no spaces or commas). */
  CAP_SENDER: z.string().regex(/^[^\s,<&]{1,120}$/).default('Xiangshan_County_Emergency_Command'),
  /** The 14-digit sender code that starts identifiers: area code (6), department code (3), five zeros. */
  CAP_SENDER_CODE: z.string().regex(/^\d{14}$/, '14 digits').default('33022500000000'),
  CAP_SENDER_NAME: z.string().min(1).max(120).default('象山县防汛防台抗旱指挥部'),
  CAP_SENDER_NAME_EN: z.string().min(1).max(120).default('Xiangshan County Flood and Typhoon Control Headquarters'),
  /** `on` lists exercises (演练) in the public feed too. */
  CAP_FEED_EXERCISES: z.enum(['on', 'off']).default('off').transform((v) => v === 'on'),
  /** Atom or RSS feeds of CAP alerts to poll (comma separated); none by default (most command centres are offline). */
  CAP_FEED_URLS: list.pipe(z.array(z.url({ protocol: /^https?$/ }))),
  CAP_FEED_POLL_SECONDS: z.coerce.number().int().min(30).default(120),
  WARNING_SILENCE_MINUTES: SilenceMinutesSchema,
  /** Minutes after 收到 within which 已落实 is expected before the township is alarmed again. */
  WARNING_DONE_MINUTES: z.coerce.number().int().min(5).max(24 * 60).default(120),
  WEBHOOK_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** HMAC-SHA256 key for the webhook's `X-Tidewatch-Signature`. */
  WEBHOOK_SECRET: z.string().min(16).optional(),
  /** A DingTalk (or 浙政钉) custom robot: `https://oapi.dingtalk.com/robot/send?access_token=…`. */
  DINGTALK_WEBHOOK_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** The robot's 加签 secret (`SEC…`): requests then carry `timestamp` and `sign`. */
  DINGTALK_SECRET: z.string().min(8).optional(),
  /** The SMS gateway: the URL to POST to, and the JSON body with `{{phone}}` and `{{text}}` placeholders. */
  SMS_GATEWAY_URL: z.url({ protocol: /^https?$/ }).optional(),
  SMS_GATEWAY_BODY: z.string().default('{"phone":"{{phone}}","text":"{{text}}"}'),
  /** Extra header for the gateway, e.g. `Authorization: Bearer …`. */
  SMS_GATEWAY_HEADER: z.string().regex(/^[A-Za-z0-9-]+:\s?.+$/, 'Name: value').optional(),
};
