import { sql, type Kysely, type Transaction } from 'kysely';
import type { Contact } from '../../shared/schemas/contact';
import type { Device } from '../../shared/schemas/device';
import type { Dispatch } from '../../shared/schemas/dispatch';
import { EMPTY_SITUATION_LISTS, type SituationLists, type Snapshot } from '../../shared/schemas/sync';
import type { Principal } from '../auth/principal';
import { toUser } from '../auth/user-service';
import type { Database } from '../db/schema';
import type { Dialect } from '../db/database';
import type { EventLog } from '../events/event-log';
import { toTeam } from '../teams/team-service';
import type { WallLayoutService } from '../wall/wall-layout-service';
import type { AlarmService } from '../alarms/alarm-service';
import { alarmAudience, canSee, visibleTeams } from '../visibility/policy';
import { DEFAULT_WALL_LAYOUT } from '../../shared/schemas/wall';

export interface SnapshotReaders {
  readDevices(db: Kysely<Database> | Transaction<Database>): Promise<Device[]>;
  /** The warning contacts registry, for staff; none when not given. */
  readContacts?(db: Kysely<Database> | Transaction<Database>): Promise<Contact[]>;
  /** What of the dispatches the viewer may see; none when not given. */
  readDispatches?(db: Kysely<Database> | Transaction<Database>, viewer: Principal): Promise<Dispatch[]>;
  /** Each domain's part of the situation lists (incidents, shelters, supplies, duty watch), for board roles; a part not given stays empty. */
  readSituationParts?: ReadonlyArray<(db: Kysely<Database> | Transaction<Database>) => Promise<Partial<SituationLists>>>;
}

/**
 * Builds what a viewer may see, with the seq it reflects, inside one read transaction so the
 * state and the seq agree (repeatable read on PostgreSQL; SQLite has one connection).
 */
export class SnapshotService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: Dialect,
    private readonly log: EventLog,
    private readonly alarms: AlarmService,
    private readonly layouts: WallLayoutService,
    private readonly readers: SnapshotReaders,
  ) {}

  async build(viewer: Principal): Promise<Snapshot> {
    let transaction = this.db.transaction();
    if (this.dialect === 'postgres') transaction = transaction.setIsolationLevel('repeatable read');
    return transaction.execute(async (tx) => {
      const seq = await this.log.currentSeq(tx);
      const teamScope = visibleTeams(viewer);
      let teamQuery = tx.selectFrom('teams').selectAll();
      if (!teamScope.all) teamQuery = teamScope.teamIds.length > 0 ? teamQuery.where('id', 'in', teamScope.teamIds) : teamQuery.where(sql<boolean>`1 = 0`);
      const teams = (await teamQuery.orderBy('name').execute()).map(toTeam);
      const seesBoard = canSee(viewer, 'board');
      const seesAdmin = canSee(viewer, 'admin');
      return {
        seq,
        teams,
        alarms: (await this.alarms.listOpen(tx)).filter((a) => canSee(viewer, alarmAudience(a))),
        // Layout changes are the board's; a viewer who does not get them live starts from the default.
        wallLayout: seesBoard ? await this.layouts.get(tx) : DEFAULT_WALL_LAYOUT,
        users: seesAdmin ? (await tx.selectFrom('users').selectAll().orderBy('username').execute()).map(toUser) : [],
        devices: seesAdmin ? await this.readers.readDevices(tx) : [],
        dispatches: (await this.readers.readDispatches?.(tx, viewer)) ?? [],
        contacts: canSee(viewer, 'staff') ? ((await this.readers.readContacts?.(tx)) ?? []) : [],
        ...EMPTY_SITUATION_LISTS,
        ...(seesBoard ? await this.readSituationLists(tx) : {}),
      };
    });
  }

  /** One part after another, in the one transaction of the snapshot. */
  private async readSituationLists(tx: Transaction<Database>): Promise<Partial<SituationLists>> {
    const lists: Partial<SituationLists> = {};
    for (const read of this.readers.readSituationParts ?? []) Object.assign(lists, await read(tx));
    return lists;
  }
}
