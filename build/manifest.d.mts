import type { ClassDeclaration, CustomElement, Module, Package } from 'custom-elements-manifest/schema';

/** The repository's root folder. */
export const root: string;
/** An event of the manifest, with the detail type this repository's plugin adds. */
export type ManifestEvent = NonNullable<CustomElement['events']>[number] & { detail?: { text: string } };
/** An element's declaration (`cssStates` came in a later schema than the one typed here). */
export type ElementDeclaration = ClassDeclaration &
  Omit<CustomElement, 'events'> & { events?: ManifestEvent[]; cssStates?: { name: string; description?: string }[] };
/** The elements manifest as the analyzer makes it from src/ (written to custom-elements.json when `write`). */
export function analyzeElements(options?: { write?: boolean }): Promise<Package>;
/** Every element one can place (a class with a tag name): its module and declaration. */
export function elementsOf(manifest: Package): { module: Module; declaration: ElementDeclaration }[];
/** The first paragraph of a description, on one line (a summary's gist). */
export function firstParagraph(text?: string): string;
