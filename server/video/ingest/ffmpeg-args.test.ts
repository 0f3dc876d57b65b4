import { describe, expect, it } from 'vitest';
import { ffprobeArgs, ffprobeBeside, rtmpListenArgs, rtspPullArgs, type RtpTarget } from './ffmpeg-args';
import { maskSecrets, maskUrlCredentials } from './secrets';

const target: RtpTarget = { port: 40_010, rtcpPort: 40_011, payloadType: 102, ssrc: 1234 };
const hostileUrl = 'rtsp://admin:p@ss word;rm -rf /@10.0.0.7:554/Streaming/Channels/102';

describe('ffmpeg command lines for an ingest', () => {
  it('gives the camera URL to ffmpeg and ffprobe as one argument, pulled over TCP', () => {
    const pull = rtspPullArgs(hostileUrl, { name: 'VP8' }, target);
    expect(pull[pull.indexOf('-i') + 1]).toBe(hostileUrl);
    expect(ffprobeArgs(hostileUrl).at(-1)).toBe(hostileUrl);
    for (const args of [pull, ffprobeArgs(hostileUrl)]) expect(args[args.indexOf('-rtsp_transport') + 1]).toBe('tcp');
  });

  it("sends RTP with the producer's payload type and SSRC to the transport's two ports", () => {
    const args = rtspPullArgs('rtsp://10.0.0.7/live', { name: 'H264', profileLevelId: '42e01f' }, target);
    expect(args.slice(-7)).toEqual(['-f', 'rtp', '-payload_type', '102', '-ssrc', '1234', 'rtp://127.0.0.1:40010?rtcpport=40011&pkt_size=1200']);
    expect(args).toContain('copy');
    expect(args).not.toContain('libvpx');
  });

  it('transcodes to VP8 with a keyframe every second, at most 720 lines', () => {
    const args = rtspPullArgs('rtsp://10.0.0.7/live', { name: 'VP8' }, target);
    expect(args[args.indexOf('-c:v') + 1]).toBe('libvpx');
    expect(args[args.indexOf('-force_key_frames') + 1]).toBe('expr:gte(t,n_forced*1)');
    expect(args[args.indexOf('-vf') + 1]).toBe("scale=-2:'min(720,ih)'");
  });

  it('listens for an RTMP push on the camera port and stream key', () => {
    const args = rtmpListenArgs('0.0.0.0', 19_350, 'k3y_abcdefgh', target);
    expect(args.slice(args.indexOf('-listen'), args.indexOf('-i') + 2)).toEqual(['-listen', '1', '-i', 'rtmp://0.0.0.0:19350/live/k3y_abcdefgh']);
  });

  it('finds ffprobe beside the configured ffmpeg', () => {
    expect(ffprobeBeside('ffmpeg')).toBe('ffprobe');
    expect(ffprobeBeside('/opt/ffmpeg-6/bin/ffmpeg')).toBe('/opt/ffmpeg-6/bin/ffprobe');
  });
});

describe('keeping camera secrets out of logs', () => {
  it('masks the user and password of a camera URL, wherever it appears in a message', () => {
    expect(maskUrlCredentials(`${hostileUrl.replace(' word;rm -rf /', 'w0rd')}: Connection refused`)).toBe('rtsp://admin:***@10.0.0.7:554/Streaming/Channels/102: Connection refused');
    expect(maskUrlCredentials('[tcp] rtsp://admin:Se%40cret@cam.local/ch1 and rtsp://cam2.local/ch1')).toBe('[tcp] rtsp://admin:***@cam.local/ch1 and rtsp://cam2.local/ch1');
    expect(maskUrlCredentials('rtsp://10.0.0.7/user=admin_password=tlJwpbo6_channel=1: 401 Unauthorized')).toBe('rtsp://10.0.0.7/user=admin_password=***_channel=1: 401 Unauthorized');
    expect(maskUrlCredentials('rtsp://admin:pa/ss@cam.local: Connection refused')).toBe('rtsp://admin:***@cam.local: Connection refused');
  });

  it('masks a stream key', () => {
    expect(maskSecrets('rtmp://0.0.0.0:19350/live/k3y_abcdefgh: Broken pipe', ['k3y_abcdefgh'])).toBe('rtmp://0.0.0.0:19350/live/***: Broken pipe');
  });
});
