import { statSync } from 'node:fs';
import path from 'node:path';
import type { Router } from 'express';
import type { Logger } from 'pino';
import type { Basemap } from '../../shared/basemap';
import { ConfigError, type Config } from '../config/config';
import { remoteBasemap, tiandituBasemaps, tileOrigins, type LocalBasemapSetting } from './basemap-config';
import { FolderTiles } from './folder-tiles';
import { MbtilesTiles } from './mbtiles-tiles';
import { PmtilesTiles } from './pmtiles-tiles';
import { basemapRoutes } from './routes';
import type { TileStore } from './tile-store';
import type { BackgroundJob, ModuleParts } from '../module';

export interface BasemapModule extends ModuleParts {
  /** Root router serving local tile sets at /tiles/… */
  rootRoutes: Router[];
  /** What /api/config lists, in the configured order (天地图 first when its key is set). */
  basemaps: Basemap[];
  /** Remote tile origins the page may load images from. */
  imgSources: string[];
  /** Closes the local tile files. */
  jobs: BackgroundJob[];
}

async function openStore(setting: LocalBasemapSetting, dataDir: string): Promise<TileStore> {
  const file = path.resolve(dataDir, setting.path);
  const stat = statSync(file, { throwIfNoEntry: false });
  if (!stat) throw new Error(`${file} does not exist`);
  if (setting.type === 'folder') {
    if (!stat.isDirectory()) throw new Error(`${file} is not a folder`);
    return new FolderTiles(file, setting.attribution ?? '');
  }
  if (!stat.isFile()) throw new Error(`${file} is not a file`);
  return setting.type === 'mbtiles' ? new MbtilesTiles(file, setting.attribution) : PmtilesTiles.open(file, setting.attribution);
}

/** Basemaps from the config: remote ones are listed for the client; local ones are opened at boot (a bad one stops the boot). */
export async function createBasemapModule(deps: { config: Config; logger: Logger }): Promise<BasemapModule> {
  const { config } = deps;
  const stores = new Map<string, TileStore>();
  const basemaps: Basemap[] = config.TIANDITU_KEY ? tiandituBasemaps(config.TIANDITU_KEY) : [];
  try {
    for (const setting of config.BASEMAPS) {
      if (setting.type === 'xyz' || setting.type === 'wmts') {
        basemaps.push(remoteBasemap(setting));
        continue;
      }
      const store = await openStore(setting, config.dataDir).catch((error: unknown) => {
        throw new ConfigError(`Invalid configuration:\n  BASEMAPS: basemap ${setting.id}: ${error instanceof Error ? error.message : String(error)}`);
      });
      stores.set(setting.id, store);
      const held = store.describe();
      basemaps.push({
        id: setting.id,
        name: setting.name,
        layers: [`/tiles/${setting.id}/{z}/{x}/{y}`],
        crs: setting.crs,
        minZoom: setting.minZoom ?? held.minZoom,
        maxZoom: setting.maxZoom ?? held.maxZoom,
        attribution: held.attribution,
      });
    }
  } catch (error) {
    for (const store of stores.values()) store.close();
    throw error;
  }
  if (basemaps.length) deps.logger.info({ basemaps: basemaps.map((b) => b.id) }, 'basemaps configured');
  return {
    rootRoutes: [basemapRoutes(stores)],
    basemaps,
    imgSources: tileOrigins(basemaps),
    jobs: [
      {
        start() {},
        close() {
          for (const store of stores.values()) store.close();
          stores.clear();
        },
      },
    ],
  };
}
