/**
 * The stores' SQL is SQLite's; this rewrites one text for PostgreSQL, once per text (the runner
 * caches it). It covers the few constructs the stores use that differ; anything else is written
 * portably in the store itself (upserts name their table on the right of SET, CASE over two-argument MAX).
 */
export function toPostgresSql(sql: string): string {
  let text = numberPlaceholders(sql);
  // A JSON array, as a column or a parameter (IN_LIST): SQLite's json_each has a `value` column, like this.
  text = text.replace(/json_each\(([^()]*)\)/g, 'json_array_elements_text(($1)::json)');
  // `IS` with a value is SQLite's null-safe equality.
  text = text.replace(/\bIS NOT (\$\d+)/g, 'IS DISTINCT FROM $1').replace(/\bIS (\$\d+)/g, 'IS NOT DISTINCT FROM $1');
  // SQLite's BINARY collation (by code unit) is PostgreSQL's "C", whatever the database's own collation.
  text = text.replace(/\bCOLLATE BINARY\b/g, 'COLLATE "C"');
  // SQLite's LIKE ignores case (of ASCII letters); PostgreSQL's does not.
  text = text.replace(/\bLIKE\b/g, 'ILIKE');
  if (/^\s*INSERT OR IGNORE\b/i.test(text)) {
    text = text.replace(/INSERT OR IGNORE\b/i, 'INSERT');
    const returning = text.search(/\bRETURNING\b/i);
    text = returning < 0 ? `${text} ON CONFLICT DO NOTHING` : `${text.slice(0, returning)}ON CONFLICT DO NOTHING ${text.slice(returning)}`;
  }
  return text;
}

/** `?` → `$1`, `$2`…, leaving quoted strings and identifiers alone. */
function numberPlaceholders(sql: string): string {
  let out = '';
  let n = 0;
  let quote: string | undefined;
  for (const char of sql) {
    if (quote) {
      if (char === quote) quote = undefined;
      out += char;
    } else if (char === "'" || char === '"') {
      quote = char;
      out += char;
    } else if (char === '?') {
      out += `$${++n}`;
    } else {
      out += char;
    }
  }
  return out;
}
