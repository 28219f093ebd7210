/**
 * The one rule of years against a county's target year (docs/standard.md#league-plan), for every command that
 * counts them: `balance batch` (years left, the at-risk rule) and `balance evaluate --county` (readiness) alike.
 *
 * A target year is the year of acceptance (验收年份) the plan names, a calendar year: the plan counts its phases
 * back from it in calendar years (验收前 2 年, 验收前 1 年). So a day counts in its own calendar year — 1 January
 * 2026 is already 2026, the target year of 阿尔山市, and 31 August and 1 September of a year are the same year —
 * whatever school year the data describe. The engine never reads the clock: the host gives the day as its user's
 * calendar reads it (`calendarDayOf`).
 */

/** A day as the user's calendar reads it: month 1–12, day 1–31. */
export interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

/** The year a day counts in against target years: its calendar year. */
export function yearOfDay(day: CalendarDay): number {
  return day.year;
}

/**
 * Years left before a target year in a year (`yearOfDay` of the day, or the year a league is viewed in): 0 in the
 * target year itself, negative once it is past.
 */
export function yearsLeft(targetYear: number, year: number): number {
  return targetYear - year;
}

/** Whether a rule in force from the first day of a month (2026-09: the autumn term of 2026) applies on a day. */
export function inForceOn(from: { year: number; month: number }, day: CalendarDay): boolean {
  return day.year > from.year || (day.year === from.year && day.month >= from.month);
}

/**
 * The calendar day of a moment as read on the machine the host runs on (its time zone): a clerk in Beijing at
 * 07:00 on 1 January is in the new year, although it is still 31 December in UTC.
 */
export function calendarDayOf(moment: Date): CalendarDay {
  return { year: moment.getFullYear(), month: moment.getMonth() + 1, day: moment.getDate() };
}
