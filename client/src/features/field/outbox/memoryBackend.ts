import type { OutboxBackend, OutboxItem } from './types';

const plain = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/** In-memory backend (tests, and browsers without IndexedDB). */
export class MemoryBackend implements OutboxBackend {
  /** Rows as stored: tests may put items of an older format here. */
  readonly rows = new Map<string, OutboxItem | Record<string, unknown>>();

  async loadAll(owner: string): Promise<unknown[]> {
    return [...this.rows.values()].filter((r) => r.owner === owner).map(plain);
  }

  async put(item: OutboxItem): Promise<void> {
    this.rows.set(item.id, plain(item));
  }

  async remove(id: string): Promise<void> {
    this.rows.delete(id);
  }
}
