/** Messages between the benchmark runner and its worker processes (over Node IPC). */
export type WorkerCommand =
  | { kind: 'start'; rate: number; durationMs: number }
  | { kind: 'stop' };

export interface LoadReport {
  kind: 'load-done';
  sent: number;
  failed: number;
  reasons: Record<string, number>;
}

export interface ClientReport {
  kind: 'clients-done';
  received: number;
  /** Sampled ingest→client latencies in ms. */
  latencies: number[];
}

export interface Ready {
  kind: 'ready';
}

export type WorkerMessage = LoadReport | ClientReport | Ready;

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] as number;
}
