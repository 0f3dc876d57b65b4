import { describe, expect, it } from 'vitest';
import { hasHiddenSecrets, maskUrlSecrets, restoreUrlSecrets } from './camera-secrets';

/** [what, the URL an admin stores, what everyone else sees, the secrets that must not appear in it] */
const CASES: Array<[string, string, string, string[]]> = [
  ['user and password', 'rtsp://admin:Pa55@10.1.2.3:554/main', 'rtsp://admin:***@10.1.2.3:554/main', ['Pa55']],
  ['@ in the password', 'rtsp://admin:p@ss@10.1.2.3/main', 'rtsp://admin:***@10.1.2.3/main', ['p@ss', 'ss@']],
  ['/ in the password', 'rtsp://admin:pa/ss@10.1.2.3/main', 'rtsp://admin:***@10.1.2.3/main', ['pa/ss', 'ss@']],
  ['@, / and : in the password', 'rtsps://op:a@b/c:d@cam.example.org:322/live?x=1', 'rtsps://op:***@cam.example.org:322/live?x=1', ['a@b', 'c:d']],
  ['percent-encoded password', 'rtsp://admin:Se%40cret@cam.local/ch1', 'rtsp://admin:***@cam.local/ch1', ['Se%40cret']],
  ['password without a user', 'rtsp://:secret@10.1.2.3/ch1', 'rtsp://:***@10.1.2.3/ch1', ['secret']],
  ['IPv6 host', 'rtsp://admin:pw@[fe80::1]:554/ch1', 'rtsp://admin:***@[fe80::1]:554/ch1', ['pw@']],
  ['no path after the host', 'rtsp://admin:hunter2@10.1.2.3', 'rtsp://admin:***@10.1.2.3', ['hunter2']],
  ['?password=', 'rtsp://10.1.2.3/Streaming/Channels/1?username=admin&password=s3cret', 'rtsp://10.1.2.3/Streaming/Channels/1?username=admin&password=***', ['s3cret']],
  ['?pwd= followed by other parameters', 'rtsp://10.1.2.3/live/ch00_0?user=admin&pwd=abc123&channel=1', 'rtsp://10.1.2.3/live/ch00_0?user=admin&pwd=***&channel=1', ['abc123']],
  ['& inside a query password', 'rtsp://10.1.2.3/live?password=p&ss&channel=1', 'rtsp://10.1.2.3/live?password=***&channel=1', ['p&ss', '&ss']],
  ['upper-case parameter name', 'rtsp://10.1.2.3/live?PassWord=Top', 'rtsp://10.1.2.3/live?PassWord=***', ['Top']],
  ['user=…_password=… path segment', 'rtsp://10.1.2.3:554/user=admin_password=tlJwpbo6_channel=1_stream=0.sdp?real_stream', 'rtsp://10.1.2.3:554/user=admin_password=***_channel=1_stream=0.sdp?real_stream', ['tlJwpbo6']],
  ['_ inside a segment password', 'rtsp://10.1.2.3/user=admin_password=a_b_c_channel=1', 'rtsp://10.1.2.3/user=admin_password=***_channel=1', ['a_b_c', 'b_c']],
  ['user=…&password=… path segment', 'rtsp://10.1.2.3/user=admin&password=xyz789&channel=1&stream=0.sdp', 'rtsp://10.1.2.3/user=admin&password=***&channel=1&stream=0.sdp', ['xyz789']],
  ['/password=… path segment', 'rtsp://10.1.2.3/user=admin/password=xyz789/channel=1', 'rtsp://10.1.2.3/user=admin/password=***/channel=1', ['xyz789']],
  [';password=… matrix parameter', 'rtsp://10.1.2.3/stream;user=op;password=q1w2', 'rtsp://10.1.2.3/stream;user=op;password=***', ['q1w2']],
  ['token and authbasic parameters', 'rtsp://10.1.2.3/cam/realmonitor?channel=1&authbasic=YWRtaW46cHc=&token=T0K', 'rtsp://10.1.2.3/cam/realmonitor?channel=1&authbasic=***&token=***', ['YWRtaW46cHc', 'T0K']],
  ['user info and a query secret together', 'rtsp://a:b1@10.1.2.3/x?key=k2', 'rtsp://a:***@10.1.2.3/x?key=***', ['b1', 'k2']],
];

/** URLs with nothing to hide are shown as they are. */
const PLAIN = [
  'rtsp://10.1.2.3/main',
  'rtsp://10.1.2.3:554/Streaming/Channels/102',
  'rtsp://admin@10.1.2.3/main',
  'rtsp://admin:@10.1.2.3/main',
  'rtsp://10.1.2.3/live?channel=1&subtype=0',
  'rtsp://10.1.2.3/user=admin&password=&channel=1',
];

describe('masking camera URL credentials', () => {
  it.each(CASES)('%s', (_what, url, masked, secrets) => {
    expect(maskUrlSecrets(url)).toBe(masked);
    for (const secret of secrets) expect(maskUrlSecrets(url)).not.toContain(secret);
  });

  it.each(PLAIN)('leaves %s alone', (url) => {
    expect(maskUrlSecrets(url)).toBe(url);
  });

  it.each(CASES)('puts the stored secrets back into a masked %s', (_what, url, masked) => {
    expect(hasHiddenSecrets(masked)).toBe(true);
    expect(restoreUrlSecrets(masked, url)).toBe(url);
  });

  it('keeps the stored password when only the address changed, and refuses a hidden password it does not know', () => {
    expect(restoreUrlSecrets('rtsp://admin:***@10.9.9.9/main', 'rtsp://admin:p@ss/w@10.1.2.3/main')).toBe('rtsp://admin:p@ss/w@10.9.9.9/main');
    expect(restoreUrlSecrets('rtsp://10.1.2.3/live?pwd=***', 'rtsp://10.1.2.3/live?password=x')).toBeNull();
    expect(restoreUrlSecrets('rtsp://admin:***@10.1.2.3/main', 'rtsp://10.1.2.3/main')).toBeNull();
  });
});
