import { z } from 'zod';
import { PointSchema } from '../geo';
import { InstantSchema } from '../time';
import { INCIDENT_SEVERITIES, INCIDENT_STATUSES, INCIDENT_TYPES, REPORT_KINDS } from './incident';
import { EvacuationTotalsSchema, SHELTER_LEVELS, SHELTER_STATUSES } from './shelter';

const count = z.number().int().min(0);

export const OpenIncidentSummarySchema = z.object({
  id: z.string(),
  code: z.string(),
  title: z.string(),
  type: z.enum(INCIDENT_TYPES),
  severity: z.enum(INCIDENT_SEVERITIES),
  status: z.enum(INCIDENT_STATUSES),
  township: z.string().nullable(),
  location: PointSchema.nullable(),
  reportedAt: InstantSchema,
  trapped: count,
  injured: count,
  dead: count,
  /** 演练: listed marked, never counted in the panels' figures. */
  exercise: z.boolean().default(false),
  /** Reports still owed, soonest first, for the countdowns. */
  deadlines: z.array(z.object({ kind: z.enum(REPORT_KINDS), dueAt: InstantSchema, overdue: z.boolean() })),
});

export const ShelterSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  township: z.string(),
  level: z.enum(SHELTER_LEVELS),
  status: z.enum(SHELTER_STATUSES),
  location: PointSchema,
  capacity: count,
  occupancy: count,
  /** 演练: opened by a drill; shown marked, counted in no figure. */
  exercise: z.boolean().default(false),
});

export const KeyItemStockSchema = z.object({
  itemId: z.string(),
  name: z.string(),
  unit: z.string(),
  /** Summed over all depots. */
  onHand: count,
  reserved: count,
  available: count,
  minLevel: count,
  /** Depots below their minimum for this item. */
  depotsLow: count,
});

export const LowStockSchema = z.object({ depotId: z.string(), depotName: z.string(), itemId: z.string(), itemName: z.string(), unit: z.string(), available: count, minLevel: count });

/** What the wall panels show next to the map, computed from the situation lists. */
export const SituationOverviewSchema = z.object({
  at: InstantSchema,
  incidents: z.object({
    open: z.array(OpenIncidentSummarySchema),
    bySeverity: z.record(z.enum(INCIDENT_SEVERITIES), count),
    byType: z.record(z.enum(INCIDENT_TYPES), count),
    overdueReports: count,
  }),
  evacuation: EvacuationTotalsSchema,
  shelters: z.object({ total: count, open: count, full: count, capacity: count, occupancy: count, list: z.array(ShelterSummarySchema) }),
  stock: z.object({ keyItems: z.array(KeyItemStockSchema), low: z.array(LowStockSchema) }),
  supplyRuns: z.object({ allocated: count, inTransit: count, pastGoal: count }),
});
export type SituationOverview = z.infer<typeof SituationOverviewSchema>;
