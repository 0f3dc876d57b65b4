import { fillPath } from '@shared/routes/route';
import { REVIEW_ROUTES } from '@shared/routes/review';
import type { ReportTable } from '@shared/schemas/review';
import { callRoute } from '../../shell/api/routeClient';
import { downloadFile } from '../../shell/api/http';
import { choiceQuery, type ReviewChoice } from './reviewWindow';

const withQuery = (path: string, choice: ReviewChoice) => `/api${path}?${new URLSearchParams(choiceQuery(choice)).toString()}`;

export const reviewApi = {
  report: (choice: ReviewChoice) => callRoute(REVIEW_ROUTES.report, { query: choiceQuery(choice) }),
  /** A table as CSV (UTF-8 with a BOM, so Excel reads the Chinese). */
  csv: (table: ReportTable, choice: ReviewChoice) => downloadFile(withQuery(fillPath(REVIEW_ROUTES.csv.path, { table }), choice)),
  /** The A4 PDF the server prints; PDF_UNAVAILABLE when it has no Chromium. */
  replayScene: (at: number) => callRoute(REVIEW_ROUTES.replayScene, { query: { at: new Date(at).toISOString() } }),
  replayPage: (from: number, to: number, resolutionMs: number) =>
    callRoute(REVIEW_ROUTES.replayPage, { query: { from: new Date(from).toISOString(), to: new Date(to).toISOString(), resolutionMs } }),
  pdf: (choice: ReviewChoice) => downloadFile(withQuery(REVIEW_ROUTES.pdf.path, choice)),
};
