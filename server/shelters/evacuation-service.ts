import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Actor } from '../../shared/schemas/event';
import { evacuationTotals } from '../../shared/overview';
import { TownshipEvacuationReportSchema, type EvacuationTotals, type TownshipEvacuation } from '../../shared/schemas/shelter';
import type { Db } from '../db/db-handle';
import type { Database } from '../db/schema';
import type { Transactor } from '../events/transactor';
import { listShelters, listTownshipEvacuations } from './shelter-store';

/**
 * Evacuation totals per township (the reporting unit): people in the township's shelters, plus those
 * staying with relatives (投亲靠友), which townships report as a count. A drill's count is its own figure
 * (`exercise`), beside the real one: the real totals never see it.
 */
export class EvacuationService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly transactor: Transactor,
    private readonly clock: () => number = Date.now,
  ) {}

  async report(data: z.output<typeof TownshipEvacuationReportSchema>, actor: Actor): Promise<TownshipEvacuation> {
    const report: TownshipEvacuation = { ...data, exercise: data.exercise === true, reportedAt: new Date(this.clock()).toISOString(), reportedBy: actor.name };
    await this.transactor.run(async (tx, record) => {
      const row = { township: report.township, exercise: report.exercise ? 1 : 0, with_relatives: report.withRelatives, reported_at: report.reportedAt, reported_by: report.reportedBy };
      await tx
        .insertInto('township_evacuations')
        .values(row)
        .onConflict((oc) => oc.columns(['township', 'exercise']).doUpdateSet({ with_relatives: row.with_relatives, reported_at: row.reported_at, reported_by: row.reported_by }))
        .execute();
      await record({ type: 'evacuation.township_reported', actor, payload: { report } });
    });
    return report;
  }

  reports(db: Db = this.db): Promise<TownshipEvacuation[]> {
    return listTownshipEvacuations(db);
  }

  async totals(db: Db = this.db): Promise<EvacuationTotals> {
    return evacuationTotals(await listShelters(db), await listTownshipEvacuations(db));
  }
}
