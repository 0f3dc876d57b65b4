import http from 'node:http';
import https from 'node:https';

// Kept-alive connections: a warning to 500 people is 500 requests to the same gateway within a second.
const agents = { 'http:': new http.Agent({ keepAlive: true, maxSockets: 32 }), 'https:': new https.Agent({ keepAlive: true, maxSockets: 32 }) };

/** A peer answered with a non-2xx status; the message names it and the start of the body. */
export class HttpRefusal extends Error {
  constructor(readonly status: number, body: string) {
    super(`HTTP ${status}${body ? `: ${body.slice(0, 200)}` : ''}`);
    this.name = 'HttpRefusal';
  }
}

/** POSTs JSON and aborts on `signal`; a non-2xx answer is a refusal naming the status. Answers the parsed body. */
export function postJson(url: string, body: string, headers: Record<string, string>, signal: AbortSignal): Promise<unknown> {
  const target = new URL(url);
  const agent = target.protocol === 'https:' ? agents['https:'] : agents['http:'];
  const request = target.protocol === 'https:' ? https.request : http.request;
  return new Promise((resolve, reject) => {
    const req = request(target, { method: 'POST', agent, signal, headers: { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body), ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size <= 65_536) chunks.push(chunk);
      });
      res.on('error', reject);
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const status = res.statusCode ?? 0;
        if (status < 200 || status > 299) return reject(new HttpRefusal(status, text));
        try {
          resolve(text ? JSON.parse(text) : null);
        } catch {
          resolve(text);
        }
      });
    });
    req.on('error', (err: Error) => reject(err.name === 'AbortError' ? Object.assign(new Error('no answer within the timeout'), { name: 'TimeoutError' }) : err));
    req.end(body);
  });
}
