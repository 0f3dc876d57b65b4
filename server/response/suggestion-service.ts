import type { Kysely } from 'kysely';
import type { Actor } from '../../shared/schemas/event';
import { DEFAULT_LEVEL_RULES, suggestLevel, type StormExposure, type WarningInForce } from '../../shared/response/level-suggestion';
import { LevelRulesSchema, type LevelRule, type LevelSuggestion } from '../../shared/schemas/response';
import type { Database } from '../db/schema';
import type { Transactor } from '../events/transactor';

const KEY = 'response_level_rules';

/** Where the suggestion's inputs come from: the typhoon domain's storms and the warnings in force. */
export interface SuggestionSources {
  /** The exposure of every storm followed and not historical. */
  storms(): Promise<StormExposure[]>;
  warnings(): Promise<WarningInForce[]>;
}

/**
 * The editable level table (admin and commander) and the typhoon response level it suggests from the loaded
 * storm's exposure and the warnings in force, with the rule that fired. Only ever a suggestion.
 */
export class SuggestionService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly transactor: Transactor,
    private readonly sources: SuggestionSources,
    private readonly clock: () => number = Date.now,
  ) {}

  async rules(): Promise<LevelRule[]> {
    const row = await this.db.selectFrom('settings').select('value').where('key', '=', KEY).executeTakeFirst();
    if (!row) return DEFAULT_LEVEL_RULES;
    const parsed = LevelRulesSchema.safeParse(JSON.parse(row.value));
    return parsed.success ? parsed.data : DEFAULT_LEVEL_RULES;
  }

  async setRules(rules: LevelRule[], actor: Actor): Promise<LevelRule[]> {
    await this.transactor.run(async (tx, record) => {
      const value = JSON.stringify(rules);
      await tx.insertInto('settings').values({ key: KEY, value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute();
      await record({ type: 'response.level_rules_changed', actor, payload: { rules } });
    });
    return rules;
  }

  async suggestion(): Promise<{ suggestion: LevelSuggestion; rules: LevelRule[] }> {
    const rules = await this.rules();
    const [storms, warnings] = await Promise.all([this.sources.storms(), this.sources.warnings()]);
    return { suggestion: suggestLevel(storms, warnings, rules, this.clock()), rules };
  }
}
