// Test-only: the supplies services over a migrated in-memory store. Not imported by the server.
import type { DepotCreate } from '../../shared/schemas/supply';
import { deskActor } from '../incidents/test-support';
import { openTestServices, type TestServices } from '../positions/test-support';
import { ShelterService } from '../shelters/shelter-service';
import { DepotService } from './depot-service';
import { StockLedger } from './stock-ledger';
import { StockService } from './stock-service';
import { SupplyItemService } from './supply-item-service';
import { SupplyRunService } from './supply-run-service';

export interface SupplyTestServices extends TestServices {
  depots: DepotService;
  items: SupplyItemService;
  stock: StockService;
  runs: SupplyRunService;
  shelters: ShelterService;
}

export async function openSupplyTestServices(clock: () => number = Date.now): Promise<SupplyTestServices> {
  const base = await openTestServices(clock);
  const ledger = new StockLedger(base.alarms, clock);
  return {
    ...base,
    depots: new DepotService(base.store.db, base.transactor, clock),
    items: new SupplyItemService(base.store.db, base.transactor, clock),
    stock: new StockService(base.store.db, base.transactor, ledger),
    runs: new SupplyRunService(base.store.db, base.transactor, ledger, clock),
    shelters: new ShelterService(base.store.db, base.transactor, base.alarms, clock),
  };
}

export const COUNTY_DEPOT = { id: 'XS-county', name: '象山县救灾物资储备库', tier: 'county', location: { lat: 29.4431, lon: 121.8712 }, manager: '孙仓库', phone: '0574-65000001' } satisfies DepotCreate;
export const SHIPU_DEPOT = { id: 'XS-shipu', name: '石浦镇物资储备点', tier: 'township', location: { lat: 29.2089, lon: 121.9418 }, manager: '林仓管' } satisfies DepotCreate;
export const TENT = { id: 'tent', name: '帐篷', category: '安置类', unit: '顶', keyItem: true };
export const QUILT = { id: 'quilt', name: '棉被', category: '安置类', unit: '床', keyItem: true };

/** Two depots, tents and quilts, and 100 tents + 200 quilts received at the county depot. */
export async function stockedDepots(s: SupplyTestServices): Promise<void> {
  await s.depots.create(COUNTY_DEPOT, deskActor);
  await s.depots.create(SHIPU_DEPOT, deskActor);
  await s.items.create(TENT, deskActor);
  await s.items.create(QUILT, deskActor);
  await s.stock.move({ kind: 'receipt', depotId: COUNTY_DEPOT.id, lines: [{ itemId: 'tent', quantity: 100 }, { itemId: 'quilt', quantity: 200 }], reason: '省级调拨入库' }, deskActor);
}
