import type * as PhoneModule from './phone.js';

/** The phone helpers (phone.ts): libphonenumber-js and its metadata. */
export type Phone = typeof PhoneModule;

/** The DDI a new contact starts with (here, not in phone.ts: the form needs it before that loads). */
export const DEFAULT_COUNTRY = 'BR';

/** With no network, how long before trying again. */
const RETRY_MS = 5_000;

let phone: Phone | undefined;
let loading: Promise<Phone> | undefined;

/** The phone helpers if they are loaded, else undefined. */
export function loadedPhone(): Phone | undefined {
  return phone;
}

/**
 * Loads the phone helpers once, in a chunk of their own: they are the bulk of the contact form (and
 * about a fifth of the agent bundle), needed only once a form shows. A failed load (offline) is tried
 * again until it succeeds: the form waits for it, and keeps what was typed.
 */
export function loadPhone(): Promise<Phone> {
  loading ??= (async () => {
    for (;;) {
      try {
        return (phone = await import('./phone.js'));
      } catch {
        await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
      }
    }
  })();
  return loading;
}
