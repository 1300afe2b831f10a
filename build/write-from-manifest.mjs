/**
 * `npm run manifest`: custom-elements.json, and what is made from it — the React wrappers
 * (src/react/), the JSX types (dist/types/jsx/) and the per-element reference (docs/elements/).
 */
import { analyzeElements } from './manifest.mjs';
import { writeElementDocs } from './element-docs.mjs';
import { writeJsxTypes } from './jsx-types.mjs';
import { writeWrappers } from './react-wrappers.mjs';

const manifest = await analyzeElements({ write: true });
await writeWrappers(manifest);
writeJsxTypes(manifest);
await writeElementDocs(manifest);
