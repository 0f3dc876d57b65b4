import type { z } from 'zod';
import type { Alarm } from '../../shared/schemas/alarm';
import type { FieldFix } from '../../shared/schemas/position';
import { SosRequestSchema, SosResultSchema, type SosResult } from '../../shared/schemas/sos';
import type { AlarmService } from '../alarms/alarm-service';
import { actorOf, type Principal } from '../auth/principal';
import { forbidden } from '../errors';
import type { ActionLedger } from '../actions/action-ledger';

export interface SosServiceDeps {
  ledger: ActionLedger;
  alarms: Pick<AlarmService, 'raiseWithin' | 'clear'>;
  /** Puts the SOS position into the live position stream; resolves whether it was plausible. */
  acceptFix(principal: Principal, fix: FieldFix): Promise<boolean>;
}

/**
 * SOS from a team tablet: a critical, ringing alarm on the desk and the wall, one per team until the desk
 * resolves it (a second press while it is open changes nothing), and the position on the map.
 */
export class SosService {
  constructor(private readonly deps: SosServiceDeps) {}

  async raise(data: z.output<typeof SosRequestSchema>, principal: Principal): Promise<SosResult> {
    if (principal.role !== 'field' || !principal.teamId) throw forbidden('Only a team tablet sends SOS.');
    const teamId = principal.teamId;
    const positionAccepted = await this.deps.acceptFix(principal, data.position);
    const spec = { actionId: data.actionId, userId: principal.userId, kind: 'field.sos', request: data, result: SosResultSchema };
    return this.deps.ledger.once(spec, async (tx, record) => {
      const team = await tx.selectFrom('teams').select('name').where('id', '=', teamId).executeTakeFirst();
      const alarm = await this.deps.alarms.raiseWithin(
        tx,
        record,
        {
          kind: 'sos',
          severity: 'critical',
          sound: 'repeat',
          sourceType: 'team',
          sourceId: teamId,
          params: { teamName: team?.name ?? teamId, reportedBy: principal.displayName, lat: data.position.lat, lon: data.position.lon, at: new Date(data.position.t).toISOString(), note: data.note },
        },
        actorOf(principal),
      );
      return { alarm, positionAccepted };
    });
  }

  /** The desk has dealt with the team's SOS: the alarm clears, and the team can raise a new one. */
  resolve(teamId: string, principal: Principal): Promise<Alarm | null> {
    return this.deps.alarms.clear('sos', teamId, actorOf(principal));
  }
}
