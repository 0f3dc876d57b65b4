import { Router } from 'express';
import type { SessionService } from '../auth/session-service';
import { requireRole } from '../http/auth-middleware';
import { handle } from '../http/respond';
import type { BoardSummaryService } from './board-summary-service';

export function boardRoutes(sessions: SessionService, summaries: BoardSummaryService): Router {
  const router = Router();
  router.get('/board/summary', requireRole(sessions, 'admin', 'commander', 'duty_officer', 'wall'), handle(() => summaries.summary()));
  return router;
}
