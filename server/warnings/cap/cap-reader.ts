import type { CapAlert, CapArea, CapInfo } from '../../../shared/schemas/cap-alert';
import { outlineFor, parseCircle, parsePolygon } from './cap-areas';
import { capRejected, type CapProblem } from './cap-problems';

/** What an alert says, before the store gives it an id and a state. */
export type ParsedCap = Omit<CapAlert, 'id' | 'state' | 'replacedById' | 'source' | 'receivedAt'>;

const NAMESPACES: Record<string, '1.1' | '1.2'> = {
  'urn:oasis:names:tc:emergency:cap:1.1': '1.1',
  'urn:oasis:names:tc:emergency:cap:1.2': '1.2',
};
const STATUSES = ['Actual', 'Exercise', 'System', 'Test', 'Draft'] as const;
const MSG_TYPES = ['Alert', 'Update', 'Cancel', 'Ack', 'Error'] as const;
/** CAP dateTime: seconds, and an offset (`Z` is not CAP but is accepted on input: some senders write it). */
const CAP_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?([+-]\d{2}:\d{2}|Z)$/;

type Node = Record<string, unknown>;
const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** The text of an element: a plain string, or `#text` when it carries attributes; '' when empty or absent. */
function text(node: Node, key: string): string {
  const value = node[key];
  if (typeof value === 'string') return value.trim();
  if (isNode(value) && typeof value['#text'] === 'string') return value['#text'].trim();
  return '';
}

class Reader {
  readonly problems: CapProblem[] = [];

  required(node: Node, key: string, path: string): string {
    const value = text(node, key);
    if (!value) this.problems.push({ path: `${path}/${key}`, message: `<${key}> is required.` });
    return value;
  }

  oneOf<T extends string>(node: Node, key: string, path: string, allowed: readonly T[], fallback: T): T {
    const value = this.required(node, key, path);
    if (!value) return fallback;
    if ((allowed as readonly string[]).includes(value)) return value as T;
    this.problems.push({ path: `${path}/${key}`, message: `"${value.slice(0, 40)}" is not one of ${allowed.join(', ')}.` });
    return fallback;
  }

  instant(node: Node, key: string, path: string, required: boolean): string | null {
    const value = required ? this.required(node, key, path) : text(node, key);
    if (!value) return null;
    const at = Date.parse(value);
    if (!CAP_DATE_TIME.test(value) || Number.isNaN(at)) {
      this.problems.push({ path: `${path}/${key}`, message: `"${value.slice(0, 40)}" is not a date and time with its offset (2024-07-12T21:31:38+08:00).` });
      return null;
    }
    return new Date(at).toISOString();
  }

  pairs(node: Node, key: string, path: string): Array<{ valueName: string; value: string }> {
    return list(node[key]).flatMap((item, i) => {
      if (!isNode(item)) {
        this.problems.push({ path: `${path}/${key}[${i}]`, message: `<${key}> needs <valueName> and <value>.` });
        return [];
      }
      const valueName = this.required(item, 'valueName', `${path}/${key}[${i}]`);
      return valueName ? [{ valueName, value: text(item, 'value') }] : [];
    });
  }

  area(node: unknown, path: string): CapArea | null {
    if (!isNode(node)) {
      this.problems.push({ path, message: '<area> needs an <areaDesc>.' });
      return null;
    }
    const description = this.required(node, 'areaDesc', path);
    const polygons = list(node.polygon)
      .map((p, i) => parsePolygon(typeof p === 'string' ? p : '', `${path}/polygon[${i}]`, this.problems))
      .filter((ring) => ring !== null);
    const circles = list(node.circle).flatMap((c, i) => parseCircle(typeof c === 'string' ? c : '', `${path}/circle[${i}]`, this.problems) ?? []);
    const geocodes = this.pairs(node, 'geocode', path);
    const shaped = polygons.length > 0 || circles.length > 0;
    return { description, polygons, circles, geocodes, ...(shaped ? { drawnFrom: 'alert' as const, outlineOf: null } : outlineFor(description, geocodes)) };
  }

  info(node: unknown, path: string): CapInfo | null {
    if (!isNode(node)) {
      this.problems.push({ path, message: '<info> is empty.' });
      return null;
    }
    const category = list(node.category).map((c) => (typeof c === 'string' ? c.trim() : '')).filter(Boolean);
    if (category.length === 0) this.problems.push({ path: `${path}/category`, message: '<category> is required.' });
    return {
      language: text(node, 'language') || 'en-US',
      category,
      event: this.required(node, 'event', path),
      urgency: this.required(node, 'urgency', path),
      severity: this.required(node, 'severity', path),
      certainty: this.required(node, 'certainty', path),
      eventCodes: this.pairs(node, 'eventCode', path),
      parameters: this.pairs(node, 'parameter', path),
      effective: this.instant(node, 'effective', path, false),
      onset: this.instant(node, 'onset', path, false),
      expires: this.instant(node, 'expires', path, false),
      senderName: text(node, 'senderName'),
      headline: text(node, 'headline'),
      description: text(node, 'description'),
      instruction: text(node, 'instruction'),
      web: text(node, 'web'),
      areas: list(node.area).flatMap((a, i) => this.area(a, `${path}/area[${i}]`) ?? []),
    };
  }
}

/**
 * `references`: space-separated `sender,identifier,sent` triples. Matching uses sender + identifier only:
 * Chinese bureaus write the *new* alert's time as the third part (see the Baoding fixture), so `sent` is no key.
 */
export function parseReferences(value: string): Array<{ sender: string; identifier: string }> {
  return value
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .flatMap((triple) => {
      const [sender = '', identifier = ''] = triple.split(',');
      return sender && identifier ? [{ sender, identifier }] : [];
    });
}

/** A parsed XML tree to an alert, or VALIDATION_FAILED listing every problem found. */
export function readCapAlert({ tree, namespace }: { tree: Record<string, unknown>; namespace: string | null }): ParsedCap {
  const rootNames = Object.keys(tree).filter((k) => !k.startsWith('?') && !k.startsWith('#'));
  const alert = tree.alert;
  if (rootNames.length !== 1 || !isNode(alert)) throw capRejected([{ path: rootNames[0] ?? '', message: `Not a CAP alert: the root element is <${rootNames[0] ?? 'none'}>, not <alert>.` }]);
  const capVersion = namespace ? NAMESPACES[namespace] : undefined;
  if (!capVersion) throw capRejected([{ path: 'alert', message: 'Not a CAP alert: <alert> is not in the CAP 1.1 or 1.2 namespace (urn:oasis:names:tc:emergency:cap:1.2).' }]);
  const r = new Reader();
  const sent = r.instant(alert, 'sent', 'alert', true);
  const parsed: ParsedCap = {
    capVersion,
    identifier: r.required(alert, 'identifier', 'alert'),
    sender: r.required(alert, 'sender', 'alert'),
    sent: sent ?? new Date(0).toISOString(),
    status: r.oneOf(alert, 'status', 'alert', STATUSES, 'Actual'),
    msgType: r.oneOf(alert, 'msgType', 'alert', MSG_TYPES, 'Alert'),
    scope: r.required(alert, 'scope', 'alert'),
    references: parseReferences(text(alert, 'references')),
    infos: list(alert.info).flatMap((info, i) => r.info(info, `alert/info[${i}]`) ?? []),
  };
  if (/[\s,<&]/.test(parsed.identifier)) r.problems.push({ path: 'alert/identifier', message: 'The identifier may not contain spaces, commas, < or &.' });
  if ((parsed.msgType === 'Update' || parsed.msgType === 'Cancel') && parsed.references.length === 0) {
    r.problems.push({ path: 'alert/references', message: `An ${parsed.msgType} must name the alert it replaces in <references> (sender,identifier,sent).` });
  }
  if (r.problems.length > 0) throw capRejected(r.problems);
  return parsed;
}
