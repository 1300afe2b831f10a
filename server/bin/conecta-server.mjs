#!/usr/bin/env node
// The server is TypeScript run through tsx (a dependency of this package): no build step to forget.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
