import fs from 'node:fs';
import path from 'node:path';
import { BUILD_INFO_FILE, BuildInfoSchema } from '../../shared/protocol';

/**
 * The id of the client build being served, read from `build.json` beside its index.html. Read again
 * whenever the file changes, so the id always names the bundle a reload would get: a screen never
 * reloads towards a build the server does not serve (which would reload it again and again).
 */
export function servedBuildId(clientDir: string | null): () => string | null {
  if (!clientDir) return () => null;
  const file = path.join(clientDir, BUILD_INFO_FILE);
  let seen: { mtimeMs: number; size: number; id: string | null } | null = null;
  return () => {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(file);
    } catch {
      return null;
    }
    if (seen && seen.mtimeMs === stat.mtimeMs && seen.size === stat.size) return seen.id;
    let id: string | null = null;
    try {
      const parsed = BuildInfoSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
      id = parsed.success ? parsed.data.buildId : null;
    } catch {
      id = null;
    }
    seen = { mtimeMs: stat.mtimeMs, size: stat.size, id };
    return id;
  };
}
