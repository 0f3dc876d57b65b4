import type { IncomingMessage } from 'node:http';
import net from 'node:net';

/** Who is on the other end of a request, after looking through trusted proxies. */
export interface ClientOrigin {
  ip: string | null;
  /** Reached us (or the first trusted proxy) over TLS. */
  secure: boolean;
}

const plainV4 = (address: string) => (address.startsWith('::ffff:') && net.isIPv4(address.slice(7)) ? address.slice(7) : address);

/**
 * `X-Forwarded-For` and `X-Forwarded-Proto` are believed only from the configured proxy addresses
 * (TRUSTED_PROXIES): from anyone else they are whatever a client chose to write.
 */
export class ProxyTrust {
  private readonly proxies = new net.BlockList();
  readonly any: boolean;

  /** Entries are addresses (`10.0.0.5`, `::1`) or subnets (`10.0.0.0/24`), validated by the config. */
  constructor(entries: readonly string[] = []) {
    for (const entry of entries) {
      const [address = '', prefix] = entry.split('/');
      const type = net.isIPv6(address) ? 'ipv6' : 'ipv4';
      if (prefix === undefined) this.proxies.addAddress(address, type);
      else this.proxies.addSubnet(address, Number(prefix), type);
    }
    this.any = entries.length > 0;
  }

  isProxy(address: string | null | undefined): boolean {
    if (!this.any || !address) return false;
    const plain = plainV4(address);
    const type = net.isIPv4(plain) ? 'ipv4' : net.isIPv6(plain) ? 'ipv6' : null;
    return type !== null && this.proxies.check(plain, type);
  }

  clientOf(req: Pick<IncomingMessage, 'headers' | 'socket'>): ClientOrigin {
    const remote = req.socket?.remoteAddress ?? null;
    const encrypted = (req.socket as { encrypted?: boolean } | undefined)?.encrypted === true;
    if (!this.isProxy(remote)) return { ip: remote, secure: encrypted };
    // The nearest hop that is not one of our proxies is the client; everything left of it could be forged.
    const hops = headerValue(req.headers['x-forwarded-for']).split(',').map((h) => h.trim()).filter(Boolean);
    let ip = remote;
    for (let i = hops.length - 1; i >= 0; i--) {
      const hop = hops[i]!;
      if (net.isIP(plainV4(hop)) === 0) break;
      ip = hop;
      if (!this.isProxy(hop)) break;
    }
    const proto = headerValue(req.headers['x-forwarded-proto']).split(',')[0]?.trim().toLowerCase();
    return { ip, secure: proto ? proto === 'https' : encrypted };
  }
}

const headerValue = (value: string | string[] | undefined): string => (Array.isArray(value) ? value.join(',') : (value ?? ''));
