import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import type { Actor } from '../../shared/schemas/event';
import { DEFAULT_WALL_LAYOUT, WallLayoutSchema, type WallLayout } from '../../shared/schemas/wall';
import type { Database } from '../db/schema';
import type { RecordEvent, Transactor } from '../events/transactor';

const KEY = 'wall_layout';

/** The persisted layout every wall display shows; set from the desk and pushed to every wall. */
export class WallLayoutService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly transactor: Transactor,
  ) {}

  async get(db: Kysely<Database> | Transaction<Database> = this.db): Promise<WallLayout> {
    const row = await db.selectFrom('settings').select('value').where('key', '=', KEY).executeTakeFirst();
    if (!row) return DEFAULT_WALL_LAYOUT;
    const parsed = WallLayoutSchema.safeParse(JSON.parse(row.value));
    return parsed.success ? parsed.data : DEFAULT_WALL_LAYOUT;
  }

  async set(layout: z.output<typeof WallLayoutSchema>, actor: Actor): Promise<WallLayout> {
    await this.transactor.run((tx, record) => this.setWithin(tx, record, layout, actor));
    return layout;
  }

  /** The layout change inside a caller's transaction (a response plan's action). */
  async setWithin(tx: Transaction<Database>, record: RecordEvent, layout: z.output<typeof WallLayoutSchema>, actor: Actor): Promise<void> {
    const value = JSON.stringify(layout);
    await tx.insertInto('settings').values({ key: KEY, value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute();
    await record({ type: 'wall.layout_changed', actor, payload: { layout } });
  }
}
