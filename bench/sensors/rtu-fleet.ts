import net from 'node:net';
import { beijingBcdBytes, encodeFrame } from '../../server/sensors/sl651';

/**
 * SL 651 RTUs over TCP: each keeps one connection, sends a timed report (32) with level, total rain and voltage,
 * and counts the centre's confirmations (the stations are registered in work mode M2).
 */
export class RtuFleet {
  private readonly sockets: net.Socket[] = [];
  confirmations = 0;
  /** Per RTU index: when its last report was written. */
  readonly sentAt = new Map<number, number>();
  readingsSent = 0;

  constructor(
    private readonly port: number,
    readonly addresses: string[],
  ) {}

  async connect(): Promise<void> {
    for (const _ of this.addresses) {
      const socket = net.connect(this.port, '127.0.0.1');
      socket.on('data', (chunk) => (this.confirmations += countFrames(chunk)));
      socket.on('error', () => undefined);
      await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
      this.sockets.push(socket);
    }
  }

  send(index: number, serial: number): void {
    const now = Date.now();
    const observed = Math.floor(now / 60_000) * 60_000;
    const level = (1000 + ((index * 37 + serial * 11) % 900)).toString().padStart(8, '0');
    const body = Buffer.concat([
      Buffer.from([serial >> 8, serial & 0xff]),
      beijingBcdBytes(now, 6),
      Buffer.from(`F1F1${this.addresses[index]}48F0F0`, 'hex'),
      beijingBcdBytes(observed, 5),
      Buffer.from(`2619${String(serial % 1000).padStart(6, '0')}3923${level}38121250`, 'hex'),
    ]);
    this.sockets[index]!.write(encodeFrame({ direction: 'up', centre: 1, station: this.addresses[index]!, password: '1234', functionCode: 0x32, body, end: 0x03 }));
    this.sentAt.set(index, now);
    this.readingsSent += 3;
  }

  close(): void {
    for (const socket of this.sockets) socket.destroy();
  }
}

/** Confirmations are 25 bytes each and arrive whole on loopback. */
const countFrames = (chunk: Buffer) => Math.round(chunk.length / 25);
