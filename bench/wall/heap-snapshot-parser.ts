import { createReadStream } from 'node:fs';

/**
 * A V8 heap snapshot (`.heapsnapshot`, as Chromium's DevTools writes it), read as a stream: a wall page's
 * snapshot runs to hundreds of megabytes, past what one string or one `JSON.parse` can hold. The node and
 * edge arrays (numbers only) go straight into typed arrays; the rest (header, strings) is parsed as JSON.
 */
export interface HeapSnapshot {
  nodeFields: string[];
  nodeTypes: string[];
  edgeFields: string[];
  edgeTypes: string[];
  nodes: Float64Array;
  edges: Uint32Array;
  strings: string[];
}

interface SnapshotMeta {
  node_fields: string[];
  node_types: [string[], ...unknown[]];
  edge_fields: string[];
  edge_types: [string[], ...unknown[]];
}

type Section = 'header' | 'nodes' | 'between' | 'edges' | 'tail';

/** Numbers of a JSON array of non-negative integers, fed in chunks that may split a number. */
class NumberSink<T extends Float64Array | Uint32Array> {
  length = 0;
  private current = -1;

  constructor(public values: T, private readonly grow: (size: number) => T) {}

  /** Reads from `text` at `from` up to the closing `]`; returns the index after it, or -1 if the chunk ended first. */
  feed(text: string, from: number): number {
    for (let i = from; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 48 && c <= 57) this.current = (this.current < 0 ? 0 : this.current * 10) + (c - 48);
      else {
        if (this.current >= 0) this.push(this.current);
        this.current = -1;
        if (c === 93) return i + 1;
      }
    }
    return -1;
  }

  private push(value: number): void {
    if (this.length === this.values.length) {
      const bigger = this.grow(Math.max(1024, this.values.length * 2));
      bigger.set(this.values);
      this.values = bigger;
    }
    this.values[this.length++] = value;
  }
}

export class HeapSnapshotParser {
  private section: Section = 'header';
  private text = '';
  private readonly tail: string[] = [];
  private meta: SnapshotMeta | null = null;
  private readonly nodes = new NumberSink(new Float64Array(0), (n) => new Float64Array(n));
  private readonly edges = new NumberSink(new Uint32Array(0), (n) => new Uint32Array(n));

  feed(chunk: string): void {
    let at = 0;
    while (at < chunk.length) {
      if (this.section === 'header' || this.section === 'between') {
        const key = this.section === 'header' ? '"nodes":[' : '"edges":[';
        const start = this.text.length;
        this.text += chunk.slice(at);
        const found = this.text.indexOf(key, Math.max(0, start - key.length));
        if (found < 0) return;
        if (this.section === 'header') this.readHeader(this.text.slice(0, found));
        at += found + key.length - start;
        this.text = '';
        this.section = this.section === 'header' ? 'nodes' : 'edges';
      } else if (this.section === 'nodes' || this.section === 'edges') {
        const end = (this.section === 'nodes' ? this.nodes : this.edges).feed(chunk, at);
        if (end < 0) return;
        at = end;
        this.section = this.section === 'nodes' ? 'between' : 'tail';
      } else {
        this.tail.push(at === 0 ? chunk : chunk.slice(at));
        return;
      }
    }
  }

  private readHeader(header: string): void {
    // `{"snapshot":{"meta":{…},"node_count":…,…},` : close the object to read it.
    const parsed = JSON.parse(`${header.replace(/,\s*$/, '')}}`) as { snapshot: { meta: SnapshotMeta; node_count: number; edge_count: number } };
    this.meta = parsed.snapshot.meta;
    const { node_count: nodeCount, edge_count: edgeCount } = parsed.snapshot;
    this.nodes.values = new Float64Array(nodeCount * this.meta.node_fields.length);
    this.edges.values = new Uint32Array(edgeCount * this.meta.edge_fields.length);
  }

  finish(): HeapSnapshot {
    if (!this.meta || this.section !== 'tail') throw new Error(`heap snapshot ended early (in ${this.section})`);
    const tail = this.tail.join('');
    const start = tail.indexOf('"strings":');
    if (start < 0) throw new Error('heap snapshot has no strings');
    const strings = JSON.parse(tail.slice(start + '"strings":'.length, tail.lastIndexOf('}'))) as string[];
    return {
      nodeFields: this.meta.node_fields,
      nodeTypes: this.meta.node_types[0],
      edgeFields: this.meta.edge_fields,
      edgeTypes: this.meta.edge_types[0],
      nodes: this.nodes.values.subarray(0, this.nodes.length),
      edges: this.edges.values.subarray(0, this.edges.length),
      strings,
    };
  }
}

export async function readHeapSnapshot(file: string): Promise<HeapSnapshot> {
  const parser = new HeapSnapshotParser();
  for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 })) parser.feed(chunk as string);
  return parser.finish();
}
