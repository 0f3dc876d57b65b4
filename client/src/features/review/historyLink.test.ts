import { describe, expect, it } from 'vitest';
import { detailLine, historyPath } from './historyLink';

describe('history links', () => {
  it('encode the id into the path', () => {
    expect(historyPath('dispatch', 'd 1/2')).toBe('/history/dispatch/d%201%2F2');
  });

  it('word the facts of an entry, leaving out empty ones', () => {
    expect(detailLine({ detail: { from: 'created', to: 'accepted', reason: null, text: '' } }, (k, v) => `${k}=${v}`)).toBe('from=created · to=accepted');
  });
});
