import type { Kysely } from 'kysely';
import type { EventType } from '../../../shared/schemas/event';
import type { Report, ReportQuery, ReportSections } from '../../../shared/schemas/review';
import type { Database } from '../../db/schema';
import { readLog } from '../log-reader';
import type { Viewer } from '../../visibility/policy';
import type { ReportContext, SectionRun } from './section';
import { REPORT_SECTIONS } from './sections';

const NAME_EVENTS: readonly EventType[] = ['team.created', 'team.updated'];

/**
 * The after-action report for a window: one pass over the log, from its start (what was open before the window
 * still counts: an incident's deadline, a shelter's occupancy) to the window's end, reading only the event
 * types some section needs, a page at a time.
 */
export class ReportService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: () => number = Date.now,
  ) {}

  async build(query: ReportQuery, viewer: Viewer): Promise<Report> {
    const teamNames = new Map<string, string>();
    const context: ReportContext = {
      from: Date.parse(query.from),
      to: Date.parse(query.to),
      exercise: query.exercise,
      teamName: (id) => teamNames.get(id) ?? id,
    };
    const runs = REPORT_SECTIONS.map((section) => ({ key: section.key, types: new Set<string>(section.types), run: section.start(context) as SectionRun<unknown> }));
    const types = [...new Set([...NAME_EVENTS, ...REPORT_SECTIONS.flatMap((s) => s.types)])];
    for await (const event of readLog(this.db, { fromIso: null, toIso: new Date(context.to).toISOString(), types, viewer })) {
      if (event.type === 'team.created' || event.type === 'team.updated') teamNames.set(event.payload.team.id, event.payload.team.name);
      for (const { types: wanted, run } of runs) if (wanted.has(event.type)) run.add(event);
    }
    const sections = Object.fromEntries(runs.map(({ key, run }) => [key, run.finish()])) as ReportSections;
    return { from: new Date(context.from).toISOString(), to: new Date(context.to).toISOString(), exercise: query.exercise, generatedAt: new Date(this.clock()).toISOString(), sections };
  }
}
