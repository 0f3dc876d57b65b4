import type { Router } from 'express';
import { OVERVIEW_ROUTES } from '../../shared/routes/overview';
import { contractRouter, type Authenticator } from '../http/contract-router';
import type { OverviewService } from './overview-service';

export function overviewRoutes(sessions: Authenticator, summaries: OverviewService): Router {
  return contractRouter(sessions, OVERVIEW_ROUTES, { summary: () => summaries.summary() });
}
