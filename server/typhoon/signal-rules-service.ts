import type { Kysely } from 'kysely';
import type { Actor } from '../../shared/schemas/event';
import { SignalRulesSchema, type SignalRule } from '../../shared/schemas/typhoon-exposure';
import { DEFAULT_SIGNAL_RULES } from '../../shared/typhoon/signal';
import type { Db } from '../db/db-handle';
import type { Database } from '../db/schema';
import type { Transactor } from '../events/transactor';

const KEY = 'typhoon_signal_rules';

/** The editable table from circles to a suggested typhoon warning signal (admin and commander edit it). */
export class SignalRulesService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly transactor: Transactor,
  ) {}

  async get(db: Db = this.db): Promise<SignalRule[]> {
    const row = await db.selectFrom('settings').select('value').where('key', '=', KEY).executeTakeFirst();
    if (!row) return DEFAULT_SIGNAL_RULES;
    const parsed = SignalRulesSchema.safeParse(JSON.parse(row.value));
    return parsed.success ? parsed.data : DEFAULT_SIGNAL_RULES;
  }

  async set(rules: SignalRule[], actor: Actor): Promise<SignalRule[]> {
    await this.transactor.run(async (tx, record) => {
      const value = JSON.stringify(rules);
      await tx.insertInto('settings').values({ key: KEY, value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute();
      await record({ type: 'typhoon.signal_rules_changed', actor, payload: { rules } });
    });
    return rules;
  }
}
