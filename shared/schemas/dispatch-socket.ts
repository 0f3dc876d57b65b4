import { z } from 'zod';
import { DispatchReceivedSchema, DispatchSchema, DispatchStepRequestSchema } from './dispatch';
import { SosRequestSchema, SosResultSchema } from './sos';

/** Socket requests of field tablets for dispatches and SOS; spread into CLIENT_REQUESTS. */
export const DISPATCH_REQUESTS = {
  'dispatch:received': { request: DispatchReceivedSchema, response: DispatchSchema },
  'dispatch:step': { request: DispatchStepRequestSchema, response: DispatchSchema },
  'field:sos': { request: SosRequestSchema, response: SosResultSchema },
} as const;

/**
 * Pushed to a field tablet after each `sync:hello`: its team's active dispatches, undelivered ones included,
 * until a tablet confirms receipt. Spread into SERVER_PUSHES.
 */
export const DISPATCH_PUSHES = {
  'dispatch:pending': z.object({ dispatches: z.array(DispatchSchema) }),
} as const;
