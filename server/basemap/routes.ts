import { Router } from 'express';
import { z } from 'zod';
import { isTileAddress } from '../../shared/tiles';
import { DomainError, notFound } from '../errors';
import type { TileStore } from './tile-store';

const TileParams = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/),
  z: z.string().regex(/^\d{1,2}$/).transform(Number),
  x: z.string().regex(/^\d{1,8}$/).transform(Number),
  /** The row, with or without an image extension (`12.png`). */
  y: z
    .string()
    .regex(/^\d{1,8}(\.(png|jpe?g|webp|avif))?$/)
    .transform((v) => Number(v.split('.')[0])),
});

/**
 * `GET /tiles/{id}/{z}/{x}/{y}`: tiles this server holds for air-gapped sites, XYZ rows (north first)
 * whatever the store. Tiles are no secret (any screen may draw them before signing in), and a bad
 * address is a typed 400, an unknown set or tile a 404.
 */
export function basemapRoutes(stores: ReadonlyMap<string, TileStore>): Router {
  const router = Router();
  router.get('/tiles/:id/:z/:x/:y', async (req, res) => {
    const parsed = TileParams.safeParse(req.params);
    if (!parsed.success) throw new DomainError('VALIDATION_FAILED', 'A tile address is /tiles/{basemap}/{z}/{x}/{y} with whole numbers.');
    const { id, z: zoom, x, y } = parsed.data;
    const store = stores.get(id);
    if (!store) throw notFound('Basemap');
    if (!isTileAddress(zoom, x, y)) throw new DomainError('VALIDATION_FAILED', `No tile ${zoom}/${x}/${y}: x and y run from 0 to 2^z − 1.`);
    const tile = await store.read(zoom, x, y);
    if (!tile) throw notFound('Tile');
    res.set('Content-Type', tile.contentType);
    res.set('Cache-Control', 'public, max-age=86400');
    res.send(tile.data);
  });
  // Anything else under /tiles is not a page of the client either.
  router.use('/tiles', () => {
    throw new DomainError('VALIDATION_FAILED', 'A tile address is /tiles/{basemap}/{z}/{x}/{y} with whole numbers.');
  });
  return router;
}
