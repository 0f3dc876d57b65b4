import { z } from 'zod';
import { PointSchema } from '../geo';
import { InstantSchema } from '../time';
import { CodeSchema, CountSchema, TownshipNameSchema } from './township-name';

/** 县级, 乡镇, 村/社区. */
export const DEPOT_TIERS = ['county', 'township', 'village'] as const;
export type DepotTier = (typeof DEPOT_TIERS)[number];

export const DepotSchema = z.object({
  id: CodeSchema,
  name: z.string().min(1).max(80),
  tier: z.enum(DEPOT_TIERS),
  township: z.string().nullable(),
  location: PointSchema,
  address: z.string().max(120),
  manager: z.string().max(40),
  phone: z.string().max(40),
  updatedAt: InstantSchema,
});
export type Depot = z.infer<typeof DepotSchema>;

const DepotFields = {
  name: z.string().trim().min(1).max(80),
  tier: z.enum(DEPOT_TIERS),
  township: TownshipNameSchema.nullable(),
  location: PointSchema,
  address: z.string().max(120),
  manager: z.string().max(40),
  phone: z.string().max(40),
};
export const DepotCreateSchema = z
  .object({
    ...DepotFields,
    id: CodeSchema,
    /** Derived from the location when not given. */
    township: TownshipNameSchema.nullable().optional(),
    address: z.string().max(120).default(''),
    phone: z.string().max(40).default(''),
  })
  .strict();
export type DepotCreate = z.input<typeof DepotCreateSchema>;
export const DepotUpdateSchema = z.object(DepotFields).partial().strict();
export type DepotPatch = z.infer<typeof DepotUpdateSchema>;

export const SupplyItemSchema = z.object({
  id: CodeSchema,
  name: z.string().min(1).max(40),
  /** e.g. 安置类, 防汛类, 救生类, 生活类, 动力照明. */
  category: z.string().max(20),
  /** 顶, 床, 件, 条, 箱, 台, 艘 … quantities are whole units. */
  unit: z.string().min(1).max(10),
  /** Shown on the wall against thresholds. */
  keyItem: z.boolean(),
  updatedAt: InstantSchema,
});
export type SupplyItem = z.infer<typeof SupplyItemSchema>;

const ItemFields = {
  name: z.string().trim().min(1).max(40),
  category: z.string().max(20),
  unit: z.string().trim().min(1).max(10),
  keyItem: z.boolean(),
};
export const SupplyItemCreateSchema = z.object({ ...ItemFields, id: CodeSchema, category: z.string().max(20).default(''), keyItem: z.boolean().default(false) }).strict();
export type SupplyItemCreate = z.input<typeof SupplyItemCreateSchema>;
export const SupplyItemUpdateSchema = z.object(ItemFields).partial().strict();
export type SupplyItemPatch = z.infer<typeof SupplyItemUpdateSchema>;

/** One depot's stock of one item: a projection of the ledger. `reserved` is allocated to runs not yet departed. */
export const StockLevelSchema = z.object({
  depotId: CodeSchema,
  itemId: CodeSchema,
  onHand: CountSchema,
  reserved: CountSchema,
  available: CountSchema,
  minLevel: CountSchema,
  updatedAt: InstantSchema,
});
export type StockLevel = z.infer<typeof StockLevelSchema>;

export const StockThresholdSchema = z.object({ minLevel: CountSchema }).strict();
export type StockThreshold = z.infer<typeof StockThresholdSchema>;

/**
 * receipt / issue / stocktake change a depot's stock directly; allocation and release reserve and
 * free it for a run; departure takes it out (in transit); arrival adds it at the destination.
 */
export const LEDGER_KINDS = ['receipt', 'issue', 'stocktake', 'allocation', 'release', 'departure', 'arrival'] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

export const LedgerEntrySchema = z.object({
  id: z.string(),
  at: InstantSchema,
  kind: z.enum(LEDGER_KINDS),
  /** Where the stock changed: a depot, a shelter (arrival), or an incident (arrival: handed over there). */
  depotId: z.string().nullable(),
  shelterId: z.string().nullable(),
  incidentId: z.string().nullable(),
  itemId: CodeSchema,
  /** Change of the holder's on-hand quantity (positive in, negative out). */
  quantity: z.number().int(),
  reservedDelta: z.number().int(),
  runId: z.string().nullable(),
  reason: z.string(),
  actorName: z.string(),
});
export type LedgerEntry = z.infer<typeof LedgerEntrySchema>;

export const SupplyLineSchema = z.object({ itemId: CodeSchema, quantity: z.number().int().min(1).max(10_000_000) }).strict();
export type SupplyLine = z.infer<typeof SupplyLineSchema>;
export const SupplyLinesSchema = z
  .array(SupplyLineSchema)
  .min(1)
  .max(50)
  .refine((lines) => new Set(lines.map((l) => l.itemId)).size === lines.length, { message: 'each item once' });
export const ReasonSchema = z.string().trim().min(1).max(200);

export const StockMovementCreateSchema = z.object({ kind: z.enum(['receipt', 'issue']), depotId: CodeSchema, lines: SupplyLinesSchema, reason: ReasonSchema }).strict();
export type StockMovement = z.infer<typeof StockMovementCreateSchema>;
/** The quantity counted at a depot for one item: the difference from the book is posted as a stocktake entry. */
export const StocktakeSchema = z.object({ depotId: CodeSchema, itemId: CodeSchema, counted: CountSchema, reason: ReasonSchema }).strict();
export type Stocktake = z.input<typeof StocktakeSchema>;
export type StocktakeInput = z.output<typeof StocktakeSchema>;
export const LedgerQuerySchema = z.object({ depotId: CodeSchema.optional(), itemId: CodeSchema.optional(), runId: z.string().optional() });
export type LedgerQuery = z.infer<typeof LedgerQuerySchema>;

/** What CSV import and export cover: the depots, the catalogue, and stock (counted quantities and minimums). */
export const SUPPLY_CSV_KINDS = ['depots', 'items', 'stock'] as const;
export type SupplyCsvKind = (typeof SUPPLY_CSV_KINDS)[number];
/** A CSV import is refused past this many rows, and its refusal lists at most the first MAX_CSV_PROBLEMS bad lines. */
export const MAX_CSV_ROWS = 20_000;
export const MAX_CSV_PROBLEMS = 100;
/** How to read an uploaded CSV; without one the server tells UTF-8 from GB18030 itself. */
export const CSV_ENCODINGS = ['utf-8', 'gb18030'] as const;
export const CsvEncodingSchema = z.enum(CSV_ENCODINGS);
export type CsvEncoding = z.infer<typeof CsvEncodingSchema>;
export const SupplyCsvImportQuerySchema = z.object({ encoding: CsvEncodingSchema.optional() });
/** A CSV file's bytes as the server's raw parser reads them (the emptiness check names the fix, in the route). */
export const CsvFileSchema = z.custom<Uint8Array>((v) => v instanceof Uint8Array, 'Send the file itself as the body, with Content-Type text/csv.');
export const SupplyCsvImportResultSchema = z.object({ kind: z.enum(SUPPLY_CSV_KINDS), rows: CountSchema, created: CountSchema, updated: CountSchema, unchanged: CountSchema });
export type SupplyCsvImportResult = z.infer<typeof SupplyCsvImportResultSchema>;
