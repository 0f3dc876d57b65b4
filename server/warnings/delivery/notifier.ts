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

/** Sends a JSON body and answers the parsed answer; rejects with an error naming the status on a non-2xx (server/http/outbound-json.ts). */
export type PostJson = (url: string, body: string, headers: Record<string, string>, signal: AbortSignal) => Promise<unknown>;
