import { DownloadSchema, defineRoute } from './route';
import { ReportQuerySchema, ReportSchema } from '../schemas/review';
import { HistorySchema } from '../schemas/history';
import { ReplayPageQuerySchema, ReplayPageSchema, ReplaySceneAnswerSchema, ReplaySceneQuerySchema } from '../schemas/replay';

/**
 * The after-action review (复盘): the report of a window as JSON, each of its tables as CSV (UTF-8 with a BOM)
 * and the whole report as an A4 PDF printed by the server (PDF_UNAVAILABLE without Chromium).
 */
export const REVIEW_ROUTES = {
  report: defineRoute({ method: 'GET', path: '/review/report', query: ReportQuerySchema, answer: ReportSchema, allow: 'staff' }),
  csv: defineRoute({ method: 'GET', path: '/review/report/csv/:table', query: ReportQuerySchema, answer: DownloadSchema, allow: 'staff', download: { contentType: 'text/csv; charset=utf-8' } }),
  /** Replay: the board as it was at a moment, then the window a page at a time (the desk and the wall). */
  replayScene: defineRoute({ method: 'GET', path: '/replay/scene', query: ReplaySceneQuerySchema, answer: ReplaySceneAnswerSchema, allow: 'watchBoard' }),
  replayPage: defineRoute({ method: 'GET', path: '/replay/page', query: ReplayPageQuerySchema, answer: ReplayPageSchema, allow: 'watchBoard' }),
  /** Who did what when to one record, from the log (`kind`: dispatch, incident, team, shelter, warning, alarm, supply_run). */
  history: defineRoute({ method: 'GET', path: '/history/:kind/:id', answer: HistorySchema, allow: 'staff' }),
  pdf: defineRoute({ method: 'GET', path: '/review/report/pdf', query: ReportQuerySchema, answer: DownloadSchema, allow: 'staff', download: { contentType: 'application/pdf' } }),
};
