import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourcesUnder(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

const importsOf = (file: string) => [...readFileSync(file, 'utf8').matchAll(/\bfrom\s+'([^']+)'/g)].map((match) => match[1]!);

describe('server layers', () => {
  it('storage imports nothing from the domain: the domain depends on storage, not the reverse', () => {
    const offending = sourcesUnder(join(root, 'server/src/db')).flatMap((file) =>
      importsOf(file)
        .filter((source) => /(^|\/)domain\//.test(source))
        .map((source) => `${relative(root, file)} imports ${source}`),
    );
    assert.deepEqual(offending, []);
  });
});
