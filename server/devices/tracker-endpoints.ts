import os from 'node:os';
import type { TrackerEndpoints } from '../../shared/schemas/device';

export interface TrackerEndpointOptions {
  /** PUBLIC_HOSTNAMES: names or addresses phones reach this server by; listed first. */
  publicHostnames: readonly string[];
  port: number;
  osmandPort: number;
  /** os.networkInterfaces(), passed in for tests. */
  interfaces?: NodeJS.Dict<os.NetworkInterfaceInfo[]>;
}

const hostInUrl = (host: string): string => (host.includes(':') ? `[${host}]` : host);

/**
 * The addresses a phone can reach this server on: the configured public names, then this machine's
 * LAN IPv4 addresses. Never localhost, which on a phone is the phone itself.
 */
export function trackerEndpoints(options: TrackerEndpointOptions): TrackerEndpoints {
  const hosts: string[] = [];
  const add = (host: string) => {
    const name = host.trim();
    if (name && name !== 'localhost' && !name.startsWith('127.') && name !== '::1' && !hosts.includes(name)) hosts.push(name);
  };
  for (const name of options.publicHostnames) add(name);
  for (const addresses of Object.values(options.interfaces ?? os.networkInterfaces())) {
    for (const a of addresses ?? []) if (a.family === 'IPv4' && !a.internal) add(a.address);
  }
  return {
    osmandUrls: hosts.map((h) => `http://${hostInUrl(h)}:${options.osmandPort}`),
    owntracksUrls: hosts.map((h) => `https://${hostInUrl(h)}:${options.port}/ingest/owntracks`),
  };
}
