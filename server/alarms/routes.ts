import type { Router } from 'express';
import { ALARM_ROUTES } from '../../shared/routes/alarms';
import { contractRouter, type Authenticator } from '../http/contract-router';
import type { AlarmService } from './alarm-service';

export function alarmRoutes(sessions: Authenticator, alarms: AlarmService): Router {
  return contractRouter(sessions, ALARM_ROUTES, {
    list: () => alarms.listOpen(),
    acknowledge: ({ params, actor }) => alarms.acknowledge(params.id, actor),
  });
}
