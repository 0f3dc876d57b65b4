import fs from 'node:fs';
import path from 'node:path';
import { BUILD_INFO_FILE, BuildInfoSchema, type BuildInfo } from '../../shared/protocol';

/**
 * The id (and build time) of the client build being served, read from `build.json` beside its index.html. Read again
 * whenever the file changes, so the id always names the bundle a reload would get: a screen never
 * reloads towards a build the server does not serve (which would reload it again and again).
 */
export function servedBuild(clientDir: string | null): () => BuildInfo | null {
  if (!clientDir) return () => null;
  const file = path.join(clientDir, BUILD_INFO_FILE);
  let seen: { mtimeMs: number; size: number; build: BuildInfo | null } | null = null;
  return () => {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(file);
    } catch {
      return null;
    }
    if (seen && seen.mtimeMs === stat.mtimeMs && seen.size === stat.size) return seen.build;
    let build: BuildInfo | null = null;
    try {
      const parsed = BuildInfoSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
      build = parsed.success ? parsed.data : null;
    } catch {
      build = null;
    }
    seen = { mtimeMs: stat.mtimeMs, size: stat.size, build };
    return build;
  };
}
