import type { NextFunction, Request, Response } from 'express';
import { describe, expect, it, vi } from 'vitest';
import { ProxyTrust } from '../http/proxy-trust';
import { isLoopbackAddress, redirectRemotePlainHttp } from './https-redirect';

function fakeReq(opts: { remote: string; encrypted?: boolean; url: string; host?: string }): Request {
  return {
    socket: { remoteAddress: opts.remote, encrypted: opts.encrypted },
    headers: opts.host === undefined ? { host: '192.168.1.10:8080' } : opts.host ? { host: opts.host } : {},
    originalUrl: opts.url,
    url: opts.url,
    method: 'GET',
  } as unknown as Request;
}

function fakeRes() {
  const headers: Record<string, string> = {};
  const res = {
    statusCode: 200,
    ended: false,
    headers,
    setHeader(name: string, value: string) {
      headers[name.toLowerCase()] = value;
    },
    end() {
      res.ended = true;
    },
  };
  return res;
}

function run(req: Request, options?: Parameters<typeof redirectRemotePlainHttp>[0]) {
  const res = fakeRes();
  const next = vi.fn() as unknown as NextFunction & ReturnType<typeof vi.fn>;
  redirectRemotePlainHttp(options ?? { exemptPrefixes: ['/ingest', '/health', '/socket.io'] })(
    req,
    res as unknown as Response,
    next,
  );
  return { res, next };
}

describe('redirectRemotePlainHttp', () => {
  it('lets loopback plain HTTP through', () => {
    for (const remote of ['127.0.0.1', '::1', '::ffff:127.0.0.1', '127.3.2.1']) {
      const { res, next } = run(fakeReq({ remote, url: '/board' }));
      expect(next).toHaveBeenCalledOnce();
      expect(res.ended).toBe(false);
    }
  });

  it('lets encrypted requests through from anywhere', () => {
    const { next, res } = run(fakeReq({ remote: '192.168.1.23', encrypted: true, url: '/board' }));
    expect(next).toHaveBeenCalledOnce();
    expect(res.ended).toBe(false);
  });

  it('sends remote plain HTTP to the same URL over https with 308', () => {
    const { res, next } = run(fakeReq({ remote: '192.168.1.23', url: '/board/map?x=1&y=2' }));
    expect(next).not.toHaveBeenCalled();
    expect(res.statusCode).toBe(308);
    expect(res.headers.location).toBe('https://192.168.1.10:8080/board/map?x=1&y=2');
    const v4mapped = run(fakeReq({ remote: '::ffff:10.0.0.9', url: '/', host: 'tidewatch.local:8080' }));
    expect(v4mapped.res.headers.location).toBe('https://tidewatch.local:8080/');
    const v6 = run(fakeReq({ remote: 'fe80::1', url: '/wall', host: '[fe80::2]:8080' }));
    expect(v6.res.headers.location).toBe('https://[fe80::2]:8080/wall');
  });

  it('exempts /ingest, /health and /socket.io (whole segments only)', () => {
    for (const url of ['/ingest', '/ingest/owntracks', '/health', '/health?deep=1', '/socket.io/?EIO=4&transport=polling']) {
      const { next } = run(fakeReq({ remote: '192.168.1.23', url }));
      expect(next, url).toHaveBeenCalledOnce();
    }
    const { res } = run(fakeReq({ remote: '192.168.1.23', url: '/ingestion' }));
    expect(res.statusCode).toBe(308);
  });

  it('uses the default exemptions without options', () => {
    const res = fakeRes();
    const next = vi.fn();
    redirectRemotePlainHttp()(fakeReq({ remote: '10.1.1.1', url: '/ingest/osmand' }), res as unknown as Response, next);
    expect(next).toHaveBeenCalledOnce();
  });

  it('refuses a missing or malformed Host header instead of redirecting anywhere', () => {
    for (const host of ['', 'evil.example/path', 'a b']) {
      const { res, next } = run(fakeReq({ remote: '192.168.1.23', url: '/', host }));
      expect(next).not.toHaveBeenCalled();
      expect(res.statusCode).toBe(400);
    }
    const absolute = run(fakeReq({ remote: '192.168.1.23', url: '//evil.example/x' }));
    expect(absolute.res.headers.location).toBe('https://192.168.1.10:8080/');
  });

  it('recognises loopback addresses', () => {
    expect(isLoopbackAddress('127.0.0.1')).toBe(true);
    expect(isLoopbackAddress('::1')).toBe(true);
    expect(isLoopbackAddress('::ffff:127.0.0.1')).toBe(true);
    expect(isLoopbackAddress('192.168.0.1')).toBe(false);
    expect(isLoopbackAddress('::ffff:192.168.0.1')).toBe(false);
    expect(isLoopbackAddress(undefined)).toBe(false);
  });
});

describe('behind a configured TLS proxy', () => {
  it('redirects a client the proxy says came over plain HTTP, and lets one that came over HTTPS through', () => {
    const trust = new ProxyTrust(['127.0.0.1']);
    const viaProxy = (proto: string) => ({ ...fakeReq({ remote: '127.0.0.1', url: '/desk' }), headers: { host: 'board.local', 'x-forwarded-for': '192.168.1.40', 'x-forwarded-proto': proto } }) as unknown as Request;
    const plain = run(viaProxy('http'), { trust });
    expect(plain.res.statusCode).toBe(308);
    expect(plain.next).not.toHaveBeenCalled();
    expect(run(viaProxy('https'), { trust }).next).toHaveBeenCalled();
    // Without the setting, the same headers from anyone are ignored (the loopback peer is let through as before).
    expect(run(viaProxy('http')).next).toHaveBeenCalled();
  });
});
