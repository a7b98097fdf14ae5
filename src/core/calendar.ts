/**
 * Calendar helpers shared by the inventory and the audit issue's trends (issue 15): the ISO week of a
 * commit's author date, and the business hours that apply when `content.businessHours` is not set.
 * One implementation: every weekly series and every off-hours count goes through here. Pure.
 */
import type { BusinessHoursConfig } from "./config/schema.js";
import { isOutsideBusinessHours } from "./policy/content.js";

/** Business hours when the config names none: 09:00-18:00, Monday to Friday, UTC. */
export const DEFAULT_BUSINESS_HOURS: BusinessHoursConfig = { timezone: "UTC", days: ["mon", "tue", "wed", "thu", "fri"], start: "09:00", end: "18:00" };

export function businessHoursOrDefault(hours: BusinessHoursConfig | undefined): BusinessHoursConfig {
  return hours ?? DEFAULT_BUSINESS_HOURS;
}

/** Whether an ISO 8601 instant falls outside the hours; undefined when it cannot be read. */
export function isOffHours(iso: string, hours: BusinessHoursConfig): boolean | undefined {
  return isOutsideBusinessHours(iso, hours)?.outside;
}

/**
 * The ISO 8601 week of an instant, in UTC, as `2026-W48`: weeks start on Monday and week 1 holds the
 * year's first Thursday, so the first days of January can belong to the previous year's last week.
 * Undefined when the date cannot be read.
 */
export function isoWeek(iso: string): string | undefined {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return undefined;
  const day = new Date(ms);
  // The Thursday of this week decides its year.
  const weekday = (day.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const thursday = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate() - weekday + 3);
  const year = new Date(thursday).getUTCFullYear();
  const week = 1 + Math.floor((thursday - Date.UTC(year, 0, 1)) / (7 * 24 * 3600 * 1000));
  return `${year}-W${String(week).padStart(2, "0")}`;
}

/** The Monday (UTC, `YYYY-MM-DD`) an ISO week starts on: for charts' axis labels and date ranges. */
export function isoWeekStart(week: string): string | undefined {
  const match = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!match) return undefined;
  const year = Number(match[1]);
  const jan4 = Date.UTC(year, 0, 4);
  const mondayOfWeek1 = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * 24 * 3600 * 1000;
  return new Date(mondayOfWeek1 + (Number(match[2]) - 1) * 7 * 24 * 3600 * 1000).toISOString().slice(0, 10);
}
