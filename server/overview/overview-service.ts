import type { Kysely } from 'kysely';
import { summarizeSituation } from '../../shared/overview';
import type { SituationOverview } from '../../shared/schemas/overview';
import type { Database } from '../db/schema';
import { listIncidents } from '../incidents/incident-store';
import { listShelters, listTownshipEvacuations } from '../shelters/shelter-store';
import { listDepots, listItems, listRuns, listStockLevels } from '../supplies/supply-store';

/** The wall's panels in one answer, computed from the situation lists as a client computes them from its snapshot. */
export class OverviewService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: () => number = Date.now,
  ) {}

  summary(): Promise<SituationOverview> {
    return this.db.transaction().execute(async (tx) =>
      summarizeSituation(
        {
          incidents: await listIncidents(tx, { openOnly: true }),
          shelters: await listShelters(tx),
          townshipEvacuations: await listTownshipEvacuations(tx),
          depots: await listDepots(tx),
          supplyItems: await listItems(tx),
          stockLevels: await listStockLevels(tx),
          supplyRuns: await listRuns(tx, { activeOnly: true }),
        },
        this.clock(),
      ),
    );
  }
}
