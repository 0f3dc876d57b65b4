/**
 * Credentials embedded in a camera URL, in every form cameras and NVRs take them:
 *
 *   rtsp://admin:p@ss/w0rd@10.1.2.3:554/main               user info (the password may hold `@` and `/`)
 *   rtsp://10.1.2.3/Streaming/Channels/1?password=secret     query parameters
 *   rtsp://10.1.2.3/user=admin_password=secret_channel=1     XMEye-style path segments, `_`-joined
 *   rtsp://10.1.2.3/user=admin&password=secret&channel=1     `&`, `;` or `/` joined path segments
 *
 * Masking and restoring both go through `urlSecrets`, so what is hidden is exactly what can be put back.
 */

/** Stands for a secret the viewer may not see; sent back unchanged, it keeps the stored one. */
export const HIDDEN_SECRET = '***';

/** Names under which a URL carries a password, key or token (compared without case). */
const SECRET_NAMES = [
  'password', 'passwd', 'pass', 'pwd', 'pw', 'psw', 'passphrase', 'passcode', 'secret', 'token', 'key', 'apikey',
  'api_key', 'access_token', 'auth', 'authbasic', 'authkey', 'credentials', 'sig', 'signature',
];

interface UrlSecret {
  /** Which secret this is, stable between the stored and the masked URL: `userinfo` or `name#n`. */
  key: string;
  start: number;
  end: number;
}

/**
 * `scheme://user:password@host[:port]` followed by a path, query, fragment or the end. The user name stops at
 * the first `:`; the password runs to the last `@` that is followed by a host, so `@` and `/` inside it are kept.
 */
const USER_INFO = /^([a-z][a-z0-9+.-]*:\/\/)([^:@/?#\s]*)(?::(.*))?@(?:\[[0-9a-f:.]+\]|[a-z0-9._~%-]+)(?::\d{1,5})?(?![a-z0-9._~%-])/i;

/**
 * `name=value` after a `/ ? & ; _` boundary; the value runs to the next `name=` boundary, a fragment or the end,
 * so a password holding `&`, `/` or `_` is hidden whole (at worst with some of what follows it).
 */
const NAMED_VALUE = /(?:^|[/?&;_])([a-z][a-z0-9_]{0,40})=(.*?)(?=[/?&;][a-z][a-z0-9_]{0,40}=|_[a-z][a-z0-9]{0,40}=|#|$)/gi;

function userInfoSecret(url: string): { secret: UrlSecret | null; afterHost: number } {
  const match = USER_INFO.exec(url);
  if (!match) return { secret: null, afterHost: url.indexOf('://') + 3 };
  const password = match[3];
  if (password === undefined || password === '') return { secret: null, afterHost: match[0].length };
  const start = match[1]!.length + match[2]!.length + 1;
  return { secret: { key: 'userinfo', start, end: start + password.length }, afterHost: match[0].length };
}

/** Where the secrets of a URL are, in order; an empty password is no secret. */
function urlSecrets(url: string): UrlSecret[] {
  const { secret, afterHost } = userInfoSecret(url);
  const secrets = secret ? [secret] : [];
  const rest = url.slice(afterHost);
  const seen = new Map<string, number>();
  for (const match of rest.matchAll(NAMED_VALUE)) {
    const name = match[1]!.toLowerCase();
    const secretName = SECRET_NAMES.find((n) => name === n || name.endsWith(`_${n}`));
    const value = match[2]!;
    if (!secretName || value === '') continue;
    const n = seen.get(name) ?? 0;
    seen.set(name, n + 1);
    const end = afterHost + match.index + match[0].length;
    secrets.push({ key: `${name}#${n}`, start: end - value.length, end });
  }
  return secrets;
}

function replaceSecrets(url: string, secrets: UrlSecret[], valueOf: (s: UrlSecret) => string): string {
  let out = '';
  let at = 0;
  for (const s of secrets) {
    out += url.slice(at, s.start) + valueOf(s);
    at = s.end;
  }
  return out + url.slice(at);
}

/** The URL with every embedded credential replaced by `***`; user names, hosts and paths stay readable. */
export function maskUrlSecrets(url: string): string {
  return replaceSecrets(url, urlSecrets(url), () => HIDDEN_SECRET);
}

export const hasUrlSecrets = (url: string): boolean => urlSecrets(url).length > 0;

/** Whether the URL carries a `***` where a secret goes: sent back by someone who did not see it. */
export const hasHiddenSecrets = (url: string): boolean => urlSecrets(url).some((s) => url.slice(s.start, s.end) === HIDDEN_SECRET);

/**
 * `incoming` with each `***` secret put back from the same secret of `stored` (same user info, same parameter
 * name); null when a hidden secret has no stored value to come from.
 */
export function restoreUrlSecrets(incoming: string, stored: string): string | null {
  const known = new Map(urlSecrets(stored).map((s) => [s.key, stored.slice(s.start, s.end)]));
  const secrets = urlSecrets(incoming);
  const hidden = secrets.filter((s) => incoming.slice(s.start, s.end) === HIDDEN_SECRET);
  if (hidden.some((s) => !known.has(s.key))) return null;
  return replaceSecrets(incoming, secrets, (s) => (incoming.slice(s.start, s.end) === HIDDEN_SECRET ? known.get(s.key) ?? HIDDEN_SECRET : incoming.slice(s.start, s.end)));
}
