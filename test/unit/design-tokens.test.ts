// The theming page (stories/theming.mdx) lists the global tokens from stories/design-tokens.ts and
// each element's own custom properties from the manifest: together they must name every
// `--conecta-*` property the elements read, or a designer never learns of one.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { analyzeElements, elementsOf, root } from '../../build/manifest.mjs';
import { designTokens } from '../../stories/design-tokens.js';

function sources(): string[] {
  return readdirSync(join(root, 'src'), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => readFileSync(join(entry.parentPath, entry.name), 'utf8'));
}

describe('the design tokens a designer is shown', () => {
  let documented: Set<string>;
  before(async () => {
    const manifest = await analyzeElements();
    const ownProperties = elementsOf(manifest).flatMap(({ declaration }) =>
      (declaration.cssProperties ?? []).map((property) => property.name),
    );
    documented = new Set([...designTokens.map((token) => token.name), ...ownProperties]);
  });

  it('reads every global token, with its fallback, from src/styles/tokens.ts', () => {
    assert.ok(designTokens.length >= 40, `only ${designTokens.length} tokens found`);
    assert.equal(new Set(designTokens.map((token) => token.name)).size, designTokens.length, 'a token is listed twice');
    for (const token of designTokens) assert.ok(token.fallback, `${token.name} has no fallback`);
    assert.deepEqual(
      designTokens.find((token) => token.name === '--conecta-color-brand'),
      {
        name: '--conecta-color-brand',
        fallback: '#0b5cad',
        group: 'colours',
      },
    );
  });

  it('names every --conecta-* property the elements read (except those an element sets on itself)', () => {
    const code = sources().join('\n');
    const setByElements = new Set([...code.matchAll(/setProperty\(\s*'(--conecta-[a-z0-9-]+)'/g)].map((match) => match[1]!));
    const read = new Set([...code.matchAll(/var\((--conecta-[a-z0-9-]+)/g)].map((match) => match[1]!));
    assert.ok(read.size >= 40, `only ${read.size} properties read in src/`);
    const undocumented = [...read].filter((name) => !documented.has(name) && !setByElements.has(name));
    assert.deepEqual(undocumented, [], "add them to src/styles/tokens.ts or an element's @cssproperty JSDoc");
  });
});
