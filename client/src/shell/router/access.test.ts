import { describe, expect, it } from 'vitest';
import { homePathFor, mayEnter, ROUTE_ROLES, safeRedirect } from './access';

describe('role routing', () => {
  it('sends each role home', () => {
    expect(homePathFor('wall')).toBe('/wall');
    expect(homePathFor('field')).toBe('/field');
    expect(homePathFor('commander')).toBe('/desk');
    expect(homePathFor(null)).toBe('/login');
  });
  it('guards routes by role', () => {
    expect(mayEnter('wall', ROUTE_ROLES.desk)).toBe(false);
    expect(mayEnter('duty_officer', ROUTE_ROLES.desk)).toBe(true);
    expect(mayEnter('commander', ROUTE_ROLES.wall)).toBe(true);
    expect(mayEnter('commander', ROUTE_ROLES.admin)).toBe(false);
    expect(mayEnter(null, ROUTE_ROLES.field)).toBe(false);
  });
  it('follows only local redirects', () => {
    expect(safeRedirect('/desk?x=1')).toBe('/desk?x=1');
    expect(safeRedirect('//evil.example')).toBeNull();
    expect(safeRedirect('https://evil.example')).toBeNull();
    expect(safeRedirect('/login')).toBeNull();
  });
});
