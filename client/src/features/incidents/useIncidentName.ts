import { useI18n } from 'vue-i18n';
import { incidentLabel } from './incidentLabel';
import { useIncidentsStore } from './store';

/** Names a linked incident by number and title; one not in view is fetched, and meanwhile reads 事件加载中. */
export function useIncidentName() {
  const incidents = useIncidentsStore();
  const { t } = useI18n();
  return (id: string): string => {
    const incident = incidents.get(id);
    if (incident) return incidentLabel(incident);
    incidents.ensure(id);
    return t('incident.loadingName');
  };
}
