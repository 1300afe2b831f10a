export function findChrome(): string;
export const chromeArgs: string[];
