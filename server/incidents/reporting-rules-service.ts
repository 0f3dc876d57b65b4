import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Actor } from '../../shared/schemas/event';
import { DEFAULT_REPORTING_RULES, ReportingRulesSchema, type ReportingRules } from '../../shared/schemas/incident';
import type { Database } from '../db/schema';
import type { Transactor } from '../events/transactor';
import type { Db } from '../db/db-handle';

const KEY = 'incident_reporting_rules';

/** The reporting deadlines per severity; a change applies to deadlines started after it. */
export class ReportingRulesService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly transactor: Transactor,
  ) {}

  async get(db: Db = this.db): Promise<ReportingRules> {
    const row = await db.selectFrom('settings').select('value').where('key', '=', KEY).executeTakeFirst();
    if (!row) return DEFAULT_REPORTING_RULES;
    const parsed = ReportingRulesSchema.safeParse(JSON.parse(row.value));
    return parsed.success ? parsed.data : DEFAULT_REPORTING_RULES;
  }

  async set(rules: z.output<typeof ReportingRulesSchema>, actor: Actor): Promise<ReportingRules> {
    await this.transactor.run(async (tx, record) => {
      const value = JSON.stringify(rules);
      await tx.insertInto('settings').values({ key: KEY, value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute();
      await record({ type: 'incident.reporting_rules_changed', actor, payload: { rules } });
    });
    return rules;
  }
}
