import type { AssignmentState, Dispatch, StepChannel } from '@shared/schemas/dispatch';
import { useTeamsStore } from '../teams/store';
import { useFormat } from '../../ui/useFormat';

/** Words for dispatch things, shared by the desk, the wall and the tablet. */
export function useDispatchFormat() {
  const f = useFormat();
  const teams = useTeamsStore();
  const { t } = f;

  const teamName = (id: string) => teams.get(id)?.name ?? id;
  const stateText = (s: AssignmentState) => t(`dispatch.state.${s}`);
  const channelText = (c: StepChannel | null) => (c ? t('dispatch.detail.via', { channel: t(`dispatch.channel.${c}`) }) : '');
  const taskText = (d: Pick<Dispatch, 'taskType'>) => t(`dispatch.taskType.${d.taskType}`);
  const priorityText = (d: Pick<Dispatch, 'priority'>) => t(`dispatch.priority.${d.priority}`);
  const distanceText = (metres: number) =>
    metres < 1000 ? t('fieldTask.metres', { n: Math.round(metres / 10) * 10 }) : t('fieldTask.km', { n: (metres / 1000).toFixed(metres < 10_000 ? 1 : 0) });

  return { ...f, teamName, stateText, channelText, taskText, priorityText, distanceText };
}
