import { CONTROL, encodeFrame, type Sl651Frame } from './frame';
import { FUNCTION_CODES } from './message';

/**
 * The RTU's work mode (工作模式): M1 reports and expects nothing; M2 expects the centre to confirm each report or
 * it sends it again; M3 sends several packets and expects a confirmation once the message is complete; M4 only
 * answers the centre's queries, which the centre does not confirm.
 */
export type WorkMode = 'M1' | 'M2' | 'M3' | 'M4';

const CONFIRMED_REPORTS: ReadonlySet<number> = new Set([
  FUNCTION_CODES.test,
  FUNCTION_CODES.uniformInterval,
  FUNCTION_CODES.timed,
  FUNCTION_CODES.threshold,
  FUNCTION_CODES.hourly,
]);

/** Whether the centre must answer this frame so the RTU does not resend it. */
export function needsConfirmation(mode: WorkMode, frame: Sl651Frame): boolean {
  if (mode !== 'M2' && mode !== 'M3') return false;
  if (frame.direction !== 'up' || !CONFIRMED_REPORTS.has(frame.functionCode)) return false;
  // A multi-packet message is confirmed once, after its last packet (ETX); ETB says more follow.
  return frame.end === CONTROL.ETX;
}

/**
 * The confirmation (downstream) frame: same function code, station, centre and password, the message's serial
 * number and send time echoed, ended with ESC so the RTU keeps the connection for its next report.
 * `firstPacketBody` is the text of the message's first packet (it holds the serial number and send time).
 */
export function confirmationFrame(frame: Sl651Frame, firstPacketBody: Buffer, end: number = CONTROL.ESC): Buffer {
  return encodeFrame({
    direction: 'down',
    centre: frame.centre,
    station: frame.station,
    password: frame.password,
    functionCode: frame.functionCode,
    body: Buffer.from(firstPacketBody.subarray(0, 8)),
    end,
  });
}
