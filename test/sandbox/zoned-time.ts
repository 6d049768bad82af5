/**
 * Wall-clock time in an IANA time zone, converted to and from UTC with
 * Intl alone (no time-zone library). Used to put close dates exactly on
 * local month boundaries.
 */

/** A local date and time; month is 1–12. */
export interface LocalTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millis: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock fields of `instant` in `timeZone`. */
export function toLocalTime(instant: Date, timeZone: string): LocalTime {
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  return {
    year: fields.year ?? NaN,
    month: fields.month ?? NaN,
    day: fields.day ?? NaN,
    hour: fields.hour ?? NaN,
    minute: fields.minute ?? NaN,
    second: fields.second ?? NaN,
    millis: ((instant.getTime() % 1000) + 1000) % 1000,
  };
}

/** Milliseconds to add to UTC to get local time in `timeZone` at `instant`. */
export function utcOffsetMillis(instant: Date, timeZone: string): number {
  const local = toLocalTime(instant, timeZone);
  return asUtcMillis(local) - instant.getTime();
}

/**
 * The instant when clocks in `timeZone` show `local`. For a wall time
 * inside a spring-forward gap the result is one of the two neighbours;
 * callers here only use midnight and 23:59:59, which no supported zone
 * skips.
 */
export function fromLocalTime(local: LocalTime, timeZone: string): Date {
  const wallMillis = asUtcMillis(local);
  const firstGuess = wallMillis - utcOffsetMillis(new Date(wallMillis), timeZone);
  return new Date(
    wallMillis - utcOffsetMillis(new Date(firstGuess), timeZone),
  );
}

/** The number of days in `month` (1–12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Formats an offset as HubSpot's account API does, e.g. "-05:00". */
export function formatUtcOffset(offsetMillis: number): string {
  const sign = offsetMillis < 0 ? '-' : '+';
  const totalMinutes = Math.abs(offsetMillis) / 60_000;
  const hours = String(Math.floor(totalMinutes / 60)).padStart(2, '0');
  const minutes = String(totalMinutes % 60).padStart(2, '0');
  return `${sign}${hours}:${minutes}`;
}

function asUtcMillis(local: LocalTime): number {
  return Date.UTC(local.year, local.month - 1, local.day, local.hour,
    local.minute, local.second, local.millis);
}

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric',
      day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}
