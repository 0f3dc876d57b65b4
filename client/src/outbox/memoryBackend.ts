import type { OutboxBackend, OutboxItem } from './types';

const plain = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/** In-memory backend (tests, and browsers without IndexedDB). */
export class MemoryBackend implements OutboxBackend {
  readonly rows = new Map<string, OutboxItem>();

  async loadAll(owner: string): Promise<OutboxItem[]> {
    return [...this.rows.values()].filter((r) => r.owner === owner).map(plain);
  }

  async put(item: OutboxItem): Promise<void> {
    this.rows.set(item.id, plain(item));
  }

  async remove(id: string): Promise<void> {
    this.rows.delete(id);
  }
}
