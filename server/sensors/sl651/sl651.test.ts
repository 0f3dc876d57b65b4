import { describe, expect, it } from 'vitest';
import { beijingBcdBytes, beijingBcdTime } from './bcd';
import { confirmationFrame, needsConfirmation } from './confirm';
import { CONTROL, decodeFrame, encodeFrame, type Sl651Frame } from './frame';
import { decodeUplink, type Sl651Reading } from './message';
import { PacketAssembler } from './packet-assembler';
import { frameBytes, PUBLIC_FRAMES } from './public-frames';

// Fixture sources are named in ./public-frames.ts (novrain/SL-0x028B tests, the toymoban article, yuxiaoyao).

function decoded(hexFrame: string): Sl651Frame {
  const result = decodeFrame(frameBytes(hexFrame));
  if (!result.ok) throw new Error(`fixture did not decode: ${result.fault}`);
  return result.frame;
}

function readings(hexFrame: string): Sl651Reading[] {
  const frame = decoded(hexFrame);
  const message = decodeUplink(frame.functionCode, frame.body);
  if (!message.ok) throw new Error(message.reason);
  return message.message.readings;
}

const beijing = (iso: string) => Date.parse(`${iso}+08:00`);

describe('SL 651 frames published by others', () => {
  it('checks every fixture CRC and rejects a frame with one byte changed', () => {
    for (const hexFrame of Object.values(PUBLIC_FRAMES)) expect(decodeFrame(frameBytes(hexFrame)).ok).toBe(true);
    const bytes = frameBytes(PUBLIC_FRAMES.testReport);
    bytes[30] = bytes[30]! ^ 0x01;
    expect(decodeFrame(bytes)).toEqual({ ok: false, fault: 'bad-crc' });
  });

  it('reads the header of a keep-alive (centre first upstream) and of a confirmation (station first downstream)', () => {
    expect(decoded(PUBLIC_FRAMES.keepAlive)).toMatchObject({ direction: 'up', centre: 1, station: '0012345678', password: '1234', functionCode: 0x2f, end: CONTROL.ETX });
    expect(decoded(PUBLIC_FRAMES.timedReportConfirmation)).toMatchObject({ direction: 'down', centre: 5, station: '0011223344', password: '03E8', functionCode: 0x32, end: CONTROL.ESC });
    const keepAlive = decodeUplink(0x2f, decoded(PUBLIC_FRAMES.keepAliveWith7E).body);
    expect(keepAlive).toMatchObject({ ok: true, message: { serial: 0x7e08, sentAt: beijing('2022-10-11T10:07:47'), readings: [] } });
  });

  it('reads the test report as the article lists it, observation time from Beijing time to UTC', () => {
    const at = beijing('2059-10-11T15:49');
    expect(new Date(at).toISOString()).toBe('2059-10-11T07:49:00.000Z');
    expect(readings(PUBLIC_FRAMES.testReport)).toEqual([
      { element: 'rain_current', observedAt: at, value: 0.5 },
      { element: 'rain_total', observedAt: at, value: 0.5 },
      { element: 'level', observedAt: at, value: 0.127 },
      { element: 'voltage', observedAt: at, value: 11.15 },
    ]);
  });

  it('reads the timed report: 4 mm, 10.49 m, 10.99 V', () => {
    const values = Object.fromEntries(readings(PUBLIC_FRAMES.timedReport).map((r) => [r.element, r.value]));
    expect(values).toEqual({ rain_current: 4, rain_total: 4, level: 10.49, voltage: 10.99 });
    expect(readings(PUBLIC_FRAMES.timedReport)[0]!.observedAt).toBe(beijing('2017-07-18T11:00'));
  });

  it('spreads a uniform-interval report over its time step; FFFFFFFF samples are invalid, not numbers', () => {
    const series = readings(PUBLIC_FRAMES.uniformReport);
    expect(series).toHaveLength(12);
    expect(series.every((r) => r.element === 'level')).toBe(true);
    expect(series.map((r) => r.observedAt)).toEqual(Array.from({ length: 12 }, (_, i) => beijing('2017-07-18T10:05') + i * 300_000));
    expect(series.map((r) => r.value)).toEqual([0.122, 0.122, 0.285, 10.49, 10.49, null, null, null, null, null, 10.49, 10.49]);
  });

  it('reads an hourly report: twelve 5-minute rainfalls ending at the observation time, level and voltage', () => {
    const hourly = readings(PUBLIC_FRAMES.hourlyRiver);
    const fiveMinute = hourly.filter((r) => r.element === 'rain_5min');
    expect(fiveMinute.map((r) => r.observedAt)).toEqual(Array.from({ length: 12 }, (_, i) => beijing('2014-06-12T01:05') + i * 300_000));
    expect(hourly.find((r) => r.element === 'level')?.value).toBe(27.3);
    expect(hourly.find((r) => r.element === 'voltage')?.value).toBe(12.9);
    const frame = decoded(PUBLIC_FRAMES.hourlyRiver);
    const message = decodeUplink(frame.functionCode, frame.body);
    expect(message.ok && message.message.stationCategory).toBe('H');
    expect(message.ok && message.message.unread).toEqual(['F5']);
  });

  it('reads a threshold report (加报): total 2.0 mm, 1 h 1.0 mm', () => {
    const values = Object.fromEntries(readings(PUBLIC_FRAMES.thresholdRain).filter((r) => r.element !== 'rain_5min').map((r) => [r.element, r.value]));
    expect(values).toEqual({ rain_total: 2, rain_current: 1, rain_1h: 1, voltage: 12.09 });
  });

  it('answers reports with the same confirmation frames the public samples show', () => {
    for (const [report, confirmation] of [
      [PUBLIC_FRAMES.testReport, PUBLIC_FRAMES.testReportConfirmation],
      [PUBLIC_FRAMES.timedReport, PUBLIC_FRAMES.timedReportConfirmation],
      [PUBLIC_FRAMES.uniformReport, PUBLIC_FRAMES.uniformReportConfirmation],
    ] as const) {
      const frame = decoded(report);
      expect(confirmationFrame(frame, frame.body).toString('hex').toUpperCase()).toBe(confirmation);
    }
    // This sample's centre stamped its own clock instead of echoing the send time; all else must match.
    const hourly = decoded(PUBLIC_FRAMES.hourlyRain);
    const ours = decoded(confirmationFrame(hourly, hourly.body, CONTROL.EOT).toString('hex'));
    const theirs = decoded(PUBLIC_FRAMES.hourlyConfirmationEot);
    expect({ ...ours, body: ours.body.subarray(0, 2) }).toEqual({ ...theirs, body: theirs.body.subarray(0, 2) });
  });

  it('re-encodes every decoded fixture byte for byte', () => {
    for (const hexFrame of Object.values(PUBLIC_FRAMES)) {
      const frame = decoded(hexFrame);
      expect(encodeFrame(frame).toString('hex').toUpperCase()).toBe(hexFrame.toUpperCase());
    }
  });
});

describe('work modes', () => {
  it('confirms reports in M2 and M3 only, never a keep-alive, and a multi-packet message after its last packet', () => {
    const report = decoded(PUBLIC_FRAMES.timedReport);
    expect(['M1', 'M2', 'M3', 'M4'].map((mode) => needsConfirmation(mode as 'M1', report))).toEqual([false, true, true, false]);
    expect(needsConfirmation('M2', decoded(PUBLIC_FRAMES.keepAlive))).toBe(false);
    expect(needsConfirmation('M3', { ...report, packet: { total: 2, index: 1 }, end: CONTROL.ETB })).toBe(false);
  });
});

describe('values that are not readings', () => {
  const station = '0012345678';
  const observed = beijingBcdBytes(Date.parse('2026-09-14T06:00:00Z'), 5);
  const report = (elements: string) =>
    encodeFrame({
      direction: 'up',
      centre: 1,
      station,
      password: '1234',
      functionCode: 0x32,
      body: Buffer.concat([Buffer.from('0007', 'hex'), beijingBcdBytes(Date.parse('2026-09-14T06:00:05Z'), 6), Buffer.from(`F1F1${station}48F0F0`, 'hex'), observed, Buffer.from(elements, 'hex')]),
      end: CONTROL.ETX,
    });

  it('stores AA and FF fill values and impossible readings as invalid, and reads FF-signed negatives', () => {
    const frame = decodeFrame(report('3923AAAAAAAA' + '2619FFFFFF' + '381299' + '99' + '3A23FF000150' + '3B2300012345'));
    expect(frame.ok).toBe(true);
    if (!frame.ok) return;
    const message = decodeUplink(frame.frame.functionCode, frame.frame.body);
    expect(message.ok && message.message.readings.map((r) => [r.element, r.value])).toEqual([
      ['level', null],
      ['rain_total', null],
      ['voltage', null], // 99.99 V: no battery gives that
      ['level_downstream', -0.15],
      ['level_upstream', 12.345],
    ]);
  });

  it('refuses an observation time that is no date, and an element cut short', () => {
    const badTime = report('');
    const raw = decodeFrame(badTime);
    if (!raw.ok) throw new Error('encoder made a bad frame');
    const body = Buffer.from(raw.frame.body);
    body.set(Buffer.from('2613320000', 'hex'), body.length - 5); // 13th month
    expect(decodeUplink(0x32, body)).toMatchObject({ ok: false });
    const cut = decodeFrame(report('392300'));
    expect(cut.ok && decodeUplink(0x32, cut.frame.body)).toMatchObject({ ok: false });
  });

  it('converts BCD Beijing time both ways and rejects 30 February', () => {
    const at = Date.parse('2026-07-31T23:30:00Z');
    expect(beijingBcdBytes(at, 6).toString('hex')).toBe('260801073000');
    expect(beijingBcdTime(beijingBcdBytes(at, 6))).toBe(at);
    expect(beijingBcdTime(Buffer.from('2602301200', 'hex'))).toBeNull();
  });
});

describe('multi-packet messages', () => {
  it('joins SYN packets that arrive out of order and twice, once all are in', () => {
    const whole = decoded(PUBLIC_FRAMES.timedReport);
    const halves = [whole.body.subarray(0, 20), whole.body.subarray(20)];
    const packets = halves.map((body, i) => decoded(encodeFrame({ ...whole, packet: { total: 2, index: i + 1 }, body, end: i === 1 ? CONTROL.ETX : CONTROL.ETB }).toString('hex')));
    const assembler = new PacketAssembler(() => 0);
    expect(assembler.add(packets[1]!)).toBeNull();
    expect(assembler.add(packets[1]!)).toBeNull();
    const joined = assembler.add(packets[0]!);
    expect(joined?.body.equals(whole.body)).toBe(true);
    expect(assembler.missing()).toEqual([]);
  });

  it('drops a message left incomplete too long', () => {
    let now = 0;
    const assembler = new PacketAssembler(() => now, 60_000);
    const whole = decoded(PUBLIC_FRAMES.timedReport);
    const first = decoded(encodeFrame({ ...whole, packet: { total: 2, index: 1 }, body: whole.body.subarray(0, 20), end: CONTROL.ETB }).toString('hex'));
    assembler.add(first);
    expect(assembler.missing()).toEqual([{ key: '0011223344:50', missing: [2] }]);
    now = 120_000;
    assembler.add({ ...first, station: '0099999999' });
    expect(assembler.abandoned).toBe(1);
  });
});
