import { sl651Crc } from './crc';

/** Control characters of the HEX/BCD frame (SL 651-2014, section 6). */
export const CONTROL = {
  STX: 0x02, // text starts (single packet)
  SYN: 0x16, // text starts, one packet of several
  ETX: 0x03, // text ends, nothing follows
  ETB: 0x17, // text ends, more packets follow
  ENQ: 0x05, // enquiry
  EOT: 0x04, // transmission over, hang up
  ACK: 0x06, // positive acknowledgement, go on
  NAK: 0x15, // negative acknowledgement, send again
  ESC: 0x1b, // transmission over, stay online
} as const;

const END_CHARACTERS: ReadonlySet<number> = new Set([CONTROL.ETX, CONTROL.ETB, CONTROL.ENQ, CONTROL.EOT, CONTROL.ACK, CONTROL.NAK, CONTROL.ESC]);

/** 7E 7E, centre/station addresses (6), password (2), function (1), direction + length (2), STX or SYN (1). */
export const HEADER_LENGTH = 14;
/** End character (1) and CRC (2). */
const TRAILER_LENGTH = 3;
const MAX_BODY_LENGTH = 0xfff;
export const MAX_FRAME_LENGTH = HEADER_LENGTH + MAX_BODY_LENGTH + TRAILER_LENGTH;

export type Direction = 'up' | 'down';

export interface Sl651Frame {
  direction: Direction;
  /** The centre's address (1 to 255). */
  centre: number;
  /** The station's 5-byte address as 10 upper-case hex digits (BCD digits for hydrological stations). */
  station: string;
  /** The 2-byte password as 4 upper-case hex digits. */
  password: string;
  functionCode: number;
  /** Present on a SYN frame: packet `index` of `total` (both from 1). */
  packet?: { total: number; index: number };
  /** The text between the start character (and packet numbers) and the end character. */
  body: Buffer;
  end: number;
}

export type FrameFault = 'bad-header' | 'bad-length' | 'bad-end' | 'bad-crc';

export type FrameDecoding = { ok: true; frame: Sl651Frame } | { ok: false; fault: FrameFault };

/** The total length the frame starting at `offset` declares, or null until its header has arrived. */
export function declaredLength(buffer: Buffer, offset: number): number | null {
  if (buffer.length - offset < HEADER_LENGTH) return null;
  return HEADER_LENGTH + (((buffer[offset + 11]! & 0x0f) << 8) | buffer[offset + 12]!) + TRAILER_LENGTH;
}

/** Decodes exactly one frame: `bytes` starts at 7E 7E and ends with the CRC. */
export function decodeFrame(bytes: Buffer): FrameDecoding {
  if (bytes.length < HEADER_LENGTH + TRAILER_LENGTH || bytes[0] !== 0x7e || bytes[1] !== 0x7e) return { ok: false, fault: 'bad-header' };
  const directionNibble = bytes[11]! >> 4;
  const start = bytes[13]!;
  if ((directionNibble !== 0 && directionNibble !== 8) || (start !== CONTROL.STX && start !== CONTROL.SYN)) return { ok: false, fault: 'bad-header' };
  if (declaredLength(bytes, 0) !== bytes.length) return { ok: false, fault: 'bad-length' };
  const endIndex = bytes.length - TRAILER_LENGTH;
  const end = bytes[endIndex]!;
  if (!END_CHARACTERS.has(end)) return { ok: false, fault: 'bad-end' };
  if (sl651Crc(bytes, 0, endIndex + 1) !== bytes.readUInt16BE(endIndex + 1)) return { ok: false, fault: 'bad-crc' };

  const direction: Direction = directionNibble === 0 ? 'up' : 'down';
  // Upstream the centre's address comes first, downstream the station's.
  const centreAt = direction === 'up' ? 2 : 7;
  const stationAt = direction === 'up' ? 3 : 2;
  let text = bytes.subarray(HEADER_LENGTH, endIndex);
  let packet: Sl651Frame['packet'];
  if (start === CONTROL.SYN) {
    if (text.length < 3) return { ok: false, fault: 'bad-length' };
    const numbers = text.readUIntBE(0, 3);
    packet = { total: numbers >> 12, index: numbers & 0xfff };
    if (packet.total === 0 || packet.index === 0 || packet.index > packet.total) return { ok: false, fault: 'bad-header' };
    text = text.subarray(3);
  }
  return {
    ok: true,
    frame: {
      direction,
      centre: bytes[centreAt]!,
      station: bytes.subarray(stationAt, stationAt + 5).toString('hex').toUpperCase(),
      password: bytes.subarray(8, 10).toString('hex').toUpperCase(),
      functionCode: bytes[10]!,
      ...(packet ? { packet } : {}),
      body: Buffer.from(text),
      end,
    },
  };
}

/** What `encodeFrame` writes: the fields a decoded frame has. */
export type FrameToEncode = Sl651Frame;

export function encodeFrame(frame: FrameToEncode): Buffer {
  const packetBytes = frame.packet ? Buffer.alloc(3) : Buffer.alloc(0);
  if (frame.packet) packetBytes.writeUIntBE((frame.packet.total << 12) | frame.packet.index, 0, 3);
  const textLength = packetBytes.length + frame.body.length;
  if (textLength > MAX_BODY_LENGTH) throw new RangeError(`an SL 651 frame holds at most ${MAX_BODY_LENGTH} bytes of text`);
  const station = Buffer.from(frame.station, 'hex');
  const password = Buffer.from(frame.password, 'hex');
  if (station.length !== 5 || password.length !== 2) throw new RangeError('station address is 5 bytes, password 2');
  const centre = Buffer.from([frame.centre]);
  const addresses = frame.direction === 'up' ? [centre, station] : [station, centre];
  const lengthField = ((frame.direction === 'up' ? 0 : 0x8) << 12) | textLength;
  const head = Buffer.concat([
    Buffer.from([0x7e, 0x7e]),
    ...addresses,
    password,
    Buffer.from([frame.functionCode, lengthField >> 8, lengthField & 0xff, frame.packet ? CONTROL.SYN : CONTROL.STX]),
    packetBytes,
    frame.body,
    Buffer.from([frame.end]),
  ]);
  const crc = Buffer.alloc(2);
  crc.writeUInt16BE(sl651Crc(head));
  return Buffer.concat([head, crc]);
}
