import { z } from 'zod';
import { PointSchema } from '../geo';
import { InstantSchema } from '../time';
import { CodeSchema, CountSchema, TownshipNameSchema } from './township-name';

export const SHELTER_LEVELS = ['county', 'township', 'village'] as const;
/** `full` follows occupancy by itself; people open and close shelters. */
export const SHELTER_STATUSES = ['closed', 'open', 'full'] as const;
export type ShelterStatus = (typeof SHELTER_STATUSES)[number];
export const SHELTER_MOVEMENT_KINDS = ['check_in', 'check_out'] as const;

/** Occupancy at or above these shares of capacity raises shelter_near_full and shelter_full. */
export const SHELTER_NEAR_FULL_PERCENT = 90;

export const ShelterSupplySchema = z.object({ itemId: CodeSchema, quantity: CountSchema });

export const ShelterSchema = z.object({
  id: z.string(),
  name: z.string().min(1).max(80),
  level: z.enum(SHELTER_LEVELS),
  township: z.string(),
  location: PointSchema,
  address: z.string().max(120),
  capacity: z.number().int().min(1).max(100_000),
  facilities: z.array(z.string().min(1).max(30)).max(20),
  contactName: z.string().max(40),
  contactPhone: z.string().max(40),
  status: z.enum(SHELTER_STATUSES),
  /** Real people checked in and not yet out (人员转移安置); a drill's never count here. */
  occupancy: CountSchema,
  /** 演练: the drills' people checked in and not yet out, counted only in the drills' figures. */
  drillOccupancy: CountSchema.default(0),
  /** Relief supplies delivered to the shelter. */
  supplies: z.array(ShelterSupplySchema),
  updatedAt: InstantSchema,
  /** 演练: opened by a drill (until opened for real or closed); its people count in no real figure. */
  exercise: z.boolean().default(false),
});
export type Shelter = z.infer<typeof ShelterSchema>;

const RegistryFields = {
  name: z.string().trim().min(1).max(80),
  level: z.enum(SHELTER_LEVELS),
  township: TownshipNameSchema,
  location: PointSchema,
  address: z.string().max(120),
  capacity: z.number().int().min(1).max(100_000),
  facilities: z.array(z.string().trim().min(1).max(30)).max(20),
  contactName: z.string().max(40),
  contactPhone: z.string().max(40),
};

export const ShelterCreateSchema = z
  .object({
    ...RegistryFields,
    /** Derived from the location when not given. */
    township: TownshipNameSchema.optional(),
    address: z.string().max(120).default(''),
    facilities: RegistryFields.facilities.default([]),
    contactName: z.string().max(40).default(''),
    contactPhone: z.string().max(40).default(''),
  })
  .strict();
export type ShelterCreate = z.input<typeof ShelterCreateSchema>;

export const ShelterUpdateSchema = z.object(RegistryFields).partial().strict();
export const ShelterStatusChangeSchema = z.object({ status: z.enum(['open', 'closed']) }).strict();
/** A status change made for a drill (a drill plan's action) opens the shelter as the drill's. */
export type ShelterStatusChange = z.output<typeof ShelterStatusChangeSchema> & { exercise?: boolean };

export const ShelterMovementCreateSchema = z
  .object({
    kind: z.enum(SHELTER_MOVEMENT_KINDS),
    people: z.number().int().min(1).max(100_000),
    note: z.string().max(200).default(''),
    /** 演练: a drill's people at a real shelter; at a drill's shelter every movement is the drill's. */
    exercise: z.boolean().optional(),
  })
  .strict();

export const ShelterMovementSchema = z.object({
  id: z.string(),
  shelterId: z.string(),
  kind: z.enum(SHELTER_MOVEMENT_KINDS),
  people: z.number().int(),
  at: InstantSchema,
  note: z.string(),
  actorName: z.string(),
  /** 演练: a drill's people (at a drill's shelter, or checked in as a drill's); they move `drillOccupancy`. */
  exercise: z.boolean().default(false),
});
export type ShelterMovement = z.infer<typeof ShelterMovementSchema>;

/**
 * A township's own count of evacuees staying with relatives and friends (投亲靠友). A drill's count (演练) is kept
 * apart from the real one: each kind has its own figure per township, and neither overwrites the other.
 */
export const TownshipEvacuationReportSchema = z.object({ township: TownshipNameSchema, withRelatives: CountSchema, exercise: z.boolean().optional() }).strict();
export const TownshipEvacuationSchema = z.object({ township: z.string(), withRelatives: CountSchema, reportedAt: InstantSchema, reportedBy: z.string(), exercise: z.boolean().default(false) });
export type TownshipEvacuation = z.infer<typeof TownshipEvacuationSchema>;

const EvacuationCountsSchema = z.object({
  /** People checked in at the township's shelters. */
  sheltered: CountSchema,
  withRelatives: CountSchema,
  /** sheltered + withRelatives: everyone evacuated (转移人数). */
  evacuated: CountSchema,
  shelters: CountSchema,
  sheltersOpen: CountSchema,
  capacity: CountSchema,
});
export const EvacuationTotalsSchema = z.object({
  townships: z.array(EvacuationCountsSchema.extend({ township: z.string(), reportedAt: InstantSchema.nullable() })),
  county: EvacuationCountsSchema,
});
export type EvacuationTotals = z.infer<typeof EvacuationTotalsSchema>;

export const SHELTER_EVENT_PAYLOADS = {
  'shelter.created': z.object({ shelter: ShelterSchema }),
  'shelter.updated': z.object({ shelter: ShelterSchema }),
  'shelter.status_changed': z.object({ shelter: ShelterSchema, from: z.enum(SHELTER_STATUSES) }),
  'shelter.occupancy_changed': z.object({ shelter: ShelterSchema, movement: ShelterMovementSchema }),
  'evacuation.township_reported': z.object({ report: TownshipEvacuationSchema }),
} as const;

/** The shelters part of a snapshot (board roles). */
export const ShelterListsSchema = z.object({
  shelters: z.array(ShelterSchema),
  /** Townships' counts of evacuees staying with relatives; sheltered counts come from `shelters`. */
  townshipEvacuations: z.array(TownshipEvacuationSchema),
});
export type ShelterLists = z.infer<typeof ShelterListsSchema>;
