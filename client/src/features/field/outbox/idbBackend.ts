import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { OutboxBackend, OutboxItem } from './types';

const DB_NAME = 'tidewatch-outbox';
const STORE = 'items';

interface OutboxDb extends DBSchema {
  /** Values as stored: any format an older or newer client wrote (see format.ts). */
  items: { key: string; value: OutboxItem | Record<string, unknown>; indexes: { owner: string } };
}

/** The outbox in IndexedDB: one object store keyed by item id, indexed by owner. A thin adapter only. */
export class IdbBackend implements OutboxBackend {
  private constructor(private readonly db: IDBPDatabase<OutboxDb>) {}

  static async open(): Promise<IdbBackend> {
    const db = await openDB<OutboxDb>(DB_NAME, 1, {
      upgrade(database) {
        const store = database.createObjectStore(STORE, { keyPath: 'id' });
        store.createIndex('owner', 'owner');
      },
    });
    return new IdbBackend(db);
  }

  loadAll(owner: string): Promise<unknown[]> {
    return this.db.getAllFromIndex(STORE, 'owner', owner);
  }

  async put(item: OutboxItem): Promise<void> {
    await this.db.put(STORE, item);
  }

  async remove(id: string): Promise<void> {
    await this.db.delete(STORE, id);
  }

  close(): void {
    this.db.close();
  }
}
