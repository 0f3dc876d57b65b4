import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { Authenticator } from '../http/contract-router';
import type { ModuleParts } from '../module';
import { HistoryService } from './history/history-service';
import { ReplayService } from './replay/replay-service';
import { ChromiumPdfPrinter, DEFAULT_CHROMIUM } from './report/pdf-printer';
import { ReportFiles } from './report/report-files';
import { ReportService } from './report/report-service';
import { reviewRoutes } from './routes';

export interface ReviewModuleDeps {
  db: Kysely<Database>;
  sessions: Authenticator;
  clock: () => number;
  /** Where Chromium is for the PDF (default /usr/bin/chromium). */
  chromiumPath?: string;
}

export interface ReviewModule extends ModuleParts {
  reports: ReportService;
  histories: HistoryService;
  replays: ReplayService;
}

/** After-action review (issue 17): the report of a window, an entity's history and the replay, read from the event log and the position history. */
export function createReviewModule(deps: ReviewModuleDeps): ReviewModule {
  const reports = new ReportService(deps.db, deps.clock);
  const files = new ReportFiles(new ChromiumPdfPrinter(deps.chromiumPath ?? DEFAULT_CHROMIUM));
  const histories = new HistoryService(deps.db);
  const replays = new ReplayService(deps.db);
  return { reports, histories, replays, routes: [reviewRoutes({ sessions: deps.sessions, reports, files, histories, replays })] };
}
