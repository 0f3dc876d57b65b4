import { XMLParser } from 'fast-xml-parser';
import { SYSTEM_ACTOR } from '../../../shared/schemas/event';
import { DomainError } from '../../errors';
import type { Logger } from '../../logger';
import type { CapImportService } from './cap-import-service';
import { MAX_CAP_BYTES, decodeXmlText } from './xml-safety';

const MAX_FEED_BYTES = 5 * 1024 * 1024;
const MAX_NEW_PER_FEED = 50;
const REMEMBERED = 5_000;

const feedParser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  processEntities: false,
  parseTagValue: false,
  maxNestedTags: 30,
  isArray: (name) => name === 'entry' || name === 'item' || name === 'link',
  tagValueProcessor: (_n, v) => decodeXmlText(String(v)),
  attributeValueProcessor: (_n, v) => decodeXmlText(String(v)),
});

async function fetchLimited(url: string, limit: number, signal: AbortSignal): Promise<Uint8Array> {
  const response = await fetch(url, { signal, redirect: 'follow', headers: { accept: 'application/atom+xml, application/rss+xml, application/cap+xml, application/xml;q=0.9, */*;q=0.5' } });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > limit) throw new Error(`larger than ${limit} bytes`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes.byteLength > limit) throw new Error(`larger than ${limit} bytes`);
  return bytes;
}

/** The CAP links of an Atom or RSS feed: Atom links typed application/cap+xml (or any link of an entry), RSS item links. */
export function capLinksOf(feedXml: string, feedUrl: string): string[] {
  if (/<!DOCTYPE|<!ENTITY/i.test(feedXml)) throw new Error('the feed declares a DOCTYPE');
  const tree = feedParser.parse(feedXml) as Record<string, Record<string, unknown>>;
  const links: string[] = [];
  for (const entry of (tree.feed?.entry as Array<Record<string, unknown>> | undefined) ?? []) {
    const all = (entry.link as Array<Record<string, string>> | undefined) ?? [];
    const cap = all.find((l) => /cap/i.test(l['@_type'] ?? '')) ?? all.find((l) => (l['@_rel'] ?? 'alternate') === 'alternate') ?? all[0];
    if (cap?.['@_href']) links.push(cap['@_href']);
  }
  const items = ((tree.rss?.channel as Record<string, unknown> | undefined)?.item as Array<Record<string, unknown>> | undefined) ?? [];
  for (const item of items) {
    const link = (item.link as unknown[] | undefined)?.[0];
    if (typeof link === 'string') links.push(link);
  }
  return links.map((href) => new URL(href.trim(), feedUrl).toString());
}

/**
 * Polls CAP feeds (CAP_FEED_URLS, off by default): each new linked alert is fetched and imported like an
 * upload (validated whole; a duplicate is recognised by sender + identifier). A feed or an alert that fails
 * is logged and tried again at the next pass; the others go on.
 */
export class CapFeedPoller {
  private readonly seen = new Set<string>();

  constructor(
    private readonly urls: readonly string[],
    private readonly caps: CapImportService,
    private readonly logger: Logger,
  ) {}

  async pass(): Promise<{ imported: number; failed: number }> {
    let [imported, failed] = [0, 0];
    for (const url of this.urls) {
      try {
        const links = capLinksOf(Buffer.from(await fetchLimited(url, MAX_FEED_BYTES, AbortSignal.timeout(15_000))).toString('utf8'), url);
        for (const link of links.filter((l) => !this.seen.has(l)).slice(0, MAX_NEW_PER_FEED)) {
          try {
            const result = await this.caps.import(await fetchLimited(link, MAX_CAP_BYTES, AbortSignal.timeout(15_000)), url, SYSTEM_ACTOR);
            if (!result.duplicate) imported += 1;
            this.remember(link);
          } catch (err) {
            failed += 1;
            // An invalid alert stays invalid: it is not fetched again. A network failure is retried.
            if (err instanceof DomainError) this.remember(link);
            this.logger.warn({ err, feed: url, alert: link }, 'CAP feed: an alert could not be imported');
          }
        }
      } catch (err) {
        failed += 1;
        this.logger.warn({ err, feed: url }, 'CAP feed could not be read');
      }
    }
    return { imported, failed };
  }

  private remember(link: string): void {
    this.seen.add(link);
    if (this.seen.size > REMEMBERED) this.seen.delete(this.seen.values().next().value!);
  }
}
