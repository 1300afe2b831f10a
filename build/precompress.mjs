/**
 * Brotli (quality 11) and gzip (level 9) copies of the CDN files, beside them (`x.js.br`,
 * `x.js.gz`), for the server to send as they are (server/src/http/static-files.ts). Compressing on
 * each request uses a fast brotli setting instead: the widget then weighs 30.2 KB instead of 26.3 KB.
 * Not shipped in the npm package (package.json's `files`): an adopter's own server or CDN compresses.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

// What pages load (source maps, fetched only by developer tools, are compressed as they are asked for).
const COMPRESSIBLE = /\.(?:js|mjs|css)$/;

/** Writes the compressed copies of every compressible file under `folder`; returns their paths. */
export function precompress(folder) {
  const written = [];
  for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !COMPRESSIBLE.test(entry.name)) continue;
    const path = join(entry.parentPath, entry.name);
    const content = readFileSync(path);
    const brotli = brotliCompressSync(content, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
      },
    });
    writeFileSync(`${path}.br`, brotli);
    writeFileSync(`${path}.gz`, gzipSync(content, { level: 9 }));
    written.push(`${path}.br`, `${path}.gz`);
  }
  return written;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) precompress(fileURLToPath(new URL('../dist/cdn', import.meta.url)));
