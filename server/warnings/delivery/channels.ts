import { createHmac } from 'node:crypto';
import { ChannelRefused, type Notifier, type OutgoingMessage, type PostJson } from './notifier';

/** The outbox: the duty officer reads and copies the messages; it accepts everything at once and needs no gateway. */
export const outboxNotifier: Notifier = { channel: 'outbox', personal: true, send: async () => undefined };

/**
 * A generic webhook: the JSON body as stored, signed `X-Tidewatch-Signature: sha256=<hex HMAC of
 * "<timestamp>.<body>">` with `X-Tidewatch-Timestamp` (ms), so the receiver can check origin and freshness.
 */
export function webhookNotifier(postJson: PostJson, url: string, secret: string | undefined, clock: () => number = Date.now): Notifier {
  return {
    channel: 'webhook',
    personal: false,
    async send(message: OutgoingMessage, signal: AbortSignal) {
      const timestamp = String(clock());
      const headers: Record<string, string> = { 'x-tidewatch-timestamp': timestamp, 'x-tidewatch-delivery': message.deliveryId };
      if (secret) headers['x-tidewatch-signature'] = `sha256=${createHmac('sha256', secret).update(`${timestamp}.${message.text}`).digest('hex')}`;
      await postJson(url, message.text, headers, signal);
    },
  };
}

/**
 * A DingTalk / 浙政钉 custom robot: a text message to the group with @mentions by mobile number. With a 加签
 * secret, the URL carries `timestamp` (ms) and `sign` = base64(HMAC-SHA256(secret, "timestamp\nsecret")).
 * The robot answers HTTP 200 with `{ errcode, errmsg }`; any errcode but 0 is a refusal.
 */
export function dingTalkNotifier(postJson: PostJson, webhookUrl: string, secret: string | undefined, clock: () => number = Date.now): Notifier {
  return {
    channel: 'dingtalk',
    personal: false,
    async send(message: OutgoingMessage, signal: AbortSignal) {
      const url = new URL(webhookUrl);
      if (secret) {
        const timestamp = String(clock());
        url.searchParams.set('timestamp', timestamp);
        url.searchParams.set('sign', createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64'));
      }
      const mentions = message.mentions.map((m) => `@${m}`).join(' ');
      const body = JSON.stringify({ msgtype: 'text', text: { content: mentions ? `${message.text}\n${mentions}` : message.text }, at: { atMobiles: message.mentions, isAtAll: false } });
      const answer = (await postJson(url.toString(), body, {}, signal)) as { errcode?: unknown; errmsg?: unknown } | null;
      if (!answer || answer.errcode !== 0) throw new ChannelRefused(`DingTalk errcode ${String(answer?.errcode ?? '?')}: ${String(answer?.errmsg ?? 'no answer')}`);
    },
  };
}

/** JSON-escapes a value for a placeholder inside a JSON string literal of the template. */
const inJsonString = (value: string) => JSON.stringify(value).slice(1, -1);

/**
 * An SMS gateway reached by a configurable HTTP template: the body is `SMS_GATEWAY_BODY` with `{{phone}}` and
 * `{{text}}` filled in (JSON-escaped), plus one optional header (`Name: value`) for its key.
 */
export function smsGatewayNotifier(postJson: PostJson, url: string, bodyTemplate: string, header: string | undefined): Notifier {
  const headers: Record<string, string> = {};
  if (header) {
    const at = header.indexOf(':');
    headers[header.slice(0, at).trim().toLowerCase()] = header.slice(at + 1).trim();
  }
  return {
    channel: 'sms',
    personal: true,
    async send(message: OutgoingMessage, signal: AbortSignal) {
      if (!message.to) throw new ChannelRefused('no phone number');
      const body = bodyTemplate.replaceAll('{{phone}}', inJsonString(message.to)).replaceAll('{{text}}', inJsonString(message.text));
      await postJson(url, body, headers, signal);
    },
  };
}
