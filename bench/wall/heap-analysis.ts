import type { HeapSnapshot } from './heap-snapshot-parser';

/**
 * What a heap snapshot holds, grouped by what a reader can name: objects by constructor, closures by
 * function, arrays' backing stores by kind, strings together. Two snapshots of the same page, one early
 * and one late in a run, compared group by group, show what grows; the named references on the way
 * from the growing groups to the GC roots show who keeps it.
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

function edgeLabel(index: SnapshotIndex, type: string, nameOrIndex: number): string {
  if (type === 'element' || type === 'hidden') return '[]';
  if (type === 'context') return `(context).${index.snapshot.strings[nameOrIndex]}`;
  return `.${index.snapshot.strings[nameOrIndex]}`;
}

/** Edges that do not keep their target alive. */
const NOT_RETAINING = new Set(['weak', 'shortcut']);

/** For each node, the nodes holding it (and through which edge), and its distance from the GC roots. */
interface RetainerIndex {
  first: Uint32Array;
  retainer: Uint32Array;
  edge: Uint32Array;
  distance: Uint32Array;
}

function indexRetainers(index: SnapshotIndex): RetainerIndex {
  const { snapshot, firstEdge, groupOf } = index;
  const fields = snapshot.edgeFields.length;
  const typeAt = snapshot.edgeFields.indexOf('type');
  const toAt = snapshot.edgeFields.indexOf('to_node');
  const nodeFields = snapshot.nodeFields.length;
  const count = groupOf.length;
  const retaining = (e: number) => !NOT_RETAINING.has(snapshot.edgeTypes[snapshot.edges[e + typeAt]!]!);
  const first = new Uint32Array(count + 1);
  for (let n = 0; n < count; n++) for (let e = firstEdge[n]!; e < firstEdge[n + 1]!; e += fields) if (retaining(e)) first[snapshot.edges[e + toAt]! / nodeFields + 1]!++;
  for (let n = 0; n < count; n++) first[n + 1]! += first[n]!;
  const retainer = new Uint32Array(first[count]!);
  const edge = new Uint32Array(first[count]!);
  const cursor = first.slice(0, count);
  for (let n = 0; n < count; n++) {
    for (let e = firstEdge[n]!; e < firstEdge[n + 1]!; e += fields) {
      if (!retaining(e)) continue;
      const to = snapshot.edges[e + toAt]! / nodeFields;
      retainer[cursor[to]!] = n;
      edge[cursor[to]!++] = e;
    }
  }
  // Breadth first from the root (node 0): a node's owner is sought along its shortest path to the roots.
  const distance = new Uint32Array(count).fill(0xffffffff);
  const queue = new Uint32Array(count);
  let head = 0;
  let tail = 0;
  distance[0] = 0;
  queue[tail++] = 0;
  while (head < tail) {
    const n = queue[head++]!;
    for (let e = firstEdge[n]!; e < firstEdge[n + 1]!; e += fields) {
      const to = snapshot.edges[e + toAt]! / nodeFields;
      if (!retaining(e) || distance[to] !== 0xffffffff) continue;
      distance[to] = distance[n]! + 1;
      queue[tail++] = to;
    }
  }
  return { first, retainer, edge, distance };
}

/**
 * Who owns the nodes of a group, by name: from each node (a sample of them) up its shortest path to the GC
 * roots, the first `names` named references met (an object's property or a closure's variable; array
 * slots, map tables and internal links are passed through), e.g. `Object.coords ← TrailLayer.trails`.
 */
export function ownersOf(index: SnapshotIndex, retainers: RetainerIndex, group: string, options: { sample?: number; names?: number; top?: number } = {}): Array<{ owner: string; share: number }> {
  const { snapshot, groupOf } = index;
  const typeAt = snapshot.edgeFields.indexOf('type');
  const nameAt = snapshot.edgeFields.indexOf('name_or_index');
  const members: number[] = [];
  groupOf.forEach((g, n) => {
    if (g === group) members.push(n);
  });
  const step = Math.max(1, Math.floor(members.length / (options.sample ?? 20_000)));
  const owners = new Map<string, number>();
  let sampled = 0;
  for (let m = 0; m < members.length; m += step) {
    const names: string[] = [];
    let at = members[m]!;
    for (let hops = 0; hops < 64 && names.length < (options.names ?? 2) && retainers.distance[at]! > 0; hops++) {
      let best = -1;
      for (let r = retainers.first[at]!; r < retainers.first[at + 1]!; r++) if (best < 0 || retainers.distance[retainers.retainer[r]!]! < retainers.distance[retainers.retainer[best]!]!) best = r;
      if (best < 0) break;
      const e = retainers.edge[best]!;
      const type = snapshot.edgeTypes[snapshot.edges[e + typeAt]!]!;
      const holder = retainers.retainer[best]!;
      if (type === 'property' || type === 'context') names.push(`${groupOf[holder]}${edgeLabel(index, type, snapshot.edges[e + nameAt]!)}`);
      at = holder;
    }
    const owner = names.join(' ← ') || '(no named owner)';
    owners.set(owner, (owners.get(owner) ?? 0) + 1);
    sampled++;
  }
  return [...owners]
    .sort((a, b) => b[1] - a[1])
    .slice(0, options.top ?? 4)
    .map(([owner, n]) => ({ owner, share: n / sampled }));
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
  const grownMuch = grown.slice(0, options.chains ?? 5).filter((g) => g.late.bytes - g.early.bytes >= 1_048_576);
  const retainers = grownMuch.length ? indexRetainers(late) : null;
  for (const g of grownMuch) {
    lines.push(`  who holds ${g.group} (late, along the shortest path from the GC roots):`);
    for (const { owner, share } of ownersOf(late, retainers!, g.group)) lines.push(`    ${`${Math.round(share * 100)} %`.padStart(5)}  ${owner}`);
  }
  return lines.join('\n');
}
