/**
 * Sends remote browsers to HTTPS on the same host and port (the dual-protocol port serves both).
 * Loopback clients and TLS requests pass; device ingest, health checks and Socket.IO stay reachable over
 * plain HTTP (tracker apps and old tablets that cannot trust the local CA).
 */
import type { NextFunction, Request, Response } from 'express';
import { ProxyTrust } from '../http/proxy-trust';

export interface RedirectOptions {
  /** Path prefixes served over plain HTTP to anyone (matched on whole path segments). */
  exemptPrefixes?: string[];
  /** Proxies whose X-Forwarded-Proto/-For say whether the client used TLS and who it is (none by default). */
  trust?: ProxyTrust;
}

const DEFAULT_EXEMPT = ['/ingest', '/health', '/socket.io'];
const HOST_HEADER = /^(?:[a-z0-9.-]+|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  if (address === '::1') return true;
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}

export function redirectRemotePlainHttp(options: RedirectOptions = {}) {
  const exempt = (options.exemptPrefixes ?? DEFAULT_EXEMPT).map((p) => p.replace(/\/+$/, ''));
  const isExempt = (p: string) => exempt.some((prefix) => p === prefix || p.startsWith(`${prefix}/`));
  const trust = options.trust ?? new ProxyTrust();

  return function redirectRemotePlainHttpMiddleware(req: Request, res: Response, next: NextFunction): void {
    const origin = trust.clientOf(req);
    if (origin.secure || isLoopbackAddress(origin.ip ?? undefined)) return next();
    const pathname = (req.originalUrl ?? req.url).split('?')[0] ?? '/';
    if (isExempt(pathname)) return next();
    const host = req.headers.host;
    if (!host || !HOST_HEADER.test(host)) {
      res.statusCode = 400;
      res.setHeader('Content-Type', 'text/plain; charset=utf-8');
      res.end('Bad Host header');
      return;
    }
    const target = req.originalUrl ?? req.url;
    res.statusCode = 308;
    res.setHeader('Location', `https://${host}${target.startsWith('/') && !target.startsWith('//') ? target : '/'}`);
    res.setHeader('Content-Type', 'text/plain; charset=utf-8');
    res.end('Use HTTPS\n');
  };
}
