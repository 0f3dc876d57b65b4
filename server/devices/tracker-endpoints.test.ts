import type os from 'node:os';
import { describe, expect, it } from 'vitest';
import { trackerEndpoints } from './tracker-endpoints';

const nic = (address: string, internal = false, family: 'IPv4' | 'IPv6' = 'IPv4'): os.NetworkInterfaceInfo =>
  ({ address, family, internal, netmask: '255.255.255.0', mac: '00:00:00:00:00:00', cidr: null }) as os.NetworkInterfaceInfo;

describe('trackerEndpoints', () => {
  it('gives phones the public names and LAN addresses with the configured ports, never localhost', () => {
    const endpoints = trackerEndpoints({
      publicHostnames: ['cmd.xiangshan.example'],
      port: 8443,
      osmandPort: 5099,
      interfaces: { lo: [nic('127.0.0.1', true)], eth0: [nic('192.168.10.20'), nic('fe80::1', false, 'IPv6')] },
    });
    expect(endpoints.osmandUrls).toEqual(['http://cmd.xiangshan.example:5099', 'http://192.168.10.20:5099']);
    expect(endpoints.owntracksUrls).toEqual(['https://cmd.xiangshan.example:8443/ingest/owntracks', 'https://192.168.10.20:8443/ingest/owntracks']);
    expect(JSON.stringify(endpoints)).not.toMatch(/localhost|127\.0\.0\.1/);
  });
});
