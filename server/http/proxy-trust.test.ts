import { describe, expect, it } from 'vitest';
import { ProxyTrust } from './proxy-trust';

const req = (remote: string, headers: Record<string, string> = {}, encrypted = false) => ({ socket: { remoteAddress: remote, encrypted }, headers }) as never;

describe('proxy trust', () => {
  it('ignores X-Forwarded-For and X-Forwarded-Proto from a client that is not a configured proxy', () => {
    const trust = new ProxyTrust(['10.0.0.5']);
    expect(trust.clientOf(req('192.168.1.40', { 'x-forwarded-for': '127.0.0.1', 'x-forwarded-proto': 'https' }))).toEqual({ ip: '192.168.1.40', secure: false });
    expect(new ProxyTrust().clientOf(req('127.0.0.1', { 'x-forwarded-for': '203.0.113.9' }))).toEqual({ ip: '127.0.0.1', secure: false });
  });

  it('believes a configured proxy (address or subnet, IPv4-mapped too) about the client and its TLS', () => {
    const trust = new ProxyTrust(['10.0.0.5', '172.16.0.0/12']);
    expect(trust.clientOf(req('10.0.0.5', { 'x-forwarded-for': '192.168.1.40', 'x-forwarded-proto': 'https' }))).toEqual({ ip: '192.168.1.40', secure: true });
    expect(trust.clientOf(req('::ffff:172.20.1.1', { 'x-forwarded-for': '192.168.1.41', 'x-forwarded-proto': 'http' }))).toEqual({ ip: '192.168.1.41', secure: false });
  });

  it('takes the nearest untrusted hop, so a client cannot pose as someone else by writing the header itself', () => {
    const trust = new ProxyTrust(['10.0.0.5', '10.0.0.6']);
    expect(trust.clientOf(req('10.0.0.5', { 'x-forwarded-for': '127.0.0.1, 192.168.1.40, 10.0.0.6' })).ip).toBe('192.168.1.40');
    expect(trust.clientOf(req('10.0.0.5', { 'x-forwarded-for': 'not-an-address, 192.168.1.40' })).ip).toBe('192.168.1.40');
    expect(trust.clientOf(req('10.0.0.5', { 'x-forwarded-for': 'garbage' })).ip).toBe('10.0.0.5');
  });

  it('keeps a TLS connection secure whatever a proxy-less client claims', () => {
    expect(new ProxyTrust().clientOf(req('192.168.1.40', { 'x-forwarded-proto': 'http' }, true)).secure).toBe(true);
  });
});
