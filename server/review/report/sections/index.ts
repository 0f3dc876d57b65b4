import type { AnyReportSection } from '../section';
import { alarmsSection } from './alarms';
import { dispatchesSection } from './dispatches';
import { incidentsSection } from './incidents';
import { reportingSection } from './reporting';
import { responsesSection } from './responses';
import { sheltersSection } from './shelters';
import { suppliesSection } from './supplies';
import { timelineSection } from './timeline';
import { warningsSection } from './warnings';

/** Every section of the report, in the order the report shows them. */
export const REPORT_SECTIONS: readonly AnyReportSection[] = [responsesSection, warningsSection, reportingSection, dispatchesSection, incidentsSection, sheltersSection, suppliesSection, alarmsSection, timelineSection];
