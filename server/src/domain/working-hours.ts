/** `0` Sunday … `6` Saturday. */
type Weekday = '0' | '1' | '2' | '3' | '4' | '5' | '6';

/**
 * When a team attends, in its own IANA time zone: for each weekday the intervals `[from, to)` it is
 * open, as `HH:MM` from 00:00 to 24:00 (split an interval that crosses midnight in two days). A
 * weekday left out is closed all day.
 */
export interface WorkingHours {
  timeZone: string;
  days: Partial<Record<Weekday, [from: string, to: string][]>>;
}

const WEEKDAYS: Record<string, Weekday | undefined> = { Sun: '0', Mon: '1', Tue: '2', Wed: '3', Thu: '4', Fri: '5', Sat: '6' };

/** Is `at` within the hours? `null` hours: always open. */
export function isWithinWorkingHours(hours: WorkingHours | null, at: number): boolean {
  if (hours === null) return true;
  const parts = zonedClock(hours.timeZone).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const weekday = WEEKDAYS[part('weekday')];
  const time = `${part('hour')}:${part('minute')}`;
  const intervals = weekday === undefined ? [] : (hours.days[weekday] ?? []);
  return intervals.some(([from, to]) => from <= time && time < to);
}

const formatters = new Map<string, Intl.DateTimeFormat>();
/** One formatter per zone: building them is the slow part. */
function zonedClock(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}
