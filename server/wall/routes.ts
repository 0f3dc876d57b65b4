import type { Router } from 'express';
import { WALL_LAYOUT_ROUTES } from '../../shared/routes/wall';
import { contractRouter, type Authenticator } from '../http/contract-router';
import type { WallLayoutService } from './wall-layout-service';

export function wallRoutes(sessions: Authenticator, layouts: WallLayoutService): Router {
  return contractRouter(sessions, WALL_LAYOUT_ROUTES, {
    get: () => layouts.get(),
    set: ({ body, actor }) => layouts.set(body, actor),
  });
}
