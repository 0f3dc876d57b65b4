import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { capRejected } from './cap-problems';

/** A CAP alert is a few kilobytes; a megabyte leaves room for long polygons. */
export const MAX_CAP_BYTES = 1024 * 1024;

/** Elements that may repeat in CAP 1.1/1.2; everything else is read as a single value. */
const REPEATED = new Set(['info', 'area', 'polygon', 'circle', 'geocode', 'eventCode', 'parameter', 'category', 'responseType', 'resource', 'code']);

const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * The parser's own entity handling is off (no DOCTYPE, no expansion); the five predefined XML entities and
 * character references are the only ones XML needs without a DTD, so they are decoded here.
 */
export function decodeXmlText(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-z]{2,4});/g, (whole, ref: string) => {
    if (ref.startsWith('#x')) return safeCodePoint(parseInt(ref.slice(2), 16)) ?? whole;
    if (ref.startsWith('#')) return safeCodePoint(parseInt(ref.slice(1), 10)) ?? whole;
    return PREDEFINED[ref] ?? whole;
  });
}

function safeCodePoint(code: number): string | null {
  return Number.isInteger(code) && code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : null;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  maxNestedTags: 20,
  isArray: (name) => REPEATED.has(name),
  tagValueProcessor: (_name, value) => decodeXmlText(String(value)),
  attributeValueProcessor: (_name, value) => decodeXmlText(String(value)),
});

/** The namespace of the document's root element (the parser drops namespace declarations). */
function rootNamespace(text: string): string | null {
  const body = text.replace(/<\?[\s\S]*?\?>/g, '').replace(/<!--[\s\S]*?-->/g, '');
  const root = /<([A-Za-z_][\w.-]*:)?[A-Za-z_][\w.-]*((?:\s[^>]*)?)\/?>/.exec(body);
  if (!root) return null;
  const prefix = root[1] ? `:${root[1].slice(0, -1)}` : '';
  const declaration = new RegExp(`\\sxmlns${prefix.replace('.', '\\.')}\\s*=\\s*(["'])(.*?)\\1`).exec(root[2] ?? '');
  return declaration ? (declaration[2] ?? null) : null;
}

/**
 * XML bytes to a plain tree and its root's namespace, refusing what a CAP alert never needs before any parsing: more than
 * MAX_CAP_BYTES, text that is not UTF-8, and a DOCTYPE (the entity-expansion attacks all start there).
 */
export function readCapXml(bytes: Uint8Array): { tree: Record<string, unknown>; namespace: string | null } {
  if (bytes.byteLength === 0) throw capRejected([{ path: '', message: 'The body is empty: send the CAP XML file itself.' }]);
  if (bytes.byteLength > MAX_CAP_BYTES) throw capRejected([{ path: '', message: `The file is ${bytes.byteLength} bytes; a CAP alert may be at most ${MAX_CAP_BYTES} bytes.` }]);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw capRejected([{ path: '', message: 'The file is not UTF-8 text.' }]);
  }
  if (text.startsWith('\uFEFF')) text = text.slice(1);
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) throw capRejected([{ path: '', message: 'DOCTYPE and entity declarations are not accepted in a CAP alert.' }]);
  const valid = XMLValidator.validate(text, { allowBooleanAttributes: false });
  if (valid !== true) throw capRejected([{ path: `line ${valid.err.line}, column ${valid.err.col}`, message: `Not well-formed XML: ${valid.err.msg}` }]);
  try {
    return { tree: parser.parse(text) as Record<string, unknown>, namespace: rootNamespace(text) };
  } catch (err) {
    throw capRejected([{ path: '', message: `The XML could not be read: ${err instanceof Error ? err.message : 'unknown error'}` }]);
  }
}
