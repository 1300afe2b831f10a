/** `conecta-server apply`: lands with issue 9. */
export function run(_args: string[]): Promise<number> {
  process.stderr.write('conecta-server apply is not available yet.\n');
  return Promise.resolve(2);
}
