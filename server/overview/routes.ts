import type { Router } from 'express';
import { BOARD_SUMMARY_ROUTES } from '../../shared/routes/overview';
import { contractRouter, type Authenticator } from '../http/contract-router';
import type { BoardSummaryService } from './overview-service';

export function boardRoutes(sessions: Authenticator, summaries: BoardSummaryService): Router {
  return contractRouter(sessions, BOARD_SUMMARY_ROUTES, { summary: () => summaries.summary() });
}
