import { z } from 'zod';
import { SYSTEM_ACTOR } from '../../../shared/schemas/event';
import type { FeedStatus } from '../../../shared/schemas/typhoon-exposure';
import { nowIso } from '../../../shared/time';
import type { Logger } from '../../logger';
import type { ParsedStorm } from '../importers/parsed-storm';
import { parseZhejiangJson, unwrapJsonp, type QuadrantOrder } from '../importers/zhejiang-json';
import type { StormService } from '../storm-service';

/** The site's list of active storms (`/Api/TyhoonActivity`, the site's own spelling): only `tfid` is read. */
const ActiveList = z.array(z.object({ tfid: z.union([z.string(), z.number()]).transform(String) }).loose());

export interface FeedOptions {
  baseUrl: string;
  storms: StormService;
  quadrantOrder: QuadrantOrder;
  clock: () => number;
  logger: Logger;
  /** Per request; a feed that hangs must not hold the job. */
  timeoutMs?: number;
  fetchImpl?: typeof fetch;
}

/**
 * Polls the Zhejiang typhoon site: the list of active storms, then each storm's JSON, merged like any import
 * (so an older answer never replaces newer data). A failed poll keeps the last good data and says so: the
 * status carries the last success, the last error and the data's age.
 */
export class ZhejiangFeed {
  private lastAttemptAt: string | null = null;
  private lastSuccessAt: number | null = null;
  private lastError: string | null = null;

  constructor(private readonly options: FeedOptions) {}

  status(): FeedStatus {
    const { clock } = this.options;
    return {
      enabled: true,
      lastAttemptAt: this.lastAttemptAt,
      lastSuccessAt: this.lastSuccessAt === null ? null : new Date(this.lastSuccessAt).toISOString(),
      lastError: this.lastError,
      ageSeconds: this.lastSuccessAt === null ? null : Math.max(0, Math.round((clock() - this.lastSuccessAt) / 1000)),
    };
  }

  /** One poll; resolves with the storms' numbers it stored, or null when the feed failed. */
  async poll(): Promise<string[] | null> {
    this.lastAttemptAt = nowIso(this.options.clock);
    try {
      const list = ActiveList.parse(JSON.parse(unwrapJsonp(await this.get('/Api/TyhoonActivity'))));
      const storms: ParsedStorm[] = [];
      for (const { tfid } of list) {
        if (!/^\d{6}$/.test(tfid)) throw new Error(`the list names a storm "${tfid}" that is not a number like 201909`);
        storms.push(...parseZhejiangJson(await this.get(`/Api/TyphoonInfo/${tfid}`), this.options.quadrantOrder));
      }
      if (storms.length > 0) await this.options.storms.applyFeed(storms, { ...SYSTEM_ACTOR, name: 'Zhejiang typhoon feed' });
      this.lastSuccessAt = this.options.clock();
      this.lastError = null;
      return storms.map((s) => s.number);
    } catch (err) {
      this.lastError = err instanceof Error ? err.message : String(err);
      this.options.logger.warn({ err, feed: this.options.baseUrl }, 'typhoon feed poll failed; keeping the last good data');
      return null;
    }
  }

  private async get(path: string): Promise<string> {
    const url = new URL(path.replace(/^\//, ''), this.options.baseUrl.endsWith('/') ? this.options.baseUrl : `${this.options.baseUrl}/`);
    const res = await (this.options.fetchImpl ?? fetch)(url, { signal: AbortSignal.timeout(this.options.timeoutMs ?? 15_000), headers: { accept: 'application/json' } });
    if (!res.ok) throw new Error(`${url.pathname} answered ${res.status}`);
    return res.text();
  }
}

export const FEED_OFF: FeedStatus = { enabled: false, lastAttemptAt: null, lastSuccessAt: null, lastError: null, ageSeconds: null };
