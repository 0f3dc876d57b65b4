import path from 'node:path';
import { RTMP_APP } from '../../../shared/schemas/camera';
import type { IngestCodec } from './codec-choice';

/** Where ffmpeg sends RTP: a PlainTransport's ports on loopback, with the producer's payload type and SSRC. */
export interface RtpTarget {
  port: number;
  rtcpPort: number;
  payloadType: number;
  ssrc: number;
}

const COMMON = ['-hide_banner', '-nostdin', '-loglevel', 'warning'];
const VIDEO_ONLY = ['-map', '0:v:0', '-an', '-sn', '-dn'];

/**
 * VP8 for WebRTC: realtime speed, a keyframe every second so a new viewer (whose keyframe requests do not
 * reach ffmpeg) waits at most a second, no alt-ref frames, at most 720p and 1.5 Mbit/s.
 */
export const VP8_ENCODE = [
  '-vf', "scale=-2:'min(720,ih)'", '-pix_fmt', 'yuv420p',
  '-c:v', 'libvpx', '-deadline', 'realtime', '-cpu-used', '8', '-threads', '2',
  '-b:v', '1500k', '-maxrate', '1500k', '-bufsize', '3000k', '-qmin', '4', '-qmax', '50',
  '-force_key_frames', 'expr:gte(t,n_forced*1)', '-auto-alt-ref', '0', '-lag-in-frames', '0', '-error-resilient', '1',
];

/** As it came, with the parameter sets repeated before each keyframe: some cameras send them only in the SDP. */
export const H264_COPY = ['-c:v', 'copy', '-bsf:v', 'dump_extra=freq=keyframe'];

export function rtpOutput(target: RtpTarget): string[] {
  return ['-f', 'rtp', '-payload_type', String(target.payloadType), '-ssrc', String(target.ssrc), `rtp://127.0.0.1:${target.port}?rtcpport=${target.rtcpPort}&pkt_size=1200`];
}

const encodeFor = (codec: IngestCodec) => (codec.name === 'H264' ? H264_COPY : VP8_ENCODE);

/** ffprobe's and ffmpeg's options for pulling an RTSP source: over TCP, giving up when it stalls for 5 s. */
export const RTSP_INPUT = ['-rtsp_transport', 'tcp', '-timeout', '5000000', '-analyzeduration', '1000000'];

/** Pulls a camera; the URL is one argument, never seen by a shell. */
export function rtspPullArgs(url: string, codec: IngestCodec, target: RtpTarget): string[] {
  return [...COMMON, ...RTSP_INPUT, '-i', url, ...VIDEO_ONLY, ...encodeFor(codec), ...rtpOutput(target)];
}

/** Waits for one RTMP push to rtmp://<listenIp>:<port>/live/<streamKey>; ffmpeg exits when the push ends. */
export function rtmpListenArgs(listenIp: string, port: number, streamKey: string, target: RtpTarget): string[] {
  return [...COMMON, '-analyzeduration', '1000000', '-listen', '1', '-i', `rtmp://${listenIp}:${port}/${RTMP_APP}/${streamKey}`, ...VIDEO_ONLY, ...VP8_ENCODE, ...rtpOutput(target)];
}

export function ffprobeArgs(url: string): string[] {
  return ['-v', 'error', ...RTSP_INPUT, '-select_streams', 'v:0', '-show_entries', 'stream=codec_name,profile,width,height,has_b_frames', '-of', 'json', url];
}

/** ffprobe from the same installation as FFMPEG_PATH. */
export function ffprobeBeside(ffmpegPath: string): string {
  const name = path.basename(ffmpegPath).replace(/ffmpeg/i, 'ffprobe');
  return ffmpegPath.includes(path.sep) ? path.join(path.dirname(ffmpegPath), name) : name;
}
