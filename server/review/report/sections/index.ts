import type { AnyReportSection } from '../section';
import { alarmsSection } from './alarms';
import { dispatchesSection } from './dispatches';
import { incidentsSection } from './incidents';
import { reportingSection } from './reporting';
import { sheltersSection } from './shelters';
import { suppliesSection } from './supplies';
import { timelineSection } from './timeline';
import { warningsSection } from './warnings';

/** Every section of the report, in the order the report shows them. Response levels (issue 15) join here. */
export const REPORT_SECTIONS: readonly AnyReportSection[] = [warningsSection, reportingSection, dispatchesSection, incidentsSection, sheltersSection, suppliesSection, alarmsSection, timelineSection];
