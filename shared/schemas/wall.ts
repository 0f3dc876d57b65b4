import { z } from 'zod';
import { CameraIdSchema } from './camera';

/** How many video tiles the wall shows: off, or a square grid. */
export const WALL_VIDEO_GRIDS = [0, 1, 4, 9, 16] as const;
export type WallVideoGrid = (typeof WALL_VIDEO_GRIDS)[number];

export const WallVideoSchema = z
  .object({
    grid: z.literal(WALL_VIDEO_GRIDS),
    /** The cameras in the tiles, in order; tiles past the end of the list stay empty. */
    cameraIds: z.array(CameraIdSchema).max(16),
    /** Cameras drawn on the wall's map. */
    cameraLayer: z.boolean(),
  })
  .strict();
export type WallVideo = z.infer<typeof WallVideoSchema>;

export const DEFAULT_WALL_VIDEO: WallVideo = { grid: 0, cameraIds: [], cameraLayer: true };

export const WALL_LAYERS = ['teams', 'trails', 'labels', 'townships', 'incidents', 'shelters', 'depots', 'typhoon', 'warnings', 'stations'] as const;

/** A layer added after layouts were first stored: on unless the desk switched it off, so older layouts still parse. */
const addedLayer = z.boolean().default(true);

/** What every wall display shows; set from the desk, persisted, pushed to every wall. */
export const WallLayoutSchema = z
  .object({
    layers: z.object({
      teams: z.boolean(),
      trails: z.boolean(),
      labels: z.boolean(),
      townships: z.boolean(),
      incidents: addedLayer,
      shelters: addedLayer,
      depots: addedLayer,
      typhoon: addedLayer,
      warnings: addedLayer,
      stations: addedLayer,
    }),
    trailMinutes: z.number().int().min(5).max(180),
    /** Absent from layouts stored before the video relay: they show no video (see wallVideoOf). */
    video: WallVideoSchema.optional(),
    /** The basemap's id (server config); absent or null: the offline outline map. */
    basemap: z.string().max(40).nullable().optional(),
  })
  .strict();
export type WallLayout = z.infer<typeof WallLayoutSchema>;

export const DEFAULT_WALL_LAYOUT: WallLayout = {
  layers: { teams: true, trails: true, labels: true, townships: true, incidents: true, shelters: true, depots: true, typhoon: true, warnings: true, stations: true },
  trailMinutes: 30,
};

export const wallVideoOf = (layout: Pick<WallLayout, 'video'>): WallVideo => layout.video ?? DEFAULT_WALL_VIDEO;
