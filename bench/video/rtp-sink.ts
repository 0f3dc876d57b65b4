import dgram from 'node:dgram';

const RECEIVE_BUFFER_BYTES = 1 << 20;

/** RTCP packet types (200–207) sit where RTP has marker bit + payload type; sender reports are not media. */
const isRtcp = (packet: Buffer) => packet[1]! >= 200 && packet[1]! <= 207;
/** mediasoup's bandwidth probation packets (padding on SSRC 1234, payload type 127) are not media either. */
const isProbation = (packet: Buffer) => (packet[1]! & 0x7f) === 127 && packet.readUInt32BE(8) === 1234;

/** A UDP port a PlainTransport consumer sends to: counts the RTP packets and bytes that arrive. */
export class RtpSink {
  packets = 0;
  bytes = 0;

  private constructor(
    private readonly socket: dgram.Socket,
    readonly port: number,
  ) {
    socket.on('message', (packet) => {
      if (packet.length < 12 || isRtcp(packet) || isProbation(packet)) return;
      this.packets++;
      this.bytes += packet.length;
    });
  }

  static open(): Promise<RtpSink> {
    const socket = dgram.createSocket({ type: 'udp4', recvBufferSize: RECEIVE_BUFFER_BYTES });
    return new Promise((resolve, reject) => {
      socket.once('error', reject);
      socket.bind(0, '127.0.0.1', () => {
        socket.off('error', reject);
        resolve(new RtpSink(socket, socket.address().port));
      });
    });
  }

  close(): void {
    this.socket.close();
  }
}

export interface SinkCounts {
  packets: number[];
  bytes: number[];
}
export type SinkMessage = { kind: 'ready'; ports: number[] } | ({ kind: 'counts' } & SinkCounts);
