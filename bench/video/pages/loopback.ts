import { MAX_BITRATE, clockTrack, meteredVideo } from './clock-video';
import type { FrameMeter } from './frame-meter';

/**
 * The baseline: the same clock canvas through two RTCPeerConnections in one page (encode, loopback
 * network, decode) with no relay between them, in VP8 at the same bitrate cap as the relay path.
 */
export async function loopbackClock(): Promise<FrameMeter> {
  const sender = new RTCPeerConnection();
  const receiver = new RTCPeerConnection();
  sender.onicecandidate = ({ candidate }) => candidate && void receiver.addIceCandidate(candidate);
  receiver.onicecandidate = ({ candidate }) => candidate && void sender.addIceCandidate(candidate);
  const received = new Promise<MediaStreamTrack>((resolve) => (receiver.ontrack = ({ track }) => resolve(track)));

  const transceiver = sender.addTransceiver(clockTrack(), { direction: 'sendonly', sendEncodings: [{ maxBitrate: MAX_BITRATE }] });
  const codecs = RTCRtpSender.getCapabilities('video')?.codecs ?? [];
  transceiver.setCodecPreferences([...codecs.filter((c) => c.mimeType === 'video/VP8'), ...codecs.filter((c) => c.mimeType !== 'video/VP8')]);

  await sender.setLocalDescription(await sender.createOffer());
  await receiver.setRemoteDescription(sender.localDescription!);
  await receiver.setLocalDescription(await receiver.createAnswer());
  await sender.setRemoteDescription(receiver.localDescription!);
  return meteredVideo(await received).meter;
}
