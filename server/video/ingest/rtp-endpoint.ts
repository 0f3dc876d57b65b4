import { randomInt } from 'node:crypto';
import type { types as ms } from 'mediasoup';
import type { IngestCodec } from './codec-choice';
import type { RtpTarget } from './ffmpeg-args';

const PAYLOAD_TYPE = { VP8: 101, H264: 102 } as const;

/** Where one ingest attempt's RTP enters the relay: a PlainTransport on loopback and the camera's producer. */
export interface RtpEndpoint {
  producer: ms.Producer;
  target: RtpTarget;
  /** Closes the transport, and with it the producer (the room then drops the feed). */
  close(): void;
}

function codecParameters(codec: IngestCodec, payloadType: number): ms.RtpCodecParameters {
  if (codec.name === 'VP8') return { mimeType: 'video/VP8', payloadType, clockRate: 90_000 };
  return { mimeType: 'video/H264', payloadType, clockRate: 90_000, parameters: { 'packetization-mode': 1, 'profile-level-id': codec.profileLevelId } };
}

/**
 * ffmpeg sends RTP and RTCP to two ports; comedia learns its address from the first packet, so the
 * transport needs no connect(). The producer expects exactly ffmpeg's payload type and SSRC.
 */
export async function openRtpEndpoint(router: ms.Router, codec: IngestCodec, cameraId: string): Promise<RtpEndpoint> {
  const transport = await router.createPlainTransport({ listenIp: '127.0.0.1', rtcpMux: false, comedia: true, appData: { cameraId } });
  try {
    const target: RtpTarget = {
      port: transport.tuple.localPort,
      rtcpPort: transport.rtcpTuple!.localPort,
      payloadType: PAYLOAD_TYPE[codec.name],
      // ffmpeg takes the SSRC as a signed 32-bit option.
      ssrc: randomInt(1, 2 ** 31 - 1),
    };
    const producer = await transport.produce({
      kind: 'video',
      rtpParameters: { codecs: [codecParameters(codec, target.payloadType)], encodings: [{ ssrc: target.ssrc }] },
      appData: { cameraId },
    });
    return { producer, target, close: () => transport.close() };
  } catch (error) {
    transport.close();
    throw error;
  }
}

/** Bytes of RTP the producer has received so far; 0 once it is closed. */
export async function receivedBytes(producer: ms.Producer): Promise<number> {
  if (producer.closed) return 0;
  const stats = await producer.getStats().catch(() => []);
  return stats.reduce((sum, s) => sum + s.byteCount, 0);
}
