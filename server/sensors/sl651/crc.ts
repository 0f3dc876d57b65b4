/**
 * The SL 651-2014 check: CRC-16 with the reflected polynomial 0xA001 (x^16 + x^15 + x^2 + 1) and an initial value
 * of 0xFFFF over every byte from the first 7E to the end character. Unlike Modbus, the frame carries the result
 * high byte first.
 */
const TABLE = buildTable();

function buildTable(): Uint16Array {
  const table = new Uint16Array(256);
  for (let n = 0; n < 256; n += 1) {
    let value = n;
    for (let bit = 0; bit < 8; bit += 1) value = value & 1 ? (value >>> 1) ^ 0xa001 : value >>> 1;
    table[n] = value;
  }
  return table;
}

export function sl651Crc(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let crc = 0xffff;
  for (let i = start; i < end; i += 1) crc = (crc >>> 8) ^ TABLE[(crc ^ bytes[i]!) & 0xff]!;
  return crc;
}
