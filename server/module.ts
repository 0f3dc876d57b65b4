import type { Router } from 'express';
import type { TidewatchSocket } from './realtime/types';

/** Runs in the background from `start()` until `close()`; close is idempotent and awaited on shutdown. */
export interface BackgroundJob {
  start(): void;
  close(): void | Promise<void>;
}

/**
 * What a domain's `create<Domain>Module` hands the composition root besides its services: the root mounts
 * the routers, registers the socket handlers on every connection and runs the jobs. Every part is optional.
 */
export interface ModuleParts {
  /** Routers under /api. */
  routes?: Router[];
  /** Routers at the root, ahead of /api (tracker ingest, photo uploads with their own body parsing). */
  rootRoutes?: Router[];
  registerSocket?(socket: TidewatchSocket): void;
  /** Started in module order, closed in reverse. */
  jobs?: BackgroundJob[];
}
