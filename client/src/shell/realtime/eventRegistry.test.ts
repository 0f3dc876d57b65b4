import { describe, expect, it } from 'vitest';
import { EVENT_TYPES } from '@shared/schemas/event';
import { IGNORED_EVENTS, SYNCED_STORES } from './eventRegistry';

describe('event registry', () => {
  const handled = new Set<string>(SYNCED_STORES.flatMap((s) => s.events));
  const ignored = new Set<string>(IGNORED_EVENTS);

  it('gives every event type of the shared schema a store or an explicit "ignored" entry', () => {
    expect(EVENT_TYPES.filter((type) => !handled.has(type) && !ignored.has(type))).toEqual([]);
  });

  it('does not ignore an event a store handles', () => {
    expect([...ignored].filter((type) => handled.has(type))).toEqual([]);
  });
});
