/** `conecta-server owner`: lands with issue 9. */
export function run(_args: string[]): Promise<number> {
  process.stderr.write('conecta-server owner is not available yet.\n');
  return Promise.resolve(2);
}
