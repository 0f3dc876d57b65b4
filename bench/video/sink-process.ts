import { RtpSink, type SinkMessage } from './rtp-sink';

/** Child process: opens N RTP sinks, reports their ports, answers 'count' with what each received. */
const count = Number(process.argv[2]);
const send = (message: SinkMessage) => process.send!(message);

const sinks = await Promise.all(Array.from({ length: count }, () => RtpSink.open()));
process.on('message', (m: { kind: string }) => {
  if (m.kind === 'count') send({ kind: 'counts', packets: sinks.map((s) => s.packets), bytes: sinks.map((s) => s.bytes) });
});
process.on('disconnect', () => process.exit(0));
send({ kind: 'ready', ports: sinks.map((s) => s.port) });
