// Lucide's package types only its index; each icon file is imported on its own so that the
// browser tests (which load modules unbundled) do not fetch all 1,700 icons.
declare module 'lucide/dist/esm/icons/*.mjs' {
  const node: import('./icon.js').IconNode;
  export default node;
}
