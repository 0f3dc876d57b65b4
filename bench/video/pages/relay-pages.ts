import { Device, type types } from 'mediasoup-client';
import { MAX_BITRATE, clockTrack, meteredVideo } from './clock-video';
import type { FrameMeter } from './frame-meter';
import { Signaling } from './signaling';

/*
 * The two ends of the relay path, through Tidewatch's own signaling: a field tablet publishing the clock
 * canvas as its camera, and a wall screen consuming that camera.
 */

async function joinedDevice(signaling: Signaling): Promise<Device> {
  const { routerRtpCapabilities } = await signaling.request('video:join', {});
  const device = new Device();
  await device.load({ routerRtpCapabilities: routerRtpCapabilities as types.RtpCapabilities });
  return device;
}

function connectOnDemand(transport: types.Transport, signaling: Signaling): void {
  transport.on('connect', ({ dtlsParameters }, done, fail) => {
    signaling.request('video:transport_connect', { transportId: transport.id, dtlsParameters: dtlsParameters as never }).then(() => done(), fail);
  });
}

/** Publishes the clock canvas as the field user's camera; returns the camera id the server filed it under. */
export async function publishClock(token: string): Promise<{ cameraId: string }> {
  const signaling = await Signaling.connect(token);
  const device = await joinedDevice(signaling);
  const options = await signaling.request('video:transport_create', { direction: 'send' });
  const transport = device.createSendTransport(options as unknown as types.TransportOptions);
  connectOnDemand(transport, signaling);
  let cameraId = '';
  transport.on('produce', ({ rtpParameters }, done, fail) => {
    signaling.request('video:produce', { transportId: transport.id, kind: 'video', rtpParameters: rtpParameters as never }).then((produced) => {
      cameraId = produced.cameraId;
      done({ id: produced.producerId });
    }, fail);
  });
  await transport.produce({ track: clockTrack(), encodings: [{ maxBitrate: MAX_BITRATE }] });
  return { cameraId };
}

/** Consumes the camera and resumes it, as the wall does; the meter reads every frame that arrives. */
export async function viewCamera(token: string, cameraId: string): Promise<FrameMeter> {
  const signaling = await Signaling.connect(token);
  const device = await joinedDevice(signaling);
  const options = await signaling.request('video:transport_create', { direction: 'recv' });
  const transport = device.createRecvTransport(options as unknown as types.TransportOptions);
  connectOnDemand(transport, signaling);
  const consumed = await signaling.request('video:consume', { transportId: transport.id, cameraId, rtpCapabilities: device.rtpCapabilities as never });
  const consumer = await transport.consume({
    id: consumed.consumerId,
    producerId: consumed.producerId,
    kind: consumed.kind,
    rtpParameters: consumed.rtpParameters as unknown as types.RtpParameters,
  });
  const { meter } = meteredVideo(consumer.track);
  await signaling.request('video:consumer_pause', { consumerId: consumed.consumerId, paused: false });
  return meter;
}
