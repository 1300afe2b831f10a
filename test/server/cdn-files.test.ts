// How the server sends the built files (server/src/http/static-files.ts): the brotli and gzip copies
// the build leaves beside them (build/precompress.mjs) as they are, the right cache for each name.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { precompress } from '../../build/precompress.mjs';
import { startTestServer, type TestServer } from './harness.js';

const original = `export const text = ${JSON.stringify('conecta '.repeat(2000))};\n`;
/** What the copies hold: not the original, so an answer shows which file was sent. */
const brotliCopy = `export const from = 'the brotli copy';\n${original}`;
const gzipCopy = `export const from = 'the gzip copy';\n${original}`;

/** A built tree like rollup's, with the build's compressed copies (of distinct content) beside the CDN files. */
async function fakeBuild(dir: string): Promise<void> {
  await mkdir(join(dir, 'cdn/webchat'), { recursive: true });
  await mkdir(join(dir, 'cdn/agent'), { recursive: true });
  await mkdir(join(dir, 'esm'), { recursive: true });
  for (const path of ['cdn/conecta-webchat.js', 'cdn/webchat/pt-BR-CLn11NSX.js', 'cdn/agent/phone-DhesdYv8.js']) {
    await writeFile(join(dir, path), original);
    await writeFile(join(dir, `${path}.br`), brotliCompressSync(brotliCopy));
    await writeFile(join(dir, `${path}.gz`), gzipSync(gzipCopy));
  }
  await writeFile(join(dir, 'esm/queue.js'), original);
}

describe('the built files, as the server sends them', () => {
  let server: TestServer;
  let dist: string;
  before(async () => {
    dist = await mkdtemp(join(tmpdir(), 'conecta-cdn-'));
    await fakeBuild(dist);
    server = await startTestServer({ staticRoots: [{ prefix: '/dist/', root: dist }] });
  });
  after(async () => {
    await server?.close();
    await rm(dist, { recursive: true, force: true });
  });

  /** The answer (fetch decodes the body; the headers say what was sent). */
  const get = async (path: string, acceptEncoding: string) => {
    const response = await fetch(`${server.url}${path}`, { headers: { 'accept-encoding': acceptEncoding } });
    return { headers: response.headers, text: await response.text() };
  };

  it('sends the brotli copy the build made to a browser that accepts brotli, and says it varies', async () => {
    const { headers, text } = await get('/dist/cdn/conecta-webchat.js', 'gzip, deflate, br');
    assert.equal(headers.get('content-encoding'), 'br');
    assert.equal(text, brotliCopy);
    assert.match(headers.get('vary') ?? '', /accept-encoding/i);
  });

  it('sends the gzip copy to one that accepts only gzip, and the file itself to one that accepts neither', async () => {
    const gzip = await get('/dist/cdn/conecta-webchat.js', 'gzip');
    assert.equal(gzip.headers.get('content-encoding'), 'gzip');
    assert.equal(gzip.text, gzipCopy);
    const plain = await get('/dist/cdn/conecta-webchat.js', 'identity');
    assert.equal(plain.headers.get('content-encoding'), null);
    assert.equal(plain.text, original);
  });

  it('keeps a content-hashed file a year (immutable), the loader whose name stays five minutes', async () => {
    const chunk = await get('/dist/cdn/webchat/pt-BR-CLn11NSX.js', 'br');
    assert.equal(chunk.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    assert.equal(chunk.headers.get('content-encoding'), 'br');
    assert.equal((await get('/dist/cdn/conecta-webchat.js', 'br')).headers.get('cache-control'), 'public, max-age=300');
  });

  it('keeps the agent bundle’s content-hashed chunks a year (immutable) too', async () => {
    const chunk = await get('/dist/cdn/agent/phone-DhesdYv8.js', 'br');
    assert.equal(chunk.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    assert.equal(chunk.headers.get('content-encoding'), 'br');
  });

  it('still compresses a built file that has no copies (the ESM build) as it sends it', async () => {
    const { headers, text } = await get('/dist/esm/queue.js', 'br');
    assert.equal(headers.get('content-encoding'), 'br');
    assert.equal(text, original);
  });
});

describe('build/precompress.mjs', () => {
  it('writes a brotli and a gzip copy of each script and stylesheet, which decode to the file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'conecta-precompress-'));
    try {
      await writeFile(join(dir, 'widget.js'), original);
      await writeFile(join(dir, 'widget.js.map'), '{}');
      const written = precompress(dir).map((path) => path.slice(dir.length + 1));
      assert.deepEqual(written.sort(), ['widget.js.br', 'widget.js.gz']);
      const { readFile } = await import('node:fs/promises');
      const { brotliDecompressSync, gunzipSync } = await import('node:zlib');
      assert.equal(brotliDecompressSync(await readFile(join(dir, 'widget.js.br'))).toString(), original);
      assert.equal(gunzipSync(await readFile(join(dir, 'widget.js.gz'))).toString(), original);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
