import { z } from 'zod';
import { InstantSchema } from '../time';
import { ShelterSchema } from './shelter';
import { DepotSchema, LedgerEntrySchema, ReasonSchema, StockLevelSchema, SupplyItemSchema, SupplyLineSchema, SupplyLinesSchema } from './supply';
import { CodeSchema } from './township-name';

/** The county goal: relief supplies arrive within 12 hours of the request. */
export const RELIEF_GOAL_HOURS = 12;

export const SUPPLY_RUN_STATUSES = ['allocated', 'in_transit', 'arrived', 'cancelled'] as const;
export type SupplyRunStatus = (typeof SUPPLY_RUN_STATUSES)[number];
/** A run to another depot is a transfer; to a shelter or an incident, a delivery. */
export const SUPPLY_DESTINATION_TYPES = ['depot', 'shelter', 'incident'] as const;

export const SupplyRunSchema = z.object({
  id: z.string(),
  fromDepotId: CodeSchema,
  destinationType: z.enum(SUPPLY_DESTINATION_TYPES),
  destinationId: z.string(),
  lines: z.array(SupplyLineSchema),
  status: z.enum(SUPPLY_RUN_STATUSES),
  reason: z.string(),
  vehicle: z.string(),
  /** The dispatch that carries it out, if any. */
  dispatchId: z.string().nullable(),
  requestedAt: InstantSchema,
  /** requestedAt + 12 h. */
  goalAt: InstantSchema,
  allocatedAt: InstantSchema,
  departedAt: InstantSchema.nullable(),
  eta: InstantSchema.nullable(),
  arrivedAt: InstantSchema.nullable(),
  cancelledAt: InstantSchema.nullable(),
  createdBy: z.string(),
  updatedAt: InstantSchema,
  /** 演练: a drill's run (asked for as one, or to a drill's shelter); kept out of the real figures. */
  exercise: z.boolean().default(false),
});
export type SupplyRun = z.infer<typeof SupplyRunSchema>;

export const SupplyRunCreateSchema = z
  .object({
    fromDepotId: CodeSchema,
    destinationType: z.enum(SUPPLY_DESTINATION_TYPES),
    destinationId: z.string().min(1).max(64),
    lines: SupplyLinesSchema,
    reason: ReasonSchema,
    vehicle: z.string().max(40).default(''),
    dispatchId: z.string().max(64).nullable().default(null),
    /** When the supplies were asked for (default: now); the 12-hour goal counts from here. */
    requestedAt: InstantSchema.optional(),
    /** 演练: made for a drill (a run to a drill's shelter always is). */
    exercise: z.boolean().default(false),
  })
  .strict();
export type SupplyRunCreate = z.input<typeof SupplyRunCreateSchema>;
export const SupplyRunDepartSchema = z.object({ eta: InstantSchema, vehicle: z.string().max(40).optional() }).strict();
export type SupplyRunDepart = z.infer<typeof SupplyRunDepartSchema>;
export const SupplyRunArriveSchema = z.object({ note: z.string().max(200).default('') }).strict();
export type SupplyRunArrive = z.input<typeof SupplyRunArriveSchema>;
export const SupplyRunCancelSchema = z.object({ reason: ReasonSchema }).strict();
export type SupplyRunCancel = z.infer<typeof SupplyRunCancelSchema>;
export const SupplyRunQuerySchema = z.object({ active: z.enum(['true', 'false']).optional() });
export type SupplyRunQuery = z.infer<typeof SupplyRunQuerySchema>;

export const SUPPLY_EVENT_PAYLOADS = {
  'depot.created': z.object({ depot: DepotSchema }),
  'depot.updated': z.object({ depot: DepotSchema }),
  'supply_item.created': z.object({ item: SupplyItemSchema }),
  'supply_item.updated': z.object({ item: SupplyItemSchema }),
  /** Receipts, issues and stocktakes: the entries written and the stock levels they left. */
  'stock.changed': z.object({ entries: z.array(LedgerEntrySchema), levels: z.array(StockLevelSchema) }),
  'stock.threshold_set': z.object({ level: StockLevelSchema }),
  'supply_run.allocated': z.object({ run: SupplyRunSchema, levels: z.array(StockLevelSchema) }),
  'supply_run.departed': z.object({ run: SupplyRunSchema, levels: z.array(StockLevelSchema) }),
  'supply_run.arrived': z.object({ run: SupplyRunSchema, levels: z.array(StockLevelSchema), shelter: ShelterSchema.nullable() }),
  'supply_run.cancelled': z.object({ run: SupplyRunSchema, levels: z.array(StockLevelSchema) }),
} as const;

/** The supplies part of a snapshot (board roles). */
export const SupplyListsSchema = z.object({
  depots: z.array(DepotSchema),
  supplyItems: z.array(SupplyItemSchema),
  stockLevels: z.array(StockLevelSchema),
  /** Runs allocated or in transit. */
  supplyRuns: z.array(SupplyRunSchema),
});
export type SupplyLists = z.infer<typeof SupplyListsSchema>;
