import type { Transaction } from 'kysely';
import type { Actor } from '../../shared/schemas/event';
import type { Response } from '../../shared/schemas/response';
import type { AlarmService } from '../alarms/alarm-service';
import type { Database } from '../db/schema';
import type { RecordEvent } from '../events/transactor';
import type { ResponsePorts } from './ports';
import { loadRegistry, type Registry } from './references';

/** Everything a change of a response's tasks needs, inside one transaction. */
export interface TaskContext {
  tx: Transaction<Database>;
  record: RecordEvent;
  response: Response;
  actor: Actor;
  now: number;
  ports: ResponsePorts;
  alarms: AlarmService;
  /** Read once per transaction, on first use. */
  registry(): Promise<Registry>;
}

export function taskContext(parts: Omit<TaskContext, 'registry'>): TaskContext {
  let registry: Promise<Registry> | null = null;
  return { ...parts, registry: () => (registry ??= loadRegistry(parts.tx)) };
}

export const iso = (ms: number): string => new Date(ms).toISOString();
export const DRILL_MARK = '【演练】';
