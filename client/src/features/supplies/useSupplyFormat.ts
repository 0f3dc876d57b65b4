import type { SupplyLine } from '@shared/schemas/supply';
import type { SupplyRun } from '@shared/schemas/supply-run';
import { useFormat } from '../../ui/useFormat';
import { useIncidentsStore } from '../incidents/store';
import { useSheltersStore } from '../shelters/store';
import { useSuppliesStore } from './store';
import { hoursMinutes, type RunGoal } from './runGoal';
import { stockRefusal } from './supplyModel';

/** Names and texts of the supplies screens: depots, items, destinations, quantities, the 12-hour goal. */
export function useSupplyFormat() {
  const format = useFormat();
  const { t } = format;
  const supplies = useSuppliesStore();
  const shelters = useSheltersStore();
  const incidents = useIncidentsStore();

  const depotName = (id: string) => supplies.depot(id)?.name ?? id;
  const itemName = (id: string) => supplies.item(id)?.name ?? id;
  const unit = (id: string) => supplies.item(id)?.unit ?? '';
  const quantity = (itemId: string, n: number) => `${n}${unit(itemId)}`;
  const linesText = (lines: readonly SupplyLine[]) => format.listText(lines.map((l) => `${itemName(l.itemId)} ${quantity(l.itemId, l.quantity)}`));

  function destinationName(run: Pick<SupplyRun, 'destinationType' | 'destinationId'>): string {
    if (run.destinationType === 'depot') return depotName(run.destinationId);
    if (run.destinationType === 'shelter') return shelters.get(run.destinationId)?.name ?? run.destinationId;
    const incident = incidents.get(run.destinationId);
    return incident ? `${incident.code} ${incident.title}` : run.destinationId;
  }

  const span = (ms: number) => {
    const { h, m } = hoursMinutes(ms);
    return h > 0 ? t('supplies.goal.hm', { h, m: String(m).padStart(2, '0') }) : t('supplies.goal.m', { m });
  };
  const goalText = (goal: RunGoal) => t(`supplies.goal.${goal.state}`, { elapsed: span(goal.elapsedMs), left: span(goal.leftMs), over: span(-goal.leftMs) });

  /** A refusal in plain words: insufficient stock names depot, item and what is available; others by code. */
  function refusalText(e: unknown): string {
    const refusal = stockRefusal(e, { depot: depotName, item: (id) => ({ name: itemName(id), unit: unit(id) }) });
    return refusal ? t(refusal.key, refusal.params) : format.errorText(e);
  }

  return { ...format, depotName, itemName, unit, quantity, linesText, destinationName, goalText, refusalText };
}
