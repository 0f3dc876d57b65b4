import { describe, expect, it } from 'vitest';
import type { TeamStatus } from '../../shared/enums';
import { ASSIGNMENT_STATES, type AssignmentState } from '../../shared/schemas/dispatch';
import { DomainError } from '../errors';
import { alreadyThere, assertTransition, canMove, teamStatusAfter } from './transitions';

const ALLOWED: Array<[AssignmentState, AssignmentState]> = [
  ['created', 'delivered'],
  ['created', 'accepted'],
  ['created', 'declined'],
  ['created', 'cancelled'],
  ['delivered', 'accepted'],
  ['delivered', 'declined'],
  ['delivered', 'cancelled'],
  ['accepted', 'en_route'],
  ['accepted', 'on_scene'],
  ['accepted', 'cancelled'],
  ['en_route', 'on_scene'],
  ['en_route', 'cancelled'],
  ['on_scene', 'completed'],
  ['on_scene', 'cancelled'],
];

describe('the dispatch transition table', () => {
  it('allows exactly the listed transitions, every other pair is refused', () => {
    for (const from of ASSIGNMENT_STATES) {
      for (const to of ASSIGNMENT_STATES) {
        const listed = ALLOWED.some(([a, b]) => a === from && b === to);
        expect({ from, to, allowed: canMove(from, to) }).toEqual({ from, to, allowed: listed });
      }
    }
  });

  it('refuses with a typed INVALID_TRANSITION naming both states', () => {
    expect(() => assertTransition('completed', 'cancelled')).toThrowError(DomainError);
    try {
      assertTransition('en_route', 'accepted');
    } catch (error) {
      expect(error).toMatchObject({ code: 'INVALID_TRANSITION', details: { from: 'en_route', to: 'accepted' } });
    }
  });

  it('treats a repeated step, or a delivery confirmed after a later step, as already done', () => {
    expect(alreadyThere('accepted', 'accepted')).toBe(true);
    expect(alreadyThere('on_scene', 'delivered')).toBe(true);
    expect(alreadyThere('cancelled', 'delivered')).toBe(true);
    expect(alreadyThere('created', 'delivered')).toBe(false);
    expect(alreadyThere('accepted', 'en_route')).toBe(false);
  });
});

describe('team status following its current dispatch', () => {
  const current = (from: AssignmentState, to: AssignmentState) => ({ from, to, wasCurrent: true, isCurrent: true });
  const ended = (from: AssignmentState, to: AssignmentState) => ({ from, to, wasCurrent: true, isCurrent: false });

  it('maps delivered/accepted → dispatched, en route → en_route, on scene → on_scene', () => {
    expect(teamStatusAfter('standby', current('created', 'delivered'), 'delivered')).toBe('dispatched');
    expect(teamStatusAfter('off_duty', current('created', 'accepted'), 'accepted')).toBe('dispatched');
    expect(teamStatusAfter('dispatched', current('accepted', 'en_route'), 'en_route')).toBe('en_route');
    expect(teamStatusAfter('en_route', current('en_route', 'on_scene'), 'on_scene')).toBe('on_scene');
  });

  it('leaves the status alone for a dispatch the team has not received yet', () => {
    expect(teamStatusAfter('standby', { from: 'created', to: 'created', wasCurrent: false, isCurrent: true }, 'created')).toBe('standby');
  });

  it('returns after completion, or after a cancel once out; back to standby when it never left', () => {
    expect(teamStatusAfter('on_scene', ended('on_scene', 'completed'), null)).toBe('returning');
    expect(teamStatusAfter('en_route', ended('en_route', 'cancelled'), null)).toBe('returning');
    expect(teamStatusAfter('dispatched', ended('delivered', 'declined'), null)).toBe('standby');
    expect(teamStatusAfter('dispatched', ended('accepted', 'cancelled'), null)).toBe('standby');
    const keep: TeamStatus = 'off_duty';
    expect(teamStatusAfter(keep, ended('created', 'cancelled'), null)).toBe('off_duty');
  });

  it('hands over to the next queued dispatch when the current one ends', () => {
    expect(teamStatusAfter('on_scene', ended('on_scene', 'completed'), 'accepted')).toBe('dispatched');
    expect(teamStatusAfter('on_scene', ended('on_scene', 'completed'), 'created')).toBe('returning');
  });

  it('ignores steps on queued dispatches', () => {
    expect(teamStatusAfter('en_route', { from: 'created', to: 'accepted', wasCurrent: false, isCurrent: false }, 'en_route')).toBe('en_route');
  });
});
