/**
 * The clock pattern a publisher draws and a viewer reads back: Date.now() as 44 bits and a CRC-16 of it,
 * on a 16 × 9 grid of 40-pixel cells. Each bit is a pair of cells, white|black for 1 and black|white for
 * 0, so a bit only counts when its two cells clearly differ (a smeared or half-decoded frame cannot pass
 * for a wrong time); the 12 pairs left over are a fixed guard pattern every frame must also show.
 */
export const WIDTH = 640;
export const HEIGHT = 360;
const CELL = 40;
const COLS = WIDTH / CELL;
const PAIRS = (COLS * (HEIGHT / CELL)) / 2;
const TIME_BITS = 44;
const CRC_BITS = 16;
const DATA_PAIRS = TIME_BITS + CRC_BITS;
/** Two cells of a pair must differ by this much in luma (0–255) to be read. */
const MIN_CONTRAST = 96;

export type Decoded = { ok: true; time: number } | { ok: false; reason: 'contrast' | 'guard' | 'checksum' };

/** CRC-16/CCITT-FALSE over the time as 6 big-endian bytes. */
function crc16(time: number): number {
  let crc = 0xffff;
  for (let i = 5; i >= 0; i--) {
    crc ^= (Math.floor(time / 2 ** (8 * i)) % 256) << 8;
    for (let b = 0; b < 8; b++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc;
}

/** The bit each pair carries: time bits (most significant first), then the CRC, then the guard pattern. */
function pairBits(time: number): boolean[] {
  const bits: boolean[] = [];
  for (let i = TIME_BITS - 1; i >= 0; i--) bits.push(Math.floor(time / 2 ** i) % 2 === 1);
  const crc = crc16(time);
  for (let i = CRC_BITS - 1; i >= 0; i--) bits.push(((crc >> i) & 1) === 1);
  for (let p = DATA_PAIRS; p < PAIRS; p++) bits.push(p % 2 === 0);
  return bits;
}

const cellOrigin = (cell: number) => ({ x: (cell % COLS) * CELL, y: Math.floor(cell / COLS) * CELL });

export function drawPattern(ctx: CanvasRenderingContext2D, time: number): void {
  ctx.fillStyle = '#000';
  ctx.fillRect(0, 0, WIDTH, HEIGHT);
  ctx.fillStyle = '#fff';
  pairBits(time).forEach((bit, pair) => {
    const { x, y } = cellOrigin(2 * pair + (bit ? 0 : 1));
    ctx.fillRect(x, y, CELL, CELL);
  });
}

/** Mean luma of a cell's middle, away from the block edges where compression smears. */
function cellLuma(rgba: Uint8ClampedArray, cell: number): number {
  const { x, y } = cellOrigin(cell);
  let sum = 0;
  for (const dy of [12, 20, 28]) {
    for (const dx of [12, 20, 28]) {
      const i = ((y + dy) * WIDTH + x + dx) * 4;
      sum += (rgba[i]! * 2 + rgba[i + 1]! * 5 + rgba[i + 2]!) / 8;
    }
  }
  return sum / 9;
}

/** Reads the pattern from WIDTH × HEIGHT RGBA pixels. */
export function decodePattern(rgba: Uint8ClampedArray): Decoded {
  const expected = pairBits(0);
  const bits: boolean[] = [];
  for (let pair = 0; pair < PAIRS; pair++) {
    const difference = cellLuma(rgba, 2 * pair) - cellLuma(rgba, 2 * pair + 1);
    if (Math.abs(difference) < MIN_CONTRAST) return { ok: false, reason: 'contrast' };
    const bit = difference > 0;
    if (pair >= DATA_PAIRS && bit !== expected[pair]) return { ok: false, reason: 'guard' };
    bits.push(bit);
  }
  let time = 0;
  for (let i = 0; i < TIME_BITS; i++) time = time * 2 + (bits[i] ? 1 : 0);
  let crc = 0;
  for (let i = TIME_BITS; i < DATA_PAIRS; i++) crc = (crc << 1) | (bits[i] ? 1 : 0);
  return crc === crc16(time) ? { ok: true, time } : { ok: false, reason: 'checksum' };
}
