import type { Plugin } from 'rollup';

/** A Rollup plugin that takes out of Lit's production modules what no visitor's browser uses. */
export function leanLit(): Plugin;
