import type { Package } from 'custom-elements-manifest/schema';

/** Every page of docs/elements/, by file name, as the manifest makes them. */
export function elementDocs(manifest: Package): Promise<Map<string, string>>;
/** Writes docs/elements/. */
export function writeElementDocs(manifest: Package): Promise<void>;
