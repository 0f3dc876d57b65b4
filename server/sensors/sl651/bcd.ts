/** Packed BCD as SL 651 uses it: two decimal digits a byte, most significant first. */

/** The digits of `bytes`, or null when a nibble is not a decimal digit (a fill byte such as AA or FF). */
export function bcdDigits(bytes: Uint8Array): string | null {
  let digits = '';
  for (const byte of bytes) {
    const high = byte >> 4;
    const low = byte & 0x0f;
    if (high > 9 || low > 9) return null;
    digits += `${high}${low}`;
  }
  return digits;
}

export function toBcd(value: number, byteCount: number): Buffer {
  const digits = String(Math.trunc(value)).padStart(byteCount * 2, '0');
  if (digits.length > byteCount * 2 || value < 0) throw new RangeError(`${value} does not fit ${byteCount} BCD bytes`);
  const out = Buffer.alloc(byteCount);
  for (let i = 0; i < byteCount; i += 1) out[i] = (Number(digits[i * 2]) << 4) | Number(digits[i * 2 + 1]);
  return out;
}

const BEIJING_OFFSET_MS = 8 * 3_600_000;

/**
 * A BCD date-time in Beijing time (yyMMddHHmm[ss], as the RTU's clock shows it) as UTC epoch milliseconds, or null
 * when it is not a real moment (a fill value, month 13, 30 February).
 */
export function beijingBcdTime(bytes: Uint8Array): number | null {
  const digits = bcdDigits(bytes);
  if (digits === null || (digits.length !== 10 && digits.length !== 12)) return null;
  const [year, month, day, hour, minute, second = 0] = (digits.match(/\d\d/g) ?? []).map(Number) as number[];
  if (year === undefined || month === undefined || day === undefined || hour === undefined || minute === undefined) return null;
  const utc = Date.UTC(2000 + year, month - 1, day, hour, minute, second);
  const check = new Date(utc);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) return null;
  return utc - BEIJING_OFFSET_MS;
}

/** Epoch milliseconds as Beijing-time BCD, yyMMddHHmmss (6 bytes) or yyMMddHHmm (5 bytes). */
export function beijingBcdBytes(epochMs: number, byteCount: 5 | 6): Buffer {
  const t = new Date(epochMs + BEIJING_OFFSET_MS);
  const parts = [t.getUTCFullYear() % 100, t.getUTCMonth() + 1, t.getUTCDate(), t.getUTCHours(), t.getUTCMinutes(), t.getUTCSeconds()];
  return Buffer.concat(parts.slice(0, byteCount).map((part) => toBcd(part, 1)));
}
