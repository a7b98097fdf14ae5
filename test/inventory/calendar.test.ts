import { businessHoursOrDefault, DEFAULT_BUSINESS_HOURS, isOffHours, isoWeek, isoWeekStart } from "../../src/core/calendar.js";

describe("isoWeek (UTC author date)", () => {
  it.each([
    ["2026-11-23T00:00:00Z", "2026-W48"], // a Monday
    ["2026-11-29T23:59:59Z", "2026-W48"], // the Sunday after
    ["2026-11-30T00:00:00Z", "2026-W49"],
    ["2021-01-03T12:00:00Z", "2020-W53"], // early January in the previous year's last week
    ["2024-12-30T08:00:00Z", "2025-W01"], // late December in the next year's first week
    ["2026-11-30T01:00:00+03:00", "2026-W48"], // the UTC date decides, not the author's zone
  ])("%s is %s", (iso, week) => {
    expect(isoWeek(iso)).toBe(week);
  });
  it("is undefined for an unreadable date", () => {
    expect(isoWeek("yesterday")).toBeUndefined();
  });
  it("gives back the Monday a week starts on", () => {
    expect(isoWeekStart("2026-W48")).toBe("2026-11-23");
    expect(isoWeekStart("2020-W53")).toBe("2020-12-28");
    expect(isoWeek(`${isoWeekStart("2025-W01")}T00:00:00Z`)).toBe("2025-W01");
  });
});

describe("business hours", () => {
  it("default to 09:00-18:00 Monday to Friday UTC", () => {
    expect(businessHoursOrDefault(undefined)).toBe(DEFAULT_BUSINESS_HOURS);
    expect(isOffHours("2026-11-23T09:00:00Z", DEFAULT_BUSINESS_HOURS)).toBe(false); // Monday 09:00
    expect(isOffHours("2026-11-23T17:59:00Z", DEFAULT_BUSINESS_HOURS)).toBe(false);
    expect(isOffHours("2026-11-23T18:00:00Z", DEFAULT_BUSINESS_HOURS)).toBe(true); // end is exclusive
    expect(isOffHours("2026-11-28T12:00:00Z", DEFAULT_BUSINESS_HOURS)).toBe(true); // Saturday
  });
  it("follow the configured time zone", () => {
    const berlin = { timezone: "Europe/Berlin", days: ["mon", "tue", "wed", "thu", "fri"] as const, start: "09:00", end: "18:00" };
    // 08:30 UTC is 09:30 in Berlin in winter.
    expect(isOffHours("2026-11-23T08:30:00Z", { ...berlin, days: [...berlin.days] })).toBe(false);
    expect(isOffHours("2026-11-23T17:30:00Z", { ...berlin, days: [...berlin.days] })).toBe(true);
  });
});
