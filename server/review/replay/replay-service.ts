import type { Kysely } from 'kysely';
import { REPLAY_PAGE_STEPS, type ReplayPage, type ReplayPageQuery, type ReplayScene, type ReplayTracks } from '../../../shared/schemas/replay';
import type { DomainEvent } from '../../../shared/schemas/event';
import { SCENE_EVENT_TYPES, applyToScene, emptyScene } from '../../../shared/replay/scene';
import type { Database } from '../../db/schema';
import { readLog } from '../log-reader';
import type { Viewer } from '../../visibility/policy';
import { decimatedTracks, lastFixesBefore } from './track-pager';

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Replay: the scene at a moment (the log folded from its start, a page at a time), then the window a page at
 * a time: the page's events and every unit's fixes thinned to the playback resolution. Nothing holds more
 * than one page, whatever the window's size.
 */
export class ReplayService {
  constructor(private readonly db: Kysely<Database>) {}

  async scene(at: string, viewer: Viewer): Promise<ReplayScene & { lastFixes: ReplayTracks }> {
    const scene = emptyScene(at);
    for await (const event of readLog(this.db, { fromIso: null, toIso: at, types: SCENE_EVENT_TYPES, viewer })) applyToScene(scene, event);
    scene.at = at;
    return { ...scene, lastFixes: await lastFixesBefore(this.db, await this.teamIds(), Date.parse(at)) };
  }

  private async teamIds(): Promise<string[]> {
    return (await this.db.selectFrom('teams').select('id').execute()).map((r) => r.id);
  }

  async page(query: ReplayPageQuery, viewer: Viewer): Promise<ReplayPage> {
    const from = Date.parse(query.from);
    const end = Date.parse(query.to);
    const to = Math.min(end, from + query.resolutionMs * REPLAY_PAGE_STEPS);
    const events: DomainEvent[] = [];
    for await (const event of readLog(this.db, { fromIso: iso(from), toIso: iso(to), types: SCENE_EVENT_TYPES, viewer })) events.push(event);
    // One step back: a unit's last fix before the page, so the browser can interpolate into it.
    const tracks = await decimatedTracks(this.db, await this.teamIds(), from - query.resolutionMs, to, query.resolutionMs, from);
    return { from: iso(from), to: iso(to), next: to < end ? iso(to) : null, events, tracks };
  }
}
