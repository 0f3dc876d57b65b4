/**
 * One way of reaching people. `personal` channels (SMS, the outbox) may carry a recipient's personal link;
 * group channels (DingTalk robot, webhook) never do: anyone in the group could answer for the person.
 */
export interface OutgoingMessage {
  deliveryId: string;
  /** A phone number for personal channels; '' for group channels. */
  to: string;
  /** The message text (for the webhook, the JSON body). */
  text: string;
  /** Phone numbers to @mention in a group message. */
  mentions: string[];
}

export interface Notifier {
  readonly channel: DeliveryChannel;
  readonly personal: boolean;
  /** Resolves when the channel accepted the message; rejects with a message worth showing to the desk. */
  send(message: OutgoingMessage, signal: AbortSignal): Promise<void>;
}

export type DeliveryChannel = 'outbox' | 'sms' | 'dingtalk' | 'webhook';

/** A channel's answer that says it refused the message. */
export class ChannelRefused extends Error {}

/** POSTs JSON with a timeout; a non-2xx answer is a refusal naming the status. */
export async function postJson(url: string, body: string, headers: Record<string, string>, signal: AbortSignal): Promise<unknown> {
  const response = await fetch(url, { method: 'POST', body, headers: { 'content-type': 'application/json; charset=utf-8', ...headers }, signal, redirect: 'error' });
  const text = await response.text();
  if (!response.ok) throw new ChannelRefused(`HTTP ${response.status}${text ? `: ${text.slice(0, 200)}` : ''}`);
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return text;
  }
}
