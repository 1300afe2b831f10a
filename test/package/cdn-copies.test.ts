// The compressed copies the build leaves beside the CDN files for the server (run after `npm run build`).
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, brotliDecompressSync, constants, gunzipSync } from 'node:zlib';

const cdn = fileURLToPath(new URL('../../dist/cdn', import.meta.url));

describe('the CDN files of the build', () => {
  it('each have a brotli and a gzip copy that decode to the file', () => {
    const scripts = readdirSync(cdn, { recursive: true, encoding: 'utf8' }).filter((path) => path.endsWith('.js'));
    assert.ok(
      scripts.includes('conecta-webchat-widget.js') && scripts.includes('conecta-webchat.js') && scripts.includes('conecta-agent.js'),
    );
    for (const script of scripts) {
      const content = readFileSync(join(cdn, script));
      assert.ok(existsSync(join(cdn, `${script}.br`)) && existsSync(join(cdn, `${script}.gz`)), `${script} has no compressed copies`);
      assert.ok(brotliDecompressSync(readFileSync(join(cdn, `${script}.br`))).equals(content), `${script}.br is not ${script}`);
      assert.ok(gunzipSync(readFileSync(join(cdn, `${script}.gz`))).equals(content), `${script}.gz is not ${script}`);
    }
  });

  it('have a brotli copy of the widget smaller than what compressing each answer would send', () => {
    const widget = readFileSync(join(cdn, 'conecta-webchat-widget.js'));
    // @fastify/compress's brotli setting (quality 4), used for files without a copy.
    const onTheFly = brotliCompressSync(widget, { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } }).length;
    const copy = readFileSync(join(cdn, 'conecta-webchat-widget.js.br')).length;
    assert.ok(copy < onTheFly * 0.95, `the copy (${copy} B) is not clearly smaller than on the fly (${onTheFly} B)`);
  });
});
