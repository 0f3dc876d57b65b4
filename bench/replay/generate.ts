import Database from 'better-sqlite3';
import { openStore } from '../../server/db/database';
import { ScriptWriter } from '../../server/review/testing/script-writer';
import { DESK, dispatch, team } from '../../server/review/testing/records';
import { insertTeamRows } from '../../server/review/testing/scripted-response';

/** Time steps per transaction (× units rows). */
const STEPS_PER_TX = 120;

export interface GenerateOptions {
  file: string;
  units: number;
  hours: number;
  everySeconds: number;
  start: number;
}

/**
 * Builds the replay's data in a SQLite store: `units` teams each reporting every `everySeconds` over `hours`
 * (2,000 × 24 h × 5 s ≈ 35 M fixes, the issue's full scale), their team events and a dispatch per team each
 * hour. The fixes are written in large transactions straight to the positions table: the domains' own
 * batched writes would take hours at this size.
 */
export async function generate(o: GenerateOptions): Promise<number> {
  const store = await openStore({ sqliteFile: o.file });
  const teams = Array.from({ length: o.units }, (_, i) => ({ id: `bt-${String(i).padStart(5, '0')}`, name: `队${i}` }));
  const script = new ScriptWriter();
  for (const t of teams) script.at(o.start - 60_000, 'team.created', { team: team(t.id, t.name, o.start - 60_000) }, DESK);
  for (let h = 0; h < o.hours; h++)
    for (let i = 0; i < teams.length; i += 10) {
      const t = teams[i]!;
      const d = dispatch(`bd-${h}-${i}`, t.id, o.start + h * 3_600_000 + i * 1000, { lat: 29.3, lon: 121.9 });
      script.at(Date.parse(d.createdAt), 'dispatch.assigned', { dispatch: d, teamId: t.id, queue: [d.id] }, DESK);
    }
  await script.write(store.db, 2_000);
  await insertTeamRows(store.db, teams);
  await store.close();

  const db = new Database(o.file);
  // A half-written store is never reused (the bench marks a finished one), so no journal is needed.
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  // The two position indexes take one insertion point per unit; a cache that holds them all keeps writes sequential.
  db.pragma('cache_size = -524288');
  // The fixes are computed by SQLite itself (one statement per batch of steps, units in time order): binding
  // 35 M rows from JavaScript costs more than the B-tree writes.
  db.exec('create temp table bench_units (k integer primary key, id text not null)');
  const unit = db.prepare('insert into bench_units (k, id) values (?, ?)');
  db.transaction(() => teams.forEach((t, k) => unit.run(k, t.id)))();
  const insert = db.prepare(`insert or ignore into positions (device_id, team_id, t, lat, lon)
    with recursive step(s) as (select @from union all select s + 1 from step where s + 1 < @to)
    select 'dev-' || u.id, u.id, @start + step.s * @everyMs,
      29.2 + 0.25 * ((u.k % 50) / 50.0) + 0.02 * sin(mod(u.k * 0.37 + step.s / 720.0, 2 * pi())),
      121.75 + 0.3 * ((u.k / 50) % 40) / 40.0 + 0.02 * cos(mod(u.k * 0.37 + step.s / 720.0, 2 * pi()))
    from step cross join bench_units u order by step.s, u.k`);
  const steps = Math.floor((o.hours * 3_600_000) / (o.everySeconds * 1000));
  let rows = 0;
  for (let s0 = 0; s0 < steps; s0 += STEPS_PER_TX) {
    rows += insert.run({ from: s0, to: Math.min(steps, s0 + STEPS_PER_TX), start: o.start, everyMs: o.everySeconds * 1000 }).changes;
    process.stdout.write(`\r  fixes written: ${rows.toLocaleString('en')}`);
  }
  process.stdout.write('\n');
  db.close();
  return rows;
}
