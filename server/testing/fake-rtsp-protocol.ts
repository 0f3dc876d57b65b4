/** The RTSP 1.0 subset a camera needs for ffmpeg and ffprobe pulling over TCP (RFC 2326). */
import type net from 'node:net';

export interface RtspRequest {
  method: string;
  uri: string;
  headers: Record<string, string>;
}

export interface RtspSession {
  socket: net.Socket;
  id: string;
  playing: boolean;
}

export interface CameraDescription {
  path: string;
  /** The SDP ffmpeg's RTP muxer wrote for the stream. */
  sdp: string;
  credentials?: { user: string; password: string };
}

/** Splits what a client sent into requests, skipping interleaved frames ($, channel, length) such as RTCP reports. */
export function parseRtspRequests(buffer: Buffer): { requests: RtspRequest[]; rest: Buffer } {
  const requests: RtspRequest[] = [];
  let rest = buffer;
  while (rest.length > 0) {
    if (rest[0] === 0x24) {
      if (rest.length < 4 || rest.length < 4 + rest.readUInt16BE(2)) break;
      rest = rest.subarray(4 + rest.readUInt16BE(2));
      continue;
    }
    const end = rest.indexOf('\r\n\r\n');
    if (end < 0) break;
    const [requestLine = '', ...lines] = rest.subarray(0, end).toString('latin1').split('\r\n');
    const headers: Record<string, string> = {};
    for (const line of lines) {
      const colon = line.indexOf(':');
      if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    const bodyLength = Number(headers['content-length'] ?? 0);
    if (rest.length < end + 4 + bodyLength) break;
    rest = rest.subarray(end + 4 + bodyLength);
    const [method = '', uri = ''] = requestLine.split(' ');
    requests.push({ method, uri, headers });
  }
  return { requests, rest };
}

/** The answer to one request; PLAY marks the session as playing, TEARDOWN ends the connection after answering. */
export function answerRtsp(request: RtspRequest, session: RtspSession, camera: CameraDescription): string {
  const reply = (status: string, headers: Record<string, string> = {}, body = '') => {
    const all = { CSeq: request.headers.cseq ?? '0', ...headers, ...(body ? { 'Content-Length': String(Buffer.byteLength(body)) } : {}) };
    return `RTSP/1.0 ${status}\r\n${Object.entries(all).map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n${body}`;
  };
  if (camera.credentials && request.headers.authorization !== basicAuth(camera.credentials)) {
    return reply('401 Unauthorized', { 'WWW-Authenticate': 'Basic realm="fake camera"' });
  }
  const base = request.uri.replace(/\/trackID=\d+$/, '').replace(/\/$/, '');
  if (request.method !== 'OPTIONS' && safePath(base) !== camera.path) return reply('404 Not Found');
  const sessionHeader = { Session: `${session.id};timeout=60` };
  switch (request.method) {
    case 'OPTIONS':
      return reply('200 OK', { Public: 'OPTIONS, DESCRIBE, SETUP, PLAY, TEARDOWN, GET_PARAMETER' });
    case 'DESCRIBE':
      return reply('200 OK', { 'Content-Base': `${base}/`, 'Content-Type': 'application/sdp' }, describe(camera.sdp));
    case 'SETUP': {
      const transport = request.headers.transport ?? '';
      if (!transport.includes('RTP/AVP/TCP')) return reply('461 Unsupported Transport');
      return reply('200 OK', { Transport: 'RTP/AVP/TCP;unicast;interleaved=0-1', ...sessionHeader });
    }
    case 'PLAY':
      session.playing = true;
      return reply('200 OK', { Range: 'npt=0.000-', ...sessionHeader });
    case 'TEARDOWN':
      session.playing = false;
      setImmediate(() => session.socket.end());
      return reply('200 OK', sessionHeader);
    case 'GET_PARAMETER':
      return reply('200 OK', sessionHeader);
    default:
      return reply('501 Not Implemented');
  }
}

/** The encoder's SDP as a server describes it: no address or port of its own, one controllable track. */
function describe(sdp: string): string {
  const lines = sdp.trim().split(/\r?\n/).map((line) => line.replace(/^c=IN IP4 .*$/, 'c=IN IP4 0.0.0.0').replace(/^m=video \d+/, 'm=video 0'));
  const media = lines.findIndex((line) => line.startsWith('m='));
  return [...lines.slice(0, media), 'a=control:*', ...lines.slice(media), 'a=control:trackID=0'].join('\r\n') + '\r\n';
}

function safePath(uri: string): string {
  try {
    return new URL(uri).pathname;
  } catch {
    return '';
  }
}

function basicAuth({ user, password }: { user: string; password: string }): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}
