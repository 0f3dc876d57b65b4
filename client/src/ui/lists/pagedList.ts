/** What a self-paging list shows now: one page of `items`, turning every `periodMs` on the shared clock. */
export interface ListPage<T> {
  items: T[];
  /** 1-based. */
  page: number;
  pages: number;
}

export function pageAt<T>(items: readonly T[], pageSize: number, now: number, periodMs: number): ListPage<T> {
  const size = Math.max(1, Math.floor(pageSize));
  const pages = Math.max(1, Math.ceil(items.length / size));
  const index = Math.floor(now / periodMs) % pages;
  return { items: items.slice(index * size, (index + 1) * size), page: index + 1, pages };
}

/** How many rows of `rowHeight` (plus `gap` between them) fit in `height`. */
export function rowsThatFit(height: number, rowHeight: number, gap: number): number {
  if (!(height > 0) || !(rowHeight > 0)) return 1;
  return Math.max(1, Math.floor((height + gap) / (rowHeight + gap)));
}
