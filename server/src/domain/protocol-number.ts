/**
 * `YYYYMMDD-NNNNNN`: the (UTC) day the session was created and a server-wide counter, so numbers
 * are unique even across days and sortable within one.
 */
export function formatProtocol(at: number, counter: number): string {
  const day = new Date(at).toISOString().slice(0, 10).replaceAll('-', '');
  return `${day}-${String(counter).padStart(6, '0')}`;
}
