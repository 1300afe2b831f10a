import * as v from 'valibot';

/** `HH:MM`, 00:00 to 24:00. */
const Clock = v.pipe(v.string(), v.regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'must be HH:MM, 00:00 to 24:00'));
const Interval = v.pipe(
  v.tuple([Clock, Clock]),
  v.check(([from, to]) => from < to, 'must end after it starts (split an interval that crosses midnight in two days)'),
);

/**
 * When a team attends, in its own time zone: for each weekday (`0` Sunday … `6` Saturday) the
 * intervals `[from, to)` it is open. A weekday left out is closed all day.
 */
export const WorkingHoursSchema = v.strictObject({
  timeZone: v.pipe(
    v.string(),
    v.check((zone) => isTimeZone(zone), 'is not an IANA time zone'),
  ),
  days: v.record(v.picklist(['0', '1', '2', '3', '4', '5', '6']), v.array(Interval)),
});
export type WorkingHours = v.InferOutput<typeof WorkingHoursSchema>;

const WEEKDAYS: Record<string, string> = { Sun: '0', Mon: '1', Tue: '2', Wed: '3', Thu: '4', Fri: '5', Sat: '6' };

/** Is `at` within the hours? `null` hours: always open. */
export function isWithinWorkingHours(hours: WorkingHours | null, at: number): boolean {
  if (hours === null) return true;
  const parts = zonedClock(hours.timeZone).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const weekday = WEEKDAYS[part('weekday')];
  const time = `${part('hour')}:${part('minute')}`;
  const intervals = weekday === undefined ? [] : (hours.days[weekday as keyof WorkingHours['days']] ?? []);
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

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
