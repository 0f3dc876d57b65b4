// Test-only: the dispatch services over a migrated in-memory store, principals and request builders.
import { randomUUID } from 'node:crypto';
import type { Role } from '../../shared/enums';
import type { DispatchCreate } from '../../shared/schemas/dispatch';
import type { DomainEvent } from '../../shared/schemas/event';
import type { Principal } from '../auth/principal';
import { openTestServices, type TestServices } from '../positions/test-support';
import { ActionLedger } from '../actions/action-ledger';
import { AssignmentWriter } from './assignment-writer';
import { DispatchReader } from './dispatch-reader';
import { DispatchService } from './dispatch-service';

export interface DispatchTestBed extends TestServices {
  reader: DispatchReader;
  ledger: ActionLedger;
  dispatches: DispatchService;
  /** Every event in the log, oldest first. */
  events(): Promise<DomainEvent[]>;
}

export async function openDispatchTestBed(clock: () => number = Date.now): Promise<DispatchTestBed> {
  const services = await openTestServices(clock);
  const reader = new DispatchReader(services.store.db, clock);
  const ledger = new ActionLedger(services.store.db, services.transactor, clock);
  const dispatches = new DispatchService(ledger, new AssignmentWriter(services.alarms, clock), reader, clock);
  return {
    ...services,
    reader,
    ledger,
    dispatches,
    events: async () => (await services.log.readRange(1, Number.MAX_SAFE_INTEGER)).map((s) => s.event),
  };
}

export const principal = (role: Role, teamId: string | null = null, userId = `${role}-${teamId ?? 'desk'}`): Principal => ({
  userId,
  username: userId,
  displayName: `${role} ${teamId ?? ''}`.trim(),
  role,
  teamId,
  sessionId: `s-${userId}`,
  expiresAt: '2999-01-01T00:00:00.000Z',
});

export const createRequest = (teamIds: string[], over: Partial<DispatchCreate> = {}): DispatchCreate => ({
  actionId: randomUUID(),
  teamIds,
  taskType: 'rescue',
  priority: 'urgent',
  destination: { lat: 29.4431, lon: 121.8712, label: '丹西街道 积水点' },
  instructions: '转移被困群众',
  ...over,
});

export const action = () => randomUUID();
