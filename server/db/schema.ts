import type { AlarmTables } from '../alarms/schema';
import type { AuthTables } from '../auth/schema';
import type { DeviceTables } from '../devices/schema';
import type { DispatchTables } from '../dispatch/schema';
import type { DutyTables } from '../duty/schema';
import type { EventTables } from '../events/schema';
import type { IncidentTables } from '../incidents/schema';
import type { PositionTables } from '../positions/schema';
import type { ShelterTables } from '../shelters/schema';
import type { SupplyTables } from '../supplies/schema';
import type { TeamTables } from '../teams/schema';
import type { TyphoonTables } from '../typhoon/schema';
import type { SensorTables } from '../sensors/schema';
import type { ResponseTables } from '../response/schema';
import type { VideoTables } from '../video/schema';
import type { WarningTables } from '../warnings/schema';
import type { SettingTables } from './settings-schema';

/**
 * Every table as kysely sees it, composed from the domains' own row types. Rows are as stored, in both
 * dialects: booleans are 0/1 integers, JSON is text, instants are ISO text.
 */
export interface Database
  extends EventTables,
    SettingTables,
    AuthTables,
    TeamTables,
    DeviceTables,
    PositionTables,
    AlarmTables,
    IncidentTables,
    ShelterTables,
    SupplyTables,
    DutyTables,
    DispatchTables,
    VideoTables,
    TyphoonTables,
    WarningTables,
    SensorTables,
    ResponseTables {}
