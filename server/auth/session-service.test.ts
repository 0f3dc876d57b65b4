import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SYSTEM_ACTOR } from '../../shared/schemas/event';
import { openStore, type Store } from '../db/database';
import { EventBus } from '../events/event-bus';
import { EventLog } from '../events/event-log';
import { Transactor } from '../events/transactor';
import { LoginThrottle } from './login-throttle';
import * as password from './password';
import { SessionService } from './session-service';
import { UserService } from './user-service';

vi.mock('./password', { spy: true });

const LIFETIMES = { admin: 1, commander: 1, duty_officer: 1, field: 1, wall: 1 };
let store: Store;
let sessions: SessionService;

beforeAll(async () => {
  store = await openStore({ sqliteFile: ':memory:' });
  const log = new EventLog(store.db);
  const transactor = new Transactor(store.db, log, new EventBus(await log.currentSeq(), (from, to) => log.readRange(from, to), () => {}));
  await new UserService(store.db, transactor).create({ username: 'known-1', displayName: '已知', role: 'commander', password: 'a-long-password-1' }, SYSTEM_ACTOR);
  sessions = new SessionService(store.db, transactor, new LoginThrottle(), LIFETIMES);
});
afterAll(async () => store?.close());

describe('sign-in timing', () => {
  it('checks the password of an unknown user name against a stand-in hash, like a known one', async () => {
    const client = { ip: '192.0.2.10', userAgent: null };
    vi.mocked(password.verifyPassword).mockClear();
    await expect(sessions.login({ username: 'known-1', password: 'wrong-password-1' }, client)).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });
    await expect(sessions.login({ username: 'nobody-here', password: 'wrong-password-1' }, client)).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });
    const checks = vi.mocked(password.verifyPassword).mock.calls;
    expect(checks).toHaveLength(2);
    // Same scheme and cost parameters: the unknown name costs one full scrypt too.
    const params = (hash: string) => hash.split('$').slice(0, 4).join('$');
    expect(params(checks[1]![1])).toBe(params(checks[0]![1]));
  });
});
