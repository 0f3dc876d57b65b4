import type { DomainEvent, EventType } from '../../../shared/schemas/event';
import type { ReportSectionKey, ReportSections } from '../../../shared/schemas/review';

/** What every section knows of the report it is part of. Times are epoch ms. */
export interface ReportContext {
  from: number;
  to: number;
  /** The drill report (演练) or the real one: a section counts only records of its kind. */
  exercise: boolean;
  /** The team's name as last known in the log (its id if never named). */
  teamName(teamId: string): string;
}

/** One pass of a section over the log: events come in time order, from the log's start up to the window's end. */
export interface SectionRun<Out> {
  add(event: DomainEvent): void;
  finish(): Out;
}

/**
 * A domain's part of the report. The report reads the log once, passing each section only the event types it
 * names; a new domain (response levels, when issue 15 lands) is one more section and one more key in
 * `ReportSectionsSchema`.
 */
export interface ReportSection<K extends ReportSectionKey> {
  key: K;
  types: readonly EventType[];
  start(context: ReportContext): SectionRun<ReportSections[K]>;
}

export type AnyReportSection = { [K in ReportSectionKey]: ReportSection<K> }[ReportSectionKey];

/** Whether a record belongs to the report: drills only in the drill report, everything else only in the real one. */
export function inReport(record: object, context: Pick<ReportContext, 'exercise'>): boolean {
  // Warnings carry the flag today; other records will as their domains add it (see the typhoon-loop design).
  const exercise = (record as { exercise?: unknown }).exercise === true;
  return exercise === context.exercise;
}

export const withinWindow = (iso: string, context: Pick<ReportContext, 'from' | 'to'>): boolean => {
  const t = Date.parse(iso);
  return t >= context.from && t < context.to;
};
