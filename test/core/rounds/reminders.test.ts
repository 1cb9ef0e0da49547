import { describe, expect, it } from "vitest";
import { DEFAULT_REMINDER_LEADS, reminderTimes } from "../../../src/core/rounds/index.js";

const start = new Date("2026-12-05T10:30:00Z");
const plan = (now: string) =>
  reminderTimes(start, DEFAULT_REMINDER_LEADS, new Date(now)).map((reminder) => `${reminder.audience}@${reminder.at.toISOString()}`);

describe("reminders before a session", () => {
  it("given a week to go, then the facilitator hears three days before and participants a day and an hour before", () => {
    expect(plan("2026-11-28T00:00:00Z")).toEqual([
      "facilitator@2026-12-02T10:30:00.000Z",
      "participants@2026-12-04T10:30:00.000Z",
      "participants@2026-12-05T09:30:00.000Z",
    ]);
  });

  it("given the round is created two days before, then the facilitator's reminder, already past, is skipped", () => {
    expect(plan("2026-12-03T10:30:00Z")).toEqual(["participants@2026-12-04T10:30:00.000Z", "participants@2026-12-05T09:30:00.000Z"]);
  });

  it("given exactly an hour to go, then no reminder is left", () => {
    expect(plan("2026-12-05T09:30:00Z")).toEqual([]);
  });

  it("given other leads, then they are used", () => {
    const reminders = reminderTimes(start, { participantLeadMinutes: [30], facilitatorLeadMinutes: 120 }, new Date("2026-12-01T00:00:00Z"));
    expect(reminders).toEqual([
      { audience: "facilitator", leadMinutes: 120, at: new Date("2026-12-05T08:30:00Z") },
      { audience: "participants", leadMinutes: 30, at: new Date("2026-12-05T10:00:00Z") },
    ]);
  });
});
