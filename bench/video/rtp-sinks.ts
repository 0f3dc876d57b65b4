import { fork, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { killOnExit } from './cleanup';
import type { SinkCounts, SinkMessage } from './rtp-sink';

const REPLY_TIMEOUT_MS = 15_000;

/**
 * The RTP sinks, in a process of their own (sink-process.ts) so that reading tens of thousands of
 * datagrams a second neither slows this process's control of the workers nor hides in its CPU figure.
 */
export class RtpSinks {
  private constructor(
    private readonly child: ChildProcess,
    readonly ports: number[],
  ) {}

  static start(count: number): Promise<RtpSinks> {
    const child = fork(fileURLToPath(new URL('./sink-process.ts', import.meta.url)), [String(count)], { execArgv: ['--import', 'tsx'] });
    killOnExit(child);
    return reply(child, 'ready').then((m) => new RtpSinks(child, m.ports));
  }

  get pid(): number {
    return this.child.pid!;
  }

  async counts(): Promise<SinkCounts> {
    const answer = reply(this.child, 'counts');
    this.child.send({ kind: 'count' });
    return answer;
  }

  stop(): void {
    this.child.kill('SIGTERM');
  }
}

function reply<K extends SinkMessage['kind']>(child: ChildProcess, kind: K): Promise<Extract<SinkMessage, { kind: K }>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => done(new Error(`the RTP sink process sent no '${kind}' within ${REPLY_TIMEOUT_MS} ms`)), REPLY_TIMEOUT_MS);
    const onMessage = (m: SinkMessage) => m.kind === kind && done(null, m as Extract<SinkMessage, { kind: K }>);
    const onExit = (code: number | null) => done(new Error(`the RTP sink process exited (${code})`));
    function done(error: Error | null, message?: Extract<SinkMessage, { kind: K }>) {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      if (error) reject(error);
      else resolve(message!);
    }
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

/** Datagrams the kernel dropped so far because a socket's receive buffer was full, by local UDP port. */
export async function udpDropsByPort(): Promise<Map<number, number>> {
  const drops = new Map<number, number>();
  for (const line of (await readFile('/proc/net/udp', 'utf8')).split('\n').slice(1)) {
    const fields = line.trim().split(/\s+/);
    const port = Number.parseInt(fields[1]?.split(':')[1] ?? '', 16);
    if (Number.isFinite(port) && fields[12] !== undefined) drops.set(port, (drops.get(port) ?? 0) + Number(fields[12]));
  }
  return drops;
}
