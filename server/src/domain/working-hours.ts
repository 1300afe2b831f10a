import type { WorkingHours } from '../db/repository.js';

type Weekday = keyof WorkingHours['days'];

const WEEKDAYS: Record<string, Weekday | undefined> = { Sun: '0', Mon: '1', Tue: '2', Wed: '3', Thu: '4', Fri: '5', Sat: '6' };

/** Is `at` within the hours (and not on one of their holidays)? `null` hours: always open. */
export function isWithinWorkingHours(hours: WorkingHours | null, at: number): boolean {
  if (hours === null) return true;
  const parts = zonedClock(hours.timeZone).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  if (hours.holidays?.includes(`${part('year')}-${part('month')}-${part('day')}`)) return false;
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
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}
