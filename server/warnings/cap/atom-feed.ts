import { XMLBuilder } from 'fast-xml-parser';
import type { Warning } from '../../../shared/schemas/warning';

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', format: true, suppressEmptyNode: true });

/**
 * The public Atom feed of current alerts, newest first: one entry per CAP message, linking to its XML
 * (`<base>/cap/alerts/<identifier>.xml`, type application/cap+xml) as CAP feeds conventionally do.
 */
export function atomFeed(baseUrl: string, title: string, sender: string, entries: Warning[], updatedAt: string): string {
  const feed = {
    '@_xmlns': 'http://www.w3.org/2005/Atom',
    id: `${baseUrl}/cap/alerts.atom`,
    title,
    updated: entries[0]?.issuedAt ?? updatedAt,
    author: { name: sender },
    link: { '@_rel': 'self', '@_href': `${baseUrl}/cap/alerts.atom` },
    entry: entries.map((w) => ({
      id: `${baseUrl}/cap/alerts/${encodeURIComponent(w.identifier!)}.xml`,
      title: w.texts['zh-CN'].headline,
      updated: w.issuedAt!,
      summary: w.texts['zh-CN'].description,
      link: { '@_rel': 'alternate', '@_type': 'application/cap+xml', '@_href': `${baseUrl}/cap/alerts/${encodeURIComponent(w.identifier!)}.xml` },
    })),
  };
  return `<?xml version="1.0" encoding="UTF-8"?>\n${builder.build({ feed }) as string}`;
}
