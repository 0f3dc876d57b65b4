import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import { FixSchema, type Fix } from '../../shared/schemas/position';
import type { Logger } from '../logger';

const Batch = z.array(FixSchema);
/** One entry per push tick of each instance (at most 20 a second): a reader may fall minutes behind and lose nothing. */
const MAX_STREAM_LENGTH = 10_000;

/**
 * Cluster mode: the latest fixes each instance took, shared with the others through a Redis stream, so every
 * instance knows where every team is (resyncs, dispatch suggestions, the silence watcher on whichever instance
 * owns it). A stream, not PUB/SUB: a reader that was briefly away resumes from its last entry.
 */
export class PositionRelay {
  private readonly from = randomUUID();
  private stopped = false;
  private writeFailed = false;

  constructor(
    private readonly writer: Redis,
    /** A connection of its own: XREAD blocks it. */
    private readonly reader: Redis,
    private readonly stream: string,
    private readonly logger: Logger,
  ) {}

  send(fixes: readonly Fix[]): void {
    if (fixes.length === 0 || this.stopped) return;
    this.writer
      .xadd(this.stream, 'MAXLEN', '~', MAX_STREAM_LENGTH, '*', 'from', this.from, 'fixes', JSON.stringify(fixes))
      .then(() => (this.writeFailed = false))
      .catch((err: unknown) => {
        if (!this.writeFailed) this.logger.warn({ err }, 'sharing positions with the other instances failed (retried with the next fixes)');
        this.writeFailed = true;
      });
  }

  /** Reads the other instances' fixes from now on until `close`. */
  start(onFixes: (fixes: Fix[]) => void): void {
    void this.readLoop(onFixes);
  }

  close(): void {
    this.stopped = true;
    this.reader.disconnect();
  }

  private async readLoop(onFixes: (fixes: Fix[]) => void): Promise<void> {
    // A concrete id, never '$': XREAD with '$' means "after whatever is newest when this call arrives", so each
    // call that timed out empty would skip what other instances added before the next call was sent.
    let last: string | null = null as string | null;
    while (!this.stopped) {
      try {
        last ??= (await this.reader.xrevrange(this.stream, '+', '-', 'COUNT', 1))[0]?.[0] ?? '0-0';
        const answer = await this.reader.xread('COUNT', 500, 'BLOCK', 5_000, 'STREAMS', this.stream, last);
        for (const [, entries] of answer ?? []) {
          for (const [id, fields] of entries) {
            last = id;
            this.take(fields, onFixes);
          }
        }
      } catch (err) {
        if (this.stopped) return;
        this.logger.warn({ err }, 'reading positions from the other instances failed; retrying');
        await new Promise((resolve) => setTimeout(resolve, 1_000));
      }
    }
  }

  private take(fields: string[], onFixes: (fixes: Fix[]) => void): void {
    const entry = new Map<string, string>();
    for (let i = 0; i + 1 < fields.length; i += 2) entry.set(fields[i]!, fields[i + 1]!);
    if (entry.get('from') === this.from) return;
    try {
      const parsed = Batch.safeParse(JSON.parse(entry.get('fixes') ?? 'null'));
      if (parsed.success) onFixes(parsed.data);
      else this.logger.warn({ issues: parsed.error.issues.slice(0, 3) }, 'ignored a malformed position batch from another instance');
    } catch (err) {
      this.logger.warn({ err }, 'ignored an unreadable position batch from another instance');
    }
  }
}
