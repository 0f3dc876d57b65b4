let ctx: AudioContext | null = null;

/** Two short tones generated with WebAudio, so no audio file has to be served or cached. */
export async function beep(): Promise<void> {
  if (typeof AudioContext === 'undefined') return;
  ctx ??= new AudioContext();
  // Autoplay policy may suspend it on the desk until a click; the wall kiosk allows it outright.
  if (ctx.state === 'suspended') await ctx.resume().catch(() => {});
  if (ctx.state !== 'running') return;
  const start = ctx.currentTime + 0.02;
  for (const [offset, freq] of [
    [0, 880],
    [0.28, 660],
  ] as const) {
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.type = 'square';
    osc.frequency.value = freq;
    const t0 = start + offset;
    gain.gain.setValueAtTime(0.0001, t0);
    gain.gain.exponentialRampToValueAtTime(0.25, t0 + 0.02);
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
