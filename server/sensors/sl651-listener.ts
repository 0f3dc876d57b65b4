import net from 'node:net';
import type { IngestStatus } from '../../shared/schemas/sensor-reading';
import type { Station } from '../../shared/schemas/station';
import type { Logger } from '../logger';
import { confirmationFrame, decodeUplink, FrameSplitter, FUNCTION_CODES, needsConfirmation, PacketAssembler, type Sl651Frame } from './sl651';
import type { SensorIngest } from './sensor-ingest';

/** An RTU silent this long (it keeps the link with 2F keep-alives, typically every 40 s to a few minutes) is hung up on. */
const IDLE_MS = 15 * 60_000;
const MAX_UNKNOWN = 200;

export interface Sl651ListenerOptions {
  port: number;
  host: string;
  stationByAddress: (address: string) => Station | undefined;
  ingest: SensorIngest;
  logger: Logger;
  clock: () => number;
}

type Status = IngestStatus['sl651'];

/**
 * The SL 651-2014 centre (中心站) over TCP, HEX/BCD frames. Each connection has its own splitter, so a corrupt
 * frame is counted and skipped while the good ones around it go through; frames are handled in order, and a
 * report is confirmed (in work modes M2 and M3) only once its readings are stored.
 */
export class Sl651Listener {
  private readonly server: net.Server;
  private readonly sockets = new Set<net.Socket>();
  private readonly counts = { frames: 0, confirmations: 0, corruptFrames: 0, garbageBytes: 0 };
  private readonly unknown = new Map<string, { address: string; frames: number; lastAt: number }>();

  constructor(private readonly options: Sl651ListenerOptions) {
    this.server = net.createServer((socket) => this.connection(socket));
    this.server.maxConnections = 10_000;
  }

  listen(): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.options.port, this.options.host, () => {
        this.server.off('error', reject);
        const address = this.server.address();
        resolve(typeof address === 'object' && address ? address.port : this.options.port);
      });
    });
  }

  status(port: number | null): Status {
    return {
      enabled: true,
      port,
      connections: this.sockets.size,
      ...this.counts,
      unknownStations: [...this.unknown.values()].map((u) => ({ ...u })),
    };
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private connection(socket: net.Socket): void {
    this.sockets.add(socket);
    const splitter = new FrameSplitter();
    const assembler = new PacketAssembler(this.options.clock);
    let chain = Promise.resolve();
    let counted = { faults: 0, garbage: 0 };
    const settleCounts = () => {
      this.counts.corruptFrames += splitter.faultCount - counted.faults;
      this.counts.garbageBytes += splitter.garbageBytes - counted.garbage;
      counted = { faults: splitter.faultCount, garbage: splitter.garbageBytes };
    };
    socket.setTimeout(IDLE_MS, () => socket.destroy());
    socket.on('data', (chunk) => {
      const frames = splitter.push(chunk);
      settleCounts();
      for (const frame of frames) {
        chain = chain
          .then(() => this.frame(frame, assembler, socket))
          .catch((error: unknown) => this.options.logger.error({ err: error, station: frame.station }, 'SL 651 frame not handled'));
      }
    });
    socket.on('error', () => socket.destroy());
    socket.on('close', () => {
      splitter.finish();
      settleCounts();
      this.sockets.delete(socket);
    });
  }

  private async frame(frame: Sl651Frame, assembler: PacketAssembler, socket: net.Socket): Promise<void> {
    this.counts.frames += 1;
    if (frame.direction !== 'up') return;
    const station = this.options.stationByAddress(frame.station);
    if (!station?.sl651 || station.sl651.password !== frame.password) {
      this.noteUnknown(station ? `${frame.station} (wrong password)` : frame.station);
      return;
    }
    const message = assembler.add(frame);
    if (!message) return; // more packets to come
    if (frame.functionCode === FUNCTION_CODES.keepAlive) {
      await this.options.ingest.accept(station.id, 'sl651', []);
      return;
    }
    const decoded = decodeUplink(frame.functionCode, message.body);
    if (!decoded.ok) {
      this.counts.corruptFrames += 1;
      this.options.logger.warn({ station: station.code, reason: decoded.reason }, 'SL 651 message not understood');
      return;
    }
    try {
      await this.options.ingest.accept(station.id, 'sl651', decoded.message.readings);
    } catch {
      return; // not stored: no confirmation, the RTU sends it again
    }
    if (needsConfirmation(station.sl651.workMode, frame) && !socket.destroyed) {
      socket.write(confirmationFrame(frame, message.first));
      this.counts.confirmations += 1;
    }
  }

  private noteUnknown(address: string): void {
    const entry = this.unknown.get(address);
    if (entry) {
      entry.frames += 1;
      entry.lastAt = this.options.clock();
    } else if (this.unknown.size < MAX_UNKNOWN) {
      this.unknown.set(address, { address, frames: 1, lastAt: this.options.clock() });
    }
  }
}
