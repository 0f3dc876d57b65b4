import type { StormExposure } from '../../shared/response/level-suggestion';
import type { StormService } from '../typhoon/storm-service';
import type { WarningService } from '../warnings/warning-service';
import type { SuggestionSources } from './suggestion-service';

/** The storms the board follows (live ones only: a historical storm never suggests) and the real warnings in force. */
export function suggestionSources(storms: StormService, warnings: WarningService): SuggestionSources {
  return {
    storms: async () => {
      const out: StormExposure[] = [];
      for (const storm of await storms.list({ archived: false })) {
        if (storm.historical || storm.track.length === 0) continue;
        const exposure = await storms.exposure(storm.id, {});
        out.push({ stormId: storm.id, townships: exposure.townships });
      }
      return out;
    },
    warnings: async () => (await warnings.current(false)).filter(({ warning }) => warning.msgType !== 'Cancel').map(({ warning }) => ({ id: warning.id, hazard: warning.hazard, colour: warning.colour })),
  };
}
