import { describe, expect, it } from 'vitest';
import { ROUTER_CODECS } from '../media-workers';
import { PASSTHROUGH_PROFILES, chooseCodec, type ProbedVideo } from './codec-choice';

const h264 = (profile: string | null, hasBFrames = false): ProbedVideo => ({ codec: 'h264', profile, width: 1920, height: 1080, hasBFrames });

describe('choosing between H.264 passthrough and a VP8 transcode', () => {
  it('passes through the profiles Chromium decodes, as the matching router profile', () => {
    expect(chooseCodec(h264('Constrained Baseline'), 'h264_passthrough')).toEqual({ name: 'H264', profileLevelId: '42e01f' });
    expect(chooseCodec(h264('Baseline'), 'h264_passthrough')).toEqual({ name: 'H264', profileLevelId: '42001f' });
    expect(chooseCodec(h264('Main'), 'h264_passthrough')).toEqual({ name: 'H264', profileLevelId: '4d001f' });
  });

  it('transcodes High and other profiles a browser cannot decode', () => {
    for (const profile of ['High', 'High 10', 'High 4:2:2', 'Extended', null]) expect(chooseCodec(h264(profile), 'h264_passthrough')).toEqual({ name: 'VP8' });
  });

  it('transcodes other codecs, streams with B-frames, and cameras set to always transcode', () => {
    expect(chooseCodec({ codec: 'hevc', profile: 'Main', width: 1920, height: 1080, hasBFrames: false }, 'h264_passthrough')).toEqual({ name: 'VP8' });
    expect(chooseCodec({ codec: 'mjpeg', profile: null, width: 640, height: 480, hasBFrames: false }, 'h264_passthrough')).toEqual({ name: 'VP8' });
    expect(chooseCodec(h264('Main', true), 'h264_passthrough')).toEqual({ name: 'VP8' });
    expect(chooseCodec(h264('Constrained Baseline'), 'vp8')).toEqual({ name: 'VP8' });
  });

  it('only passes through profiles the router routes', () => {
    const routed = ROUTER_CODECS.filter((c) => c.mimeType === 'video/H264').map((c) => c.parameters['profile-level-id']);
    expect(routed).toEqual(expect.arrayContaining(Object.values(PASSTHROUGH_PROFILES)));
  });
});
