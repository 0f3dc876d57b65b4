import type { Kysely } from 'kysely';
import type { Actor } from '../../shared/schemas/event';
import type { Agency, ImportResult, ManualBulletin, Storm } from '../../shared/schemas/typhoon';
import type { Exposure } from '../../shared/schemas/typhoon-exposure';
import { computeExposure } from '../../shared/typhoon/exposure';
import { suggestSignal } from '../../shared/typhoon/signal';
import { defaultAgency } from '../../shared/typhoon/timeline';
import type { Database } from '../db/schema';
import { DomainError, notFound } from '../errors';
import type { Transactor } from '../events/transactor';
import { countyTargets } from './county';
import { parseStormFile, type ImportOptions } from './importers/detect';
import { parseManualBulletin } from './importers/manual-bulletin';
import type { ParsedStorm } from './importers/parsed-storm';
import { checkSpan, mergeInto, newStorm, stormIdOf } from './merge';
import type { SignalRulesService } from './signal-rules-service';
import { findStorm, findStormByNumber, listStorms, saveStorm } from './storm-store';

type Outcome = ImportResult['storms'][number];

/** Storms: imports (files, typed bulletins, the feed), archive, and each storm's exposure of the county. */
export class StormService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly transactor: Transactor,
    private readonly rules: SignalRulesService,
    private readonly clock: () => number,
  ) {}

  list(options: { archived?: boolean } = {}): Promise<Storm[]> {
    return listStorms(this.db, options);
  }

  async get(id: string): Promise<Storm> {
    const storm = await findStorm(this.db, id);
    if (!storm) throw notFound('Storm');
    return storm;
  }

  /** A file as sent: every storm in it is stored, or (on any bad line) none. */
  async importFile(text: string, options: ImportOptions & { historical: boolean }, actor: Actor): Promise<ImportResult> {
    const { format, storms } = parseStormFile(text, options);
    return { format, storms: await this.store(storms, options.historical, actor) };
  }

  async importBulletin(bulletin: ManualBulletin, actor: Actor): Promise<Storm> {
    const [outcome] = await this.store([parseManualBulletin(bulletin)], false, actor);
    return this.get((outcome as Outcome).id);
  }

  /** Storms from the live feed, merged like any import. */
  applyFeed(storms: ParsedStorm[], actor: Actor): Promise<Outcome[]> {
    return this.store(storms, false, actor);
  }

  private store(parsed: ParsedStorm[], historical: boolean, actor: Actor): Promise<Outcome[]> {
    const numbers = parsed.map((p) => p.number);
    const twice = numbers.find((n, i) => numbers.indexOf(n) !== i);
    if (twice) throw new DomainError('VALIDATION_FAILED', `storm ${twice} appears twice in the file`, { field: 'number' });
    return this.transactor.run(async (tx, record) => {
      const outcomes: Outcome[] = [];
      for (const p of parsed) {
        const held = await findStormByNumber(tx, p.number);
        if (!held) {
          const storm = newStorm(p, historical);
          checkSpan(storm);
          await saveStorm(tx, storm, false);
          await record({ type: 'typhoon.imported', actor, payload: { storm } });
          outcomes.push({ id: storm.id, number: storm.number, nameEn: storm.nameEn, outcome: 'created', points: storm.track.length });
          continue;
        }
        const merged = mergeInto(held, p);
        if (merged) {
          checkSpan(merged);
          await saveStorm(tx, merged, true);
          await record({ type: 'typhoon.updated', actor, payload: { storm: merged } });
        }
        outcomes.push({ id: held.id, number: held.number, nameEn: (merged ?? held).nameEn, outcome: merged ? 'merged' : 'stale', points: (merged ?? held).track.length });
      }
      return outcomes;
    });
  }

  async archive(id: string, actor: Actor): Promise<Storm> {
    return this.transactor.run(async (tx, record) => {
      const storm = await findStorm(tx, id);
      if (!storm) throw notFound('Storm');
      if (storm.archived) return storm;
      const archived = { ...storm, archived: true };
      await saveStorm(tx, archived, true);
      await record({ type: 'typhoon.archived', actor, payload: { storm: archived } });
      return archived;
    });
  }

  /**
   * Each township's exposure to the storm: observed track, then `agency`'s forecast (CMA by default). `at`
   * (default: now) is the reference time of the "now" fields, kept within the storm's known path. A
   * historical storm never counts down or suggests a signal.
   */
  async exposure(id: string, query: { agency?: Agency | undefined; at?: string | undefined }): Promise<Exposure> {
    const storm = await this.get(id);
    if (storm.track.length === 0) throw new DomainError('CONFLICT', 'The storm has no observed position yet.');
    const agency = query.agency ?? defaultAgency(storm);
    if (query.agency && !storm.forecasts.some((f) => f.agency === query.agency)) throw new DomainError('NOT_FOUND', `No ${query.agency} forecast for this storm.`);
    const { anchor, targets } = countyTargets();
    const at = query.at ? Date.parse(query.at) : this.clock();
    const result = computeExposure({ storm, agency, at, townships: targets, anchor });
    const signalRules = await this.rules.get();
    return {
      stormId: storm.id,
      at: new Date(result.at).toISOString(),
      agency,
      historical: storm.historical,
      townships: result.townships,
      county: result.county,
      suggestion: suggestSignal(result.townships, result.at, signalRules, storm.historical),
      signalRules,
    };
  }
}

export { stormIdOf };
