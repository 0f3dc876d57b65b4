/**
 * Proves a relay feed is watchable without a browser: consumes a producer on a PlainTransport and lets
 * ffmpeg decode what arrives, as a viewer's decoder would (parameter sets only from the stream itself).
 *
 *   const decoded = await decodeFromRouter(router, producer, { frames: 25 });
 *   decoded.width; // 640
 */
import { execFile } from 'node:child_process';
import dgram from 'node:dgram';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { types as ms } from 'mediasoup';

export interface DecodedFeed {
  codec: string;
  width: number;
  height: number;
  frames: number;
}

/** Binds a UDP socket on loopback; resolves null when the port is taken. */
function bindUdp(port: number): Promise<dgram.Socket | null> {
  return new Promise((resolve) => {
    const socket = dgram.createSocket('udp4');
    socket.once('error', () => (socket.close(), resolve(null)));
    socket.bind(port, '127.0.0.1', () => resolve(socket));
  });
}

/** Two adjacent UDP ports (RTP, RTCP), both free a moment ago on loopback. */
async function freeUdpPair(): Promise<number> {
  for (;;) {
    const rtp = (await bindUdp(0))!;
    const port = rtp.address().port;
    const rtcp = port % 2 === 0 && port < 65_000 ? await bindUdp(port + 1) : null;
    rtp.close();
    rtcp?.close();
    if (rtcp) return port;
  }
}

function sdpFor(consumer: ms.Consumer, port: number): string {
  const codec = consumer.rtpParameters.codecs[0]!;
  const fmtp = Object.entries(codec.parameters ?? {}).map(([k, v]) => `${k}=${String(v)}`).join(';');
  const name = codec.mimeType.split('/')[1];
  return ['v=0', 'o=- 0 0 IN IP4 127.0.0.1', 's=relay feed', 'c=IN IP4 127.0.0.1', 't=0 0',
    `m=video ${port} RTP/AVP ${codec.payloadType}`, `a=rtpmap:${codec.payloadType} ${name}/${codec.clockRate}`,
    ...(fmtp ? [`a=fmtp:${codec.payloadType} ${fmtp}`] : []), ''].join('\r\n');
}

/** Decodes `frames` frames of the producer's feed; rejects if ffmpeg cannot within `timeoutMs`. */
export async function decodeFromRouter(router: ms.Router, producer: ms.Producer, { frames = 25, timeoutMs = 20_000 } = {}): Promise<DecodedFeed> {
  const port = await freeUdpPair();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'rtp-decoder-'));
  const transport = await router.createPlainTransport({ listenIp: '127.0.0.1', rtcpMux: false, comedia: false });
  try {
    await transport.connect({ ip: '127.0.0.1', port, rtcpPort: port + 1 });
    const consumer = await transport.consume({ producerId: producer.id, rtpCapabilities: router.rtpCapabilities, paused: true });
    const sdpFile = path.join(dir, 'feed.sdp');
    await writeFile(sdpFile, sdpFor(consumer, port));
    const args = ['-hide_banner', '-nostdin', '-protocol_whitelist', 'file,udp,rtp', '-i', sdpFile, '-frames:v', String(frames), '-f', 'null', '-'];
    const decoding = new Promise<string>((resolve, reject) => {
      execFile(process.env.FFMPEG_PATH ?? 'ffmpeg', args, { timeout: timeoutMs }, (error, _stdout, stderr) => (error ? reject(new Error(`ffmpeg could not decode the feed: ${stderr.slice(-1500)}`)) : resolve(stderr)));
    });
    // ffmpeg needs a moment to bind its port; a packet sent before is lost, which a viewer tolerates too.
    await new Promise((r) => setTimeout(r, 300));
    await consumer.resume();
    const log = await decoding;
    const stream = /Stream #0:0: Video: (\w+).*?, (\d+)x(\d+)/.exec(log);
    const done = [...log.matchAll(/frame=\s*(\d+)/g)].pop();
    return { codec: stream?.[1] ?? 'unknown', width: Number(stream?.[2]), height: Number(stream?.[3]), frames: Number(done?.[1] ?? 0) };
  } finally {
    transport.close();
    await rm(dir, { recursive: true, force: true });
  }
}
