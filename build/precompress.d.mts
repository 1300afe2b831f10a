/** Writes brotli and gzip copies of every script and stylesheet under `folder`; returns their paths. */
export function precompress(folder: string): string[];
