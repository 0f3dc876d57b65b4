import pg from 'pg';
import type { Logger } from '../logger';

export interface CommittedEventListenerOptions {
  connectionString: string;
  channel: string;
  /** Every event up to `seq` is committed: read what this instance has not delivered yet. */
  announce(seq: number): void;
  /** The log's last seq, read after every (re)connect and every `pollMs` in case a notification was lost. */
  currentSeq(): Promise<number>;
  logger: Logger;
  pollMs?: number;
  retryMs?: number;
}

/**
 * Hears other instances' commits: each commit that records events notifies the new seq on `channel` (sent by
 * PostgreSQL only once the transaction commits, in commit order), and the bus reads the log from its last
 * delivered seq, so every instance delivers every event in seq order exactly once. Reconnects on its own.
 */
export class CommittedEventListener {
  private client: pg.Client | null = null;
  private retry: NodeJS.Timeout | null = null;
  private poll: NodeJS.Timeout | null = null;
  private stopped = false;
  private started = false;

  constructor(private readonly options: CommittedEventListenerOptions) {}

  start(): void {
    if (this.started || this.stopped) return;
    this.started = true;
    void this.connect();
    this.poll = setInterval(() => void this.catchUp(), this.options.pollMs ?? 5_000);
    this.poll.unref();
  }

  async close(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    if (this.poll) clearInterval(this.poll);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({
      connectionString: this.options.connectionString,
      application_name: 'tidewatch-events',
      keepAlive: true,
      keepAliveInitialDelayMillis: 5_000,
      connectionTimeoutMillis: 5_000,
    });
    client.on('notification', ({ channel, payload }) => {
      const seq = Number(payload);
      if (channel === this.options.channel && Number.isSafeInteger(seq)) this.options.announce(seq);
    });
    client.on('error', (err) => this.reconnect(client, err));
    client.on('end', () => this.reconnect(client, null));
    try {
      await client.connect();
      await client.query(`listen "${this.options.channel}"`);
      if (this.stopped) return void (await client.end());
      this.client = client;
      await this.catchUp();
    } catch (err) {
      this.reconnect(client, err);
    }
  }

  private reconnect(client: pg.Client, err: unknown): void {
    client.removeAllListeners('end');
    client.on('error', () => undefined);
    void client.end().catch(() => undefined);
    if (this.client === client) this.client = null;
    if (this.stopped || this.retry) return;
    this.options.logger.warn({ err }, 'event notifications lost: reconnecting (events from other instances arrive by polling meanwhile)');
    this.retry = setTimeout(() => {
      this.retry = null;
      void this.connect();
    }, this.options.retryMs ?? 1_000);
  }

  private async catchUp(): Promise<void> {
    try {
      this.options.announce(await this.options.currentSeq());
    } catch (err) {
      this.options.logger.warn({ err }, 'reading the event log position failed');
    }
  }
}
