import { z } from 'zod';

/**
 * A basemap as the client sees it (from /api/config): one or more tile layers drawn in order (天地图's
 * vector layer, then its label layer), each an XYZ template with {z} {x} {y}, on Web Mercator tiles.
 */
export const BasemapSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/),
  name: z.string().min(1).max(40),
  layers: z.array(z.string().min(1)).min(1).max(4),
  /** `gcj02`: the tiles are drawn in the offset datum of AMap/Tencent; the client shifts them onto WGS84. */
  crs: z.enum(['wgs84', 'gcj02']),
  minZoom: z.number().int().min(0).max(22),
  maxZoom: z.number().int().min(0).max(22),
  attribution: z.string().max(200),
});
export type Basemap = z.infer<typeof BasemapSchema>;
