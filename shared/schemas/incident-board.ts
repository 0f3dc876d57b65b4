import { z } from 'zod';
import { DutyShiftSchema, HandoverSchema } from './duty';
import { IncidentSchema } from './incident';
import { ShelterSchema, TownshipEvacuationSchema } from './shelter';
import { DepotSchema, StockLevelSchema, SupplyItemSchema } from './supply';
import { SupplyRunSchema } from './supply-run';

/** What the incident board adds to a snapshot (board roles; a field tablet gets empty lists). */
export const INCIDENT_BOARD_SNAPSHOT = {
  /** Incidents not yet closed, with their deadlines. */
  incidents: z.array(IncidentSchema),
  shelters: z.array(ShelterSchema),
  /** Townships' counts of evacuees staying with relatives; sheltered counts come from `shelters`. */
  townshipEvacuations: z.array(TownshipEvacuationSchema),
  depots: z.array(DepotSchema),
  supplyItems: z.array(SupplyItemSchema),
  stockLevels: z.array(StockLevelSchema),
  /** Runs allocated or in transit. */
  supplyRuns: z.array(SupplyRunSchema),
  /** Shifts from half a day ago to two days ahead. */
  dutyShifts: z.array(DutyShiftSchema),
  /** The latest handovers. */
  handovers: z.array(HandoverSchema),
};
export type IncidentBoardSnapshot = { [K in keyof typeof INCIDENT_BOARD_SNAPSHOT]: z.infer<(typeof INCIDENT_BOARD_SNAPSHOT)[K]> };

export const EMPTY_INCIDENT_BOARD_SNAPSHOT: IncidentBoardSnapshot = {
  incidents: [],
  shelters: [],
  townshipEvacuations: [],
  depots: [],
  supplyItems: [],
  stockLevels: [],
  supplyRuns: [],
  dutyShifts: [],
  handovers: [],
};
