import type { Logger } from 'pino';

const MAX_KINDS = 500;

/**
 * Logs an error nobody mapped: its stack the first time, then one line at the 10th, 100th, 1000th… repeat,
 * so a client hammering a broken path cannot fill the log with copies of the same stack.
 */
export class UnexpectedErrorLog {
  private readonly seen = new Map<string, number>();

  report(log: Logger, error: unknown): void {
    const kind = kindOf(error);
    const count = (this.seen.get(kind) ?? 0) + 1;
    if (count === 1 && this.seen.size >= MAX_KINDS) this.seen.delete(this.seen.keys().next().value ?? kind);
    this.seen.set(kind, count);
    if (count === 1) log.error({ err: error }, 'unexpected error');
    else if (Number.isInteger(Math.log10(count))) log.error({ error: kind, count }, 'unexpected error repeated');
  }
}

/** Same class, same message, thrown from the same place. */
function kindOf(error: unknown): string {
  if (!(error instanceof Error)) return `thrown ${typeof error}: ${String(error).slice(0, 200)}`;
  const where = error.stack?.split('\n').find((line) => line.trimStart().startsWith('at ')) ?? '';
  return `${error.name}: ${error.message.slice(0, 200)} ${where.trim()}`;
}
