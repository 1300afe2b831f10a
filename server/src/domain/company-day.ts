/**
 * Calendar days in the company's time zone (UTC when it has none): "finished today" and "logged in
 * today" count from the local midnight, which DST may move, so it is searched for, not computed.
 */
const HOUR = 60 * 60_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** `YYYY-MM-DD` of `at` in `timeZone`. */
export function dayOf(at: number, timeZone: string | null): string {
  const zone = timeZone ?? 'UTC';
  let formatter = formatters.get(zone);
  if (!formatter) {
    // en-CA writes dates as YYYY-MM-DD.
    formatter = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(zone, formatter);
  }
  return formatter.format(at);
}

/** The first millisecond of `at`'s day in `timeZone`. */
export function startOfDay(at: number, timeZone: string | null): number {
  const day = dayOf(at, timeZone);
  // Two days back is surely another day; bisect to the first instant of `day`.
  let before = at - 48 * HOUR;
  let within = at;
  while (within - before > 1) {
    const middle = Math.floor((before + within) / 2);
    if (dayOf(middle, timeZone) === day) within = middle;
    else before = middle;
  }
  return within;
}

/** The first millisecond of the day after `at`'s. */
export function startOfNextDay(at: number, timeZone: string | null): number {
  // A day lasts 23 to 25 hours: 36 hours after its start is within the next one.
  return startOfDay(startOfDay(at, timeZone) + 36 * HOUR, timeZone);
}

/** `[from, to)` cut at each midnight: the milliseconds of it in each day. */
export function splitByDay(from: number, to: number, timeZone: string | null): { day: string; ms: number }[] {
  const parts: { day: string; ms: number }[] = [];
  for (let start = from; start < to;) {
    const end = Math.min(to, startOfNextDay(start, timeZone));
    parts.push({ day: dayOf(start, timeZone), ms: end - start });
    start = end;
  }
  return parts;
}
