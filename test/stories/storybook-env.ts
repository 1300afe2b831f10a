// Storybook's browser modules read `process.env.NODE_ENV`, which Vite defines when it bundles them.
// Import this module first in every test of test/stories/, before anything of Storybook's.
const scope = globalThis as { process?: { env: Record<string, string> } };
scope.process ??= { env: { NODE_ENV: 'test' } };
