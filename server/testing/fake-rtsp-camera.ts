/**
 * A fake IP camera for tests: an RTSP server that serves an ffmpeg test pattern (libx264 in a chosen
 * profile) to any number of clients, RTP interleaved in the RTSP TCP connection as `-rtsp_transport tcp`
 * asks. ffmpeg cannot do this itself (`-rtsp_flags listen` only receives), hence this helper. The encoder
 * sends RTP to a local UDP socket here; every playing client gets a copy of each packet.
 *
 *   const camera = await FakeRtspCamera.start({ profile: 'baseline' });
 *   camera.url;              // rtsp://127.0.0.1:<port>/stream
 *   await camera.stop();     // the source dies: connections drop, the port refuses
 *   await camera.start();    // and comes back on the same port
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import dgram from 'node:dgram';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { answerRtsp, parseRtspRequests, type RtspSession } from './fake-rtsp-protocol';

export interface FakeCameraOptions {
  /** libx264 profile: `baseline` comes out as Constrained Baseline, `main` and `high` as named. */
  profile: 'baseline' | 'main' | 'high';
  size?: `${number}x${number}`;
  fps?: number;
  /** A lavfi filter applied to the test pattern, e.g. `noise=alls=12:allf=t` for a costlier, camera-like picture. */
  filter?: string;
  /** Fixed port; default a free one, kept across stop()/start(). */
  port?: number;
  /** Require HTTP Basic credentials in the URL, as most IP cameras do. */
  credentials?: { user: string; password: string };
  ffmpegPath?: string;
}

const STREAM_PATH = '/stream';
const SDP_WAIT_MS = 10_000;

export class FakeRtspCamera {
  private server: net.Server | null = null;
  private encoder: ChildProcess | null = null;
  private udp: dgram.Socket[] = [];
  private readonly sessions = new Set<RtspSession>();
  private sdp = '';
  private port: number;

  private constructor(private readonly options: FakeCameraOptions) {
    this.port = options.port ?? 0;
  }

  static async start(options: FakeCameraOptions): Promise<FakeRtspCamera> {
    const camera = new FakeRtspCamera(options);
    await camera.start();
    return camera;
  }

  /** The URL a client pulls, with the credentials when the camera requires them. */
  get url(): string {
    const { credentials } = this.options;
    const auth = credentials ? `${encodeURIComponent(credentials.user)}:${encodeURIComponent(credentials.password)}@` : '';
    return `rtsp://${auth}127.0.0.1:${this.port}${STREAM_PATH}`;
  }

  /** Clients currently receiving the stream. */
  get playingClients(): number {
    return [...this.sessions].filter((s) => s.playing).length;
  }

  async start(): Promise<void> {
    if (this.server) return;
    this.sdp = await this.startEncoder();
    const server = net.createServer((socket) => this.serve(socket));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.address() as net.AddressInfo).port;
    this.server = server;
  }

  /** Drops every client, stops the encoder and closes the port, as a camera losing power would. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    for (const session of this.sessions) session.socket.destroy();
    this.sessions.clear();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
    for (const socket of this.udp) socket.close();
    this.udp = [];
    const encoder = this.encoder;
    this.encoder = null;
    if (encoder && encoder.exitCode === null && encoder.signalCode === null) {
      const exited = new Promise((resolve) => encoder.once('exit', resolve));
      encoder.kill('SIGKILL');
      await exited;
    }
  }

  private serve(socket: net.Socket): void {
    const session: RtspSession = { socket, id: randomBytes(6).toString('hex'), playing: false };
    this.sessions.add(session);
    let pending: Buffer = Buffer.alloc(0);
    socket.on('data', (chunk) => {
      const parsed = parseRtspRequests(Buffer.concat([pending, chunk]));
      pending = parsed.rest;
      for (const request of parsed.requests) {
        const answer = answerRtsp(request, session, { path: STREAM_PATH, sdp: this.sdp, credentials: this.options.credentials });
        socket.write(answer);
      }
    });
    socket.on('error', () => socket.destroy());
    socket.on('close', () => this.sessions.delete(session));
  }

  /** Runs the encoder into two local UDP sockets (RTP, RTCP) and returns its SDP. */
  private async startEncoder(): Promise<string> {
    const { profile, size = '640x360', fps = 25, filter, ffmpegPath = process.env.FFMPEG_PATH ?? 'ffmpeg' } = this.options;
    const [rtp, rtcp] = await Promise.all([bindUdp(), bindUdp()]);
    this.udp = [rtp, rtcp];
    rtp.on('message', (packet) => this.broadcast(0, packet));
    rtcp.on('message', (packet) => this.broadcast(1, packet));

    const dir = await mkdtemp(path.join(os.tmpdir(), 'fake-camera-'));
    const sdpFile = path.join(dir, 'stream.sdp');
    // A real camera's stream: parameter sets both in the SDP and before every keyframe, a keyframe a second, no B-frames.
    const args = [
      '-hide_banner', '-loglevel', 'error', '-nostdin', '-re',
      '-f', 'lavfi', '-i', `testsrc=size=${size}:rate=${fps}${filter ? `,${filter}` : ''}`,
      '-c:v', 'libx264', '-profile:v', profile, '-preset', 'veryfast', '-tune', 'zerolatency', '-g', String(fps), '-pix_fmt', 'yuv420p',
      '-flags', '+global_header', '-bsf:v', 'dump_extra=freq=keyframe',
      '-an', '-f', 'rtp', '-payload_type', '96', '-sdp_file', sdpFile,
      `rtp://127.0.0.1:${rtp.address().port}?rtcpport=${rtcp.address().port}&pkt_size=1200`,
    ];
    const encoder = spawn(ffmpegPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    this.encoder = encoder;
    let errors = '';
    encoder.stderr!.on('data', (chunk: Buffer) => (errors = (errors + chunk.toString()).slice(-2000)));
    try {
      const deadline = Date.now() + SDP_WAIT_MS;
      for (;;) {
        const sdp = await readFile(sdpFile, 'utf8').catch(() => '');
        if (sdp.includes('a=fmtp')) return sdp;
        if (encoder.exitCode !== null || Date.now() > deadline) throw new Error(`the fake camera's encoder did not start: ${errors}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  private broadcast(channel: number, packet: Buffer): void {
    const header = Buffer.from([0x24, channel, packet.length >> 8, packet.length & 0xff]);
    for (const session of this.sessions) {
      // A client that stopped reading would grow this without bound: drop packets for it instead.
      if (session.playing && session.socket.writableLength < 1_000_000) session.socket.write(Buffer.concat([header, packet]));
    }
  }
}

function bindUdp(): Promise<dgram.Socket> {
  return new Promise((resolve, reject) => {
    const socket = dgram.createSocket('udp4');
    socket.once('error', reject);
    socket.bind(0, '127.0.0.1', () => resolve(socket));
  });
}
