import type { Role } from '../../shared/enums';
import type { Audience } from '../../shared/schemas/event';

export interface Viewer {
  role: Role;
  teamId: string | null;
}

export const teamAudience = (teamId: string): Audience => `team:${teamId}`;

/** Whether a viewer may see an event addressed to `audience`. */
export function canSee(viewer: Viewer, audience: string): boolean {
  switch (viewer.role) {
    case 'admin':
      return true;
    case 'commander':
    case 'duty_officer':
    case 'wall':
      return audience !== 'admin';
    case 'field':
      return viewer.teamId !== null && audience === teamAudience(viewer.teamId);
  }
}
