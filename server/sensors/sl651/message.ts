import { plausibleValue, type SensorElement } from '../../../shared/schemas/sensor-element';
import { beijingBcdTime, bcdDigits } from './bcd';
import { dataDefinition, decodeNumber, ELEMENT_IDENTIFIERS, IDENTIFIER } from './elements';

/** The uplink messages a county's RTUs send on their own (SL 651-2014, 功能码). */
export const FUNCTION_CODES = {
  keepAlive: 0x2f, // 链路维持报
  test: 0x30, // 测试报
  uniformInterval: 0x31, // 均匀时段水文信息报
  timed: 0x32, // 遥测站定时报
  threshold: 0x33, // 遥测站加报报
  hourly: 0x34, // 遥测站小时报
} as const;

const REPORTS: ReadonlySet<number> = new Set([FUNCTION_CODES.test, FUNCTION_CODES.uniformInterval, FUNCTION_CODES.timed, FUNCTION_CODES.threshold, FUNCTION_CODES.hourly]);

export interface Sl651Reading {
  element: SensorElement;
  observedAt: number;
  /** Null when the station sent a fill value or a reading that cannot be real: stored as invalid. */
  value: number | null;
}

export interface Sl651Message {
  functionCode: number;
  /** 流水号: the RTU's serial number of this message, echoed by the confirmation. */
  serial: number;
  /** When the RTU sent it (its clock, UTC ms), null if the BCD time is not a real moment. */
  sentAt: number | null;
  /** The station category letter of the F1 element: P rain, H river, K reservoir, T tide… */
  stationCategory: string | null;
  readings: Sl651Reading[];
  /** Element identifiers present but not read here (hex), so an operator can see what a station sends. */
  unread: string[];
}

export type MessageDecoding = { ok: true; message: Sl651Message } | { ok: false; reason: string };

const FIVE_MINUTES = 5 * 60_000;

/** Decodes the text of an uplink message (all packets joined). */
export function decodeUplink(functionCode: number, body: Buffer): MessageDecoding {
  if (body.length < 8) return { ok: false, reason: 'text shorter than serial number and send time' };
  const serial = body.readUInt16BE(0);
  const sentAt = beijingBcdTime(body.subarray(2, 8));
  const message: Sl651Message = { functionCode, serial, sentAt, stationCategory: null, readings: [], unread: [] };
  if (!REPORTS.has(functionCode)) return { ok: true, message };

  const reader = new ElementReader(body, 8, message);
  const fault = reader.readAll();
  return fault ? { ok: false, reason: fault } : { ok: true, message };
}

class ElementReader {
  private observedAt: number | null = null;

  constructor(
    private readonly body: Buffer,
    private at: number,
    private readonly message: Sl651Message,
  ) {}

  /** Reads every element; returns why it stopped early, or null. */
  readAll(): string | null {
    while (this.at < this.body.length) {
      const identifier = this.body[this.at]!;
      const next = this.body[this.at + 1];
      if (next === undefined) return `element ${hex(identifier)} cut short`;
      const fault = this.readOne(identifier, next);
      if (fault === 'stop') return null;
      if (fault) return fault;
    }
    return null;
  }

  private readOne(identifier: number, definition: number): string | null | 'stop' {
    if (identifier === IDENTIFIER.stationAddress && definition === IDENTIFIER.stationAddress) {
      const category = this.take(2, 6);
      if (!category) return 'station address cut short';
      this.message.stationCategory = String.fromCharCode(category[5]!);
      return null;
    }
    if (identifier === IDENTIFIER.observationTime && definition === IDENTIFIER.observationTime) {
      const time = this.take(2, 5);
      if (!time) return 'observation time cut short';
      this.observedAt = beijingBcdTime(time);
      return this.observedAt === null ? `observation time ${time.toString('hex')} is not a date` : null;
    }
    if (identifier === IDENTIFIER.manualEntry || identifier === IDENTIFIER.picture || identifier === IDENTIFIER.flowSeries || identifier === 0xff) {
      // Free text, a picture, flow batches or a user-defined element: everything after it is theirs.
      this.message.unread.push(hex(identifier));
      return 'stop';
    }
    if (this.observedAt === null) return `element ${hex(identifier)} before an observation time`;
    if (identifier === IDENTIFIER.rain5MinSeries) return this.readRainSeries(this.observedAt);
    if (identifier >= IDENTIFIER.relativeLevel5MinFirst && identifier <= IDENTIFIER.relativeLevel5MinLast) {
      // Relative levels need the station's base level, which SL 651 keeps in its configuration, not here.
      if (!this.take(2, 24)) return 'relative level series cut short';
      this.message.unread.push(hex(identifier));
      return null;
    }
    if (identifier === IDENTIFIER.timeStep) return this.readUniformSeries(this.observedAt);
    const { size, decimals } = dataDefinition(definition);
    const bytes = this.take(2, size);
    if (!bytes || size === 0) return `element ${hex(identifier)} cut short`;
    this.push(identifier, this.observedAt, decodeNumber(bytes, decimals));
    return null;
  }

  /** F4: twelve 5-minute rainfalls (HEX, 0.1 mm, FF = none) for the hour ending at the observation time. */
  private readRainSeries(observedAt: number): string | null {
    const values = this.take(2, 12);
    if (!values) return '5-minute rainfall series cut short';
    values.forEach((raw, i) => {
      const observed = observedAt - (11 - i) * FIVE_MINUTES;
      this.pushElement('rain_5min', observed, raw === 0xff ? null : raw / 10);
    });
    return null;
  }

  /** 04 (time step, BCD day/hour/minute) then one element whose values repeat at that step until the end. */
  private readUniformSeries(observedAt: number): string | null {
    const step = this.take(2, 3);
    const digits = step ? bcdDigits(step) : null;
    if (!digits) return 'time step cut short or not BCD';
    const stepMs = ((Number(digits.slice(0, 2)) * 24 + Number(digits.slice(2, 4))) * 60 + Number(digits.slice(4, 6))) * 60_000;
    const identifier = this.body[this.at];
    const definition = this.body[this.at + 1];
    if (identifier === undefined || definition === undefined || stepMs === 0) return 'uniform series without an element';
    const { size, decimals } = dataDefinition(definition);
    this.at += 2;
    if (size === 0 || (this.body.length - this.at) % size !== 0) return 'uniform series values do not fill the text';
    for (let i = 0; this.at < this.body.length; i += 1) {
      this.push(identifier, observedAt + i * stepMs, decodeNumber(this.take(0, size)!, decimals));
    }
    return null;
  }

  private push(identifier: number, observedAt: number, value: number | null): void {
    const element = ELEMENT_IDENTIFIERS.get(identifier);
    if (!element) {
      if (!this.message.unread.includes(hex(identifier))) this.message.unread.push(hex(identifier));
      return;
    }
    this.pushElement(element, observedAt, value);
  }

  private pushElement(element: SensorElement, observedAt: number, value: number | null): void {
    this.message.readings.push({ element, observedAt, value: plausibleValue(element, value) });
  }

  /** Skips `skip` bytes, then returns the next `count` (or null if the text ends first). */
  private take(skip: number, count: number): Buffer | null {
    const from = this.at + skip;
    if (from + count > this.body.length) return null;
    this.at = from + count;
    return this.body.subarray(from, from + count);
  }
}

function hex(byte: number): string {
  return byte.toString(16).toUpperCase().padStart(2, '0');
}
