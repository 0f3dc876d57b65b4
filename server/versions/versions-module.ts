import type { Basemap } from '../../shared/basemap';
import type { Config } from '../config/config';
import { servedBuild } from './build-info';
import { protocolGate } from './client-protocol';
import { clientConfigRoute } from './config-route';

export interface VersionsModuleDeps {
  config: Config;
  /** The built client served, whose build id screens compare with their own; null when none is built. */
  clientDir: string | null;
  /** The basemaps the public config lists. */
  basemaps?: readonly Basemap[];
}

/** Which client build and protocol the server takes: the public config route and the gate on outdated writes. */
export function createVersionsModule({ config, clientDir, basemaps = [] }: VersionsModuleDeps) {
  return {
    routes: [clientConfigRoute(config, servedBuild(clientDir), basemaps)],
    /** Ahead of every API router, photo uploads included. */
    rootRoutes: [protocolGate(config.MIN_CLIENT_PROTOCOL)],
  };
}
