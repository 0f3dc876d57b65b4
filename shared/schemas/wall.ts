import { z } from 'zod';

export const WALL_LAYERS = ['teams', 'trails', 'labels', 'townships'] as const;

/** What every wall display shows; set from the desk, persisted, pushed to every wall. */
export const WallLayoutSchema = z
  .object({
    layers: z.object({
      teams: z.boolean(),
      trails: z.boolean(),
      labels: z.boolean(),
      townships: z.boolean(),
    }),
    trailMinutes: z.number().int().min(5).max(180),
  })
  .strict();
export type WallLayout = z.infer<typeof WallLayoutSchema>;

export const DEFAULT_WALL_LAYOUT: WallLayout = {
  layers: { teams: true, trails: true, labels: true, townships: true },
  trailMinutes: 30,
};
