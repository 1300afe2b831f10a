import type { Package } from 'custom-elements-manifest/schema';

/** `conecta-session-accepted` → `onSessionAccepted`: the wrapper's prop for an event. */
export function eventProp(eventName: string): string;
/** `conecta-contact-form` → `contact-form`: the module of an element's wrapper. */
export function entryName(tagName: string): string;
/** Every file of src/react/, by name, as the manifest makes them. */
export function wrapperFiles(manifest: Package): Promise<Map<string, string>>;
/** Writes src/react/; true when a file changed. */
export function writeWrappers(manifest: Package): Promise<boolean>;
