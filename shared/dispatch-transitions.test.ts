import { describe, expect, it } from 'vitest';
import { ASSIGNMENT_STATES } from './schemas/dispatch';
import { assignmentActions, dispatchActions } from './dispatch-transitions';

describe('the desk actions a dispatch offers', () => {
  it('offers nothing on a finished dispatch: no 改派, no 取消, no step on behalf', () => {
    expect(dispatchActions([{ state: 'completed' }])).toEqual({ cancel: false, reassign: false, onBehalf: false });
    expect(dispatchActions([{ state: 'cancelled' }, { state: 'completed' }])).toEqual({ cancel: false, reassign: false, onBehalf: false });
  });

  it('offers 改派 for a declined team but nothing to cancel', () => {
    expect(dispatchActions([{ state: 'declined' }])).toEqual({ cancel: false, reassign: true, onBehalf: false });
  });

  it('offers every action while one team still holds the task', () => {
    expect(dispatchActions([{ state: 'completed' }, { state: 'en_route' }])).toEqual({ cancel: true, reassign: true, onBehalf: true });
  });

  it('records on behalf only the steps the state machine allows next', () => {
    expect(assignmentActions('created').onBehalf).toEqual(['delivered', 'accepted', 'declined']);
    expect(assignmentActions('on_scene').onBehalf).toEqual(['completed']);
    for (const state of ASSIGNMENT_STATES) expect(assignmentActions(state).onBehalf).not.toContain('cancelled');
  });
});
