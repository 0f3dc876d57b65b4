import type { BellStage } from './alarmBell';

let ctx: AudioContext | null = null;

interface Tone {
  offset: number;
  freq: number;
}

/** The normal stage is two short tones; the loud stage is four higher, harsher, near full-volume tones. */
const PATTERNS: Record<BellStage, { wave: OscillatorType; peak: number; tones: Tone[] }> = {
  normal: { wave: 'square', peak: 0.25, tones: [{ offset: 0, freq: 880 }, { offset: 0.28, freq: 660 }] },
  loud: {
    wave: 'sawtooth',
    peak: 0.9,
    tones: [
      { offset: 0, freq: 1320 },
      { offset: 0.25, freq: 990 },
      { offset: 0.5, freq: 1320 },
      { offset: 0.75, freq: 990 },
    ],
  },
};

/** Tones generated with WebAudio, so no audio file has to be served or cached. */
export async function beep(stage: BellStage = 'normal'): Promise<void> {
  if (typeof AudioContext === 'undefined') return;
  ctx ??= new AudioContext();
  // Autoplay policy may suspend it on the desk until a click; the wall kiosk allows it outright.
  if (ctx.state === 'suspended') await ctx.resume().catch(() => {});
  if (ctx.state !== 'running') return;
  const pattern = PATTERNS[stage];
  const start = ctx.currentTime + 0.02;
  for (const { offset, freq } of pattern.tones) {
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.type = pattern.wave;
    osc.frequency.value = freq;
    const t0 = start + offset;
    gain.gain.setValueAtTime(0.0001, t0);
    gain.gain.exponentialRampToValueAtTime(pattern.peak, t0 + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, t0 + 0.22);
    osc.connect(gain).connect(ctx.destination);
    osc.start(t0);
    osc.stop(t0 + 0.24);
    // Disconnect when done so nodes do not pile up over days on the wall.
    osc.onended = () => {
      osc.disconnect();
      gain.disconnect();
    };
  }
}

/** Call from a user gesture (desk) so later alarms can sound. */
export function unlockAudio(): void {
  if (typeof AudioContext === 'undefined') return;
  ctx ??= new AudioContext();
  if (ctx.state === 'suspended') void ctx.resume().catch(() => {});
}
