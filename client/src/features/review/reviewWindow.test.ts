import { describe, expect, it } from 'vitest';
import { choiceFrom, choiceQuery, currentResponse, fromBeijingInput, presetWindow, toBeijingInput, validWindow } from './reviewWindow';

describe('review window', () => {
  it('ends a preset at the current minute and reaches back 6 or 24 hours', () => {
    const now = Date.parse('2025-09-15T10:30:45Z');
    expect(presetWindow('last6h', now, { from: '', to: '' })).toEqual({ from: '2025-09-15T04:30:00.000Z', to: '2025-09-15T10:30:00.000Z' });
    expect(presetWindow('last24h', now, { from: '', to: '' }).from).toBe('2025-09-14T10:30:00.000Z');
  });

  it('reviews the current response from its activation to now, a real one before a drill, as a drill report for a drill', () => {
    const now = Date.parse('2025-09-15T10:30:45Z');
    const real = { startedAt: '2025-09-15T02:05:30.000Z', exercise: false, state: 'active' };
    const drill = { startedAt: '2025-09-15T01:00:00.000Z', exercise: true, state: 'active' };
    expect(currentResponse([drill, real, { ...real, startedAt: '2025-09-14T00:00:00.000Z', state: 'ended' }])).toBe(real);
    expect(presetWindow('response', now, { from: '', to: '' }, real)).toEqual({ from: '2025-09-15T02:05:00.000Z', to: '2025-09-15T10:31:00.000Z' });
    expect(presetWindow('response', now, { from: 'a', to: 'b' }, null)).toEqual({ from: 'a', to: 'b' });
    expect(currentResponse([])).toBeNull();
  });

  it('shows and reads times in Beijing time whatever the browser zone', () => {
    expect(toBeijingInput('2025-09-15T00:10:00.000Z')).toBe('2025-09-15T08:10');
    expect(fromBeijingInput('2025-09-15T08:10')).toBe('2025-09-15T00:10:00.000Z');
    expect(fromBeijingInput('not a time')).toBeNull();
  });

  it('reads back the choice it wrote, and no window that ends first or spans more than 31 days', () => {
    const choice = { from: '2025-09-15T00:00:00.000Z', to: '2025-09-16T00:00:00.000Z', exercise: true };
    expect(choiceFrom(choiceQuery(choice))).toEqual(choice);
    expect(choiceFrom({ from: choice.to, to: choice.from })).toBeNull();
    expect(validWindow('2025-09-01T00:00:00Z', '2025-10-03T00:00:00Z')).toBe(false);
  });
});
