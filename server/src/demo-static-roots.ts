import { resolve } from 'node:path';
import type { StaticRoot } from './http/static-files.js';

/**
 * What the demo (`npm start`) serves beside the API: its pages, the server's own pages, the built
 * elements, and the built Storybook at `/storybook/` (`npm run build-storybook`; until it is built,
 * demo/storybook/ says how). The production start (cli/start.ts) serves none of the demo's.
 */
export function demoStaticRoots(repoRoot: string): StaticRoot[] {
  return [
    { prefix: '/', root: resolve(repoRoot, 'demo') },
    // The server's own pages (set-password), as in production; the demo's win where names clash.
    { prefix: '/', root: resolve(repoRoot, 'server/public') },
    { prefix: '/dist/', root: resolve(repoRoot, 'dist') },
    // The first root with the file wins: the built Storybook, else the page that says how to build it.
    { prefix: '/storybook/', root: resolve(repoRoot, 'dist/storybook') },
    { prefix: '/storybook/', root: resolve(repoRoot, 'demo/storybook') },
  ];
}
