import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { solidPng, writeTileFolder, type TestTile } from '../../server/basemap/test-support';
import { tileXOf, tileYOf } from '../../shared/tiles';

/** Solid-colour tiles covering a box at some zooms, written to a folder. */
export function writeColouredTiles(root: string, colour: [number, number, number], box: { west: number; east: number; south: number; north: number }, zooms: number[]): number {
  const png = solidPng(colour);
  const tiles: TestTile[] = [];
  for (const z of zooms) {
    for (let x = Math.floor(tileXOf(box.west, z)); x <= Math.floor(tileXOf(box.east, z)); x++) {
      for (let y = Math.floor(tileYOf(box.north, z)); y <= Math.floor(tileYOf(box.south, z)); y++) tiles.push({ z, x, y, data: png });
    }
  }
  writeTileFolder(root, tiles);
  return tiles.length;
}

/** A stand-in for an internal GIS service: XYZ tiles from a folder over plain HTTP, never cached by the browser. */
export async function startTileServer(root: string): Promise<{ url: string; requests: () => number; stop: () => Promise<void> }> {
  let requests = 0;
  const server = http.createServer((req, res) => {
    requests++;
    const m = /^\/(\d+)\/(\d+)\/(\d+)\.png$/.exec(req.url ?? '');
    if (!m) {
      res.writeHead(404).end();
      return;
    }
    readFile(path.join(root, m[1]!, m[2]!, `${m[3]}.png`)).then(
      (data) => res.writeHead(200, { 'Content-Type': 'image/png', 'Cache-Control': 'no-store' }).end(data),
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests: () => requests,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
