import type { Point } from '@shared/geo';
import type { TaskType } from '@shared/schemas/dispatch';

/** How the new-dispatch form starts when opened for something else (a supply run): where to, what task, why. */
export interface DispatchStart {
  label: string;
  point: Point | null;
  /** Headed for the township's centre when there is no point. */
  township: string | null;
  taskType: TaskType;
  incidentId: string | null;
  instructions: string;
}
