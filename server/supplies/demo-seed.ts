import type { Actor } from '../../shared/schemas/event';
import { SYSTEM_ACTOR } from '../../shared/schemas/event';
import { DEMO_DEPOTS, DEMO_ITEMS, DEMO_STOCK } from './demo-supplies';
import type { SupplyServices } from './supplies-module';

const MIN = 60_000;

/** The demo county's depots with stock and thresholds (one runs low), and a supply run on the road to a shelter. */
export async function seedDemoSupplies({ depots, items, stock, runs }: SupplyServices, dutyOfficer: Actor, now: number): Promise<void> {
  for (const depot of DEMO_DEPOTS) await depots.create(depot, SYSTEM_ACTOR);
  for (const item of DEMO_ITEMS) await items.create(item, SYSTEM_ACTOR);
  for (const [depotId, lines] of Object.entries(DEMO_STOCK)) {
    await stock.move({ kind: 'receipt', depotId, lines: lines.map(([itemId, quantity]) => ({ itemId, quantity })), reason: '汛前储备入库' }, dutyOfficer);
    for (const [itemId, , minLevel] of lines) await stock.setThreshold(depotId, itemId, { minLevel }, SYSTEM_ACTOR);
  }
  const requestedAt = new Date(now - 50 * MIN).toISOString();
  const run = await runs.allocate({ fromDepotId: 'XS-county', destinationType: 'shelter', destinationId: 'shelter-14', lines: [{ itemId: 'quilt', quantity: 200 }, { itemId: 'water', quantity: 80 }, { itemId: 'food', quantity: 60 }], reason: '石浦镇中心小学安置点保障', vehicle: '浙B·D5861', requestedAt }, dutyOfficer);
  await runs.depart(run.id, { eta: new Date(now + 35 * MIN).toISOString() }, dutyOfficer);
}
