export { sl651Crc } from './crc';
export { beijingBcdTime, beijingBcdBytes, toBcd } from './bcd';
export { CONTROL, decodeFrame, encodeFrame, MAX_FRAME_LENGTH, type Sl651Frame, type FrameToEncode, type FrameFault } from './frame';
export { FrameSplitter, type SplitterFault } from './splitter';
export { PacketAssembler } from './packet-assembler';
export { decodeUplink, FUNCTION_CODES, type Sl651Message, type Sl651Reading } from './message';
export { ELEMENT_IDENTIFIERS } from './elements';
export { confirmationFrame, needsConfirmation, type WorkMode } from './confirm';
