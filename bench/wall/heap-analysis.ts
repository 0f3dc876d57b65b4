import type { HeapSnapshot } from './heap-snapshot-parser';

/**
 * What a heap snapshot holds, grouped by what a reader can name: objects by constructor, closures by
 * function, arrays' backing stores by kind, strings together. Two snapshots of the same page, one early
 * and one late in a run, compared group by group, show what grows; the retainer chains of the growing
 * groups show who keeps it.
 */
export interface GroupTotals {
  count: number;
  bytes: number;
}

export interface SnapshotIndex {
  snapshot: HeapSnapshot;
  /** Group of each node (by node ordinal). */
  groupOf: string[];
  groups: Map<string, GroupTotals>;
  totalBytes: number;
  /** First edge of each node (by ordinal), and one past the last at the end. */
  firstEdge: Uint32Array;
}

const STRING_TYPES = new Set(['string', 'concatenated string', 'sliced string']);

function groupName(type: string, rawName: string): string {
  if (STRING_TYPES.has(type)) return '(string)';
  // Contexts are named after their scope's node id (`scope @329575`), which differs from one snapshot to the next.
  const name = rawName.replace(/ @\d+$/, '');
  if (type === 'number') return '(heap number)';
  if (type === 'code') return '(compiled code)';
  if (type === 'closure') return `${name || '(anonymous)'}()`;
  if (type === 'object') return name;
  return `(${type}) ${name}`;
}

export function indexSnapshot(snapshot: HeapSnapshot): SnapshotIndex {
  const fields = snapshot.nodeFields.length;
  const typeAt = snapshot.nodeFields.indexOf('type');
  const nameAt = snapshot.nodeFields.indexOf('name');
  const sizeAt = snapshot.nodeFields.indexOf('self_size');
  const edgeCountAt = snapshot.nodeFields.indexOf('edge_count');
  const count = snapshot.nodes.length / fields;
  const groupOf = new Array<string>(count);
  const groups = new Map<string, GroupTotals>();
  const firstEdge = new Uint32Array(count + 1);
  let totalBytes = 0;
  let edge = 0;
  for (let n = 0; n < count; n++) {
    const base = n * fields;
    const group = groupName(snapshot.nodeTypes[snapshot.nodes[base + typeAt]!]!, snapshot.strings[snapshot.nodes[base + nameAt]!]!);
    const bytes = snapshot.nodes[base + sizeAt]!;
    groupOf[n] = group;
    const totals = groups.get(group);
    if (totals) {
      totals.count++;
      totals.bytes += bytes;
    } else groups.set(group, { count: 1, bytes });
    totalBytes += bytes;
    firstEdge[n] = edge;
    edge += snapshot.nodes[base + edgeCountAt]! * snapshot.edgeFields.length;
  }
  firstEdge[count] = edge;
  return { snapshot, groupOf, groups, totalBytes, firstEdge };
}

export interface GroupGrowth {
  group: string;
  early: GroupTotals;
  late: GroupTotals;
}

const none: GroupTotals = { count: 0, bytes: 0 };

/** The groups that grew most in bytes from `early` to `late`. */
export function growth(early: SnapshotIndex, late: SnapshotIndex, top = 25): GroupGrowth[] {
  const names = new Set([...early.groups.keys(), ...late.groups.keys()]);
  return [...names]
    .map((group) => ({ group, early: early.groups.get(group) ?? none, late: late.groups.get(group) ?? none }))
    .sort((a, b) => b.late.bytes - b.early.bytes - (a.late.bytes - a.early.bytes))
    .slice(0, top);
}

/** Who holds the nodes of a set, one level up: `retainer group.edge` with how many of the set it holds. */
interface RetainerStep {
  via: string;
  held: number;
  retainers: Set<number>;
}

function edgeLabel(index: SnapshotIndex, type: string, nameOrIndex: number): string {
  if (type === 'element' || type === 'hidden') return '[]';
  if (type === 'context') return `(context).${index.snapshot.strings[nameOrIndex]}`;
  return `.${index.snapshot.strings[nameOrIndex]}`;
}

/** Edges skipped when looking for what keeps a node alive. */
const NOT_RETAINING = new Set(['weak', 'shortcut']);

/** Groups the retainers of `held` by retainer group and edge, most holding first. */
function retainersOf(index: SnapshotIndex, held: ReadonlySet<number>): RetainerStep[] {
  const { snapshot, groupOf, firstEdge } = index;
  const fields = snapshot.edgeFields.length;
  const typeAt = snapshot.edgeFields.indexOf('type');
  const nameAt = snapshot.edgeFields.indexOf('name_or_index');
  const toAt = snapshot.edgeFields.indexOf('to_node');
  const nodeFields = snapshot.nodeFields.length;
  const steps = new Map<string, { held: Set<number>; retainers: Set<number> }>();
  for (let n = 0; n < groupOf.length; n++) {
    for (let e = firstEdge[n]!; e < firstEdge[n + 1]!; e += fields) {
      const to = snapshot.edges[e + toAt]! / nodeFields;
      if (!held.has(to)) continue;
      const type = snapshot.edgeTypes[snapshot.edges[e + typeAt]!]!;
      if (NOT_RETAINING.has(type)) continue;
      const via = `${groupOf[n]}${edgeLabel(index, type, snapshot.edges[e + nameAt]!)}`;
      const step = steps.get(via) ?? { held: new Set<number>(), retainers: new Set<number>() };
      step.held.add(to);
      step.retainers.add(n);
      steps.set(via, step);
    }
  }
  return [...steps].map(([via, s]) => ({ via, held: s.held.size, retainers: s.retainers })).sort((a, b) => b.held - a.held);
}

/**
 * The chain that holds most of a group: its commonest retainer, then that retainer's commonest, and so
 * on (`depth` levels), each with the other retainers of that level beside it.
 */
export function retainerChain(index: SnapshotIndex, group: string, depth = 8, alternatives = 3): string[] {
  let held = new Set<number>();
  index.groupOf.forEach((g, n) => {
    if (g === group) held.add(n);
  });
  const lines: string[] = [];
  const seen = new Set<string>([group]);
  for (let level = 0; level < depth && held.size; level++) {
    const steps = retainersOf(index, held);
    const [first] = steps;
    if (!first) break;
    const others = steps.slice(1, 1 + alternatives).map((s) => `${s.via} ${s.held}`);
    lines.push(`${'  '.repeat(level)}← ${first.via} (holds ${first.held} of ${held.size})${others.length ? `; also ${others.join(', ')}` : ''}`);
    const owner = first.via.replace(/(\[\]|\.[^.]*)$/, '');
    if (seen.has(`${owner}#${first.retainers.size}`)) break;
    seen.add(`${owner}#${first.retainers.size}`);
    held = first.retainers;
  }
  return lines;
}

const mb = (bytes: number) => (bytes / 1_048_576).toFixed(1);

/** The comparison as printed by the bench: the totals, the groups that grew most, and who holds the top ones. */
export function compareSnapshots(early: SnapshotIndex, late: SnapshotIndex, options: { top?: number; chains?: number } = {}): string {
  const grown = growth(early, late, options.top ?? 20);
  const lines = [
    `  heap snapshots (after a full GC): ${mb(early.totalBytes)} MB early → ${mb(late.totalBytes)} MB late (${early.groupOf.length} → ${late.groupOf.length} objects)`,
    `  ${'grown most (self size)'.padEnd(48)} ${'count early → late'.padEnd(24)} MB early → late`,
  ];
  for (const g of grown) lines.push(`  ${g.group.slice(0, 48).padEnd(48)} ${`${g.early.count} → ${g.late.count}`.padEnd(24)} ${mb(g.early.bytes)} → ${mb(g.late.bytes)}`);
  for (const g of grown.slice(0, options.chains ?? 5)) {
    if (g.late.bytes - g.early.bytes < 1_048_576) break;
    lines.push(`  who holds ${g.group} (late):`);
    for (const line of retainerChain(late, g.group)) lines.push(`    ${line}`);
  }
  return lines.join('\n');
}
