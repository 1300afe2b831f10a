// The JSX types of the built package, as an adopter's TypeScript sees them (run after `npm run build`):
// test/package/jsx/ holds React 19, Preact and Solid components that use the elements as plain tags,
// with `@ts-expect-error` where a wrong prop or a wrong use of an event's detail must not compile.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('the JSX types (conecta-elements/jsx/react, /preact, /solid)', () => {
  it('type React 19, Preact and Solid components that use the elements as tags, and refuse wrong props and details', () => {
    const tsc = spawnSync(process.execPath, ['node_modules/typescript-native/bin/tsc', '-p', 'test/package/jsx/tsconfig.json'], {
      cwd: root,
      encoding: 'utf8',
    });
    assert.equal(tsc.status, 0, tsc.stdout + tsc.stderr);
  });
});
