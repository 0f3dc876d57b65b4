import Database from 'better-sqlite3';
import { openStore } from '../../server/db/database';
import { ScriptWriter } from '../../server/review/testing/script-writer';
import { DESK, dispatch, team } from '../../server/review/testing/records';
import { insertTeamRows } from '../../server/review/testing/scripted-response';

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
 * hour. Rows go in through one prepared statement in large transactions: the domains' own batched writes
 * would take hours at this size.
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
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const insert = db.prepare('insert or ignore into positions (device_id, team_id, t, lat, lon, speed, heading, accuracy, altitude, battery, received_at, flag) values (?, ?, ?, ?, ?, null, null, null, null, null, null, null)');
  const steps = Math.floor((o.hours * 3_600_000) / (o.everySeconds * 1000));
  const STEPS_PER_TX = 50;
  let rows = 0;
  for (let s0 = 0; s0 < steps; s0 += STEPS_PER_TX) {
    db.transaction(() => {
      for (let s = s0; s < Math.min(steps, s0 + STEPS_PER_TX); s++) {
        const t = o.start + s * o.everySeconds * 1000;
        for (let k = 0; k < teams.length; k++) {
          const phase = (k * 0.37 + s / 720) % (2 * Math.PI);
          insert.run(`dev-${teams[k]!.id}`, teams[k]!.id, t, 29.2 + 0.25 * ((k % 50) / 50) + 0.02 * Math.sin(phase), 121.75 + 0.3 * (Math.floor(k / 50) % 40) / 40 + 0.02 * Math.cos(phase));
          rows++;
        }
      }
    })();
    if (s0 % (STEPS_PER_TX * 40) === 0) process.stdout.write(`\r  fixes written: ${rows.toLocaleString('en')}`);
  }
  process.stdout.write('\n');
  db.close();
  return rows;
}
