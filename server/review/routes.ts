import type { Router } from 'express';
import { REVIEW_ROUTES } from '../../shared/routes/review';
import { REPORT_TABLES, type Report, type ReportQuery, type ReportTable } from '../../shared/schemas/review';
import { notFound } from '../errors';
import { contractRouter, type Authenticator } from '../http/contract-router';
import { HistoryParamsSchema } from '../../shared/schemas/history';
import { parseInput } from '../validation';
import type { HistoryService } from './history/history-service';
import type { ReplayService } from './replay/replay-service';
import type { ReportFiles } from './report/report-files';
import type { ReportService } from './report/report-service';
import type { Viewer } from '../visibility/policy';

export interface ReviewRouteDeps {
  sessions: Authenticator;
  reports: ReportService;
  files: ReportFiles;
  histories: HistoryService;
  replays: ReplayService;
}

const fileStem = (q: ReportQuery) => `fupan-${q.from.slice(0, 10)}-${q.to.slice(0, 10)}${q.exercise ? '-yanlian' : ''}`;

export function reviewRoutes({ sessions, reports, files, histories, replays }: ReviewRouteDeps): Router {
  const build = (query: ReportQuery, viewer: Viewer): Promise<Report> => reports.build(query, viewer);
  return contractRouter(sessions, REVIEW_ROUTES, {
    report: ({ query, principal }) => build(query, principal),
    csv: async ({ params, query, principal }) => {
      if (!(REPORT_TABLES as readonly string[]).includes(params.table)) throw notFound('Report table');
      const table = params.table as ReportTable;
      return { filename: `${fileStem(query)}-${table}.csv`, bytes: files.csv(await build(query, principal), table) };
    },
    replayScene: ({ query, principal }) => replays.scene(new Date(query.at).toISOString(), principal),
    replayPage: ({ query, principal }) => replays.page(query, principal),
    history: ({ params, principal }) => {
      const { kind, id } = parseInput(HistoryParamsSchema, params);
      return histories.history(kind, id, principal);
    },
    pdf: async ({ query, principal }) => ({ filename: `${fileStem(query)}.pdf`, bytes: await files.pdf(await build(query, principal)) }),
  });
}
