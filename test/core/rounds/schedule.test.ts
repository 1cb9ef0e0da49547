import { describe, expect, it } from "vitest";
import { parseSessionStart, sessionStarts } from "../../../src/core/rounds/index.js";

const utc = (iso: string) => new Date(iso);
// Wednesday 2026-11-18 12:00 in Tokyo; Tuesday 2026-11-17 22:00 in New York.
const now = utc("2026-11-18T03:00:00Z");
const tokyo = { zone: "Asia/Tokyo", now };
const newYork = { zone: "America/New_York", now };

function startOf(text: string, options: { zone: string; now: Date }): string {
  const parsed = parseSessionStart(text, options);
  if (!parsed.ok) throw new Error(`"${text}" was refused: ${parsed.reason}`);
  return parsed.at.toISOString();
}

describe("reading the first session's start in Japanese", () => {
  it.each([
    ["12月5日 19:30", "2026-12-05T10:30:00.000Z"],
    ["12月5日19時半", "2026-12-05T10:30:00.000Z"],
    ["2026年12月5日 19:30", "2026-12-05T10:30:00.000Z"],
    ["12月5日 午後7時半", "2026-12-05T10:30:00.000Z"],
    ["１２月５日　１９：３０", "2026-12-05T10:30:00.000Z"],
    ["明日 20:00", "2026-11-19T11:00:00.000Z"],
  ])("given Tokyo, then “%s” is %s", (text, expected) => {
    expect(startOf(text, tokyo)).toBe(expected);
  });

  it("given 来週金曜 on a Wednesday, then it is the Friday of next week, not the coming Friday", () => {
    expect(startOf("来週金曜 19時", tokyo)).toBe("2026-11-27T10:00:00.000Z");
    expect(startOf("今週金曜 19時", tokyo)).toBe("2026-11-20T10:00:00.000Z");
    expect(startOf("再来週の金曜日 19:00", tokyo)).toBe("2026-12-04T10:00:00.000Z");
  });

  it("given a month and day already passed this year, then it is that day next year", () => {
    expect(startOf("11月1日 19:00", tokyo)).toBe("2027-11-01T10:00:00.000Z");
  });
});

describe("reading the first session's start in English", () => {
  it.each([
    ["next Friday 7pm", "2026-11-28T00:00:00.000Z"],
    ["Dec 5 7:30pm", "2026-12-06T00:30:00.000Z"],
    ["5 Dec 19:30", "2026-12-06T00:30:00.000Z"],
  ])("given New York, then “%s” is %s", (text, expected) => {
    expect(startOf(text, newYork)).toBe(expected);
  });

  it("given New York late on Tuesday while it is already Wednesday in UTC, then tomorrow is Wednesday local", () => {
    expect(startOf("tomorrow 20:00", newYork)).toBe("2026-11-19T01:00:00.000Z");
  });

  it("given a date after the spring change typed in winter, then the summer offset applies", () => {
    // 19:00 EDT (UTC-4) although it is EST (UTC-5) when the form is filled in.
    expect(startOf("Mar 20 7pm", newYork)).toBe("2027-03-20T23:00:00.000Z");
  });

  it("given an explicit zone in the text, then it wins over the round's zone", () => {
    expect(startOf("Dec 5 7pm JST", newYork)).toBe("2026-12-05T10:00:00.000Z");
  });
});

describe("reading numeric and ISO starts", () => {
  it.each(["2026-12-05 19:30", "2026/12/05 19:30", "2026-12-05T19:30", "2026-12-5 19:30:00"])(
    "given “%s”, then it is 19:30 in the round's zone, not the machine's",
    (text) => {
      expect(startOf(text, tokyo)).toBe("2026-12-05T10:30:00.000Z");
      expect(startOf(text, newYork)).toBe("2026-12-06T00:30:00.000Z");
    },
  );

  it("given an ISO time with an offset, then the offset is kept whatever the round's zone", () => {
    expect(startOf("2026-12-05T19:30:00+09:00", newYork)).toBe("2026-12-05T10:30:00.000Z");
    expect(startOf("2026-12-05T10:30:00Z", tokyo)).toBe("2026-12-05T10:30:00.000Z");
  });

  it("given a time skipped by the spring change, then it moves forward by the hour skipped", () => {
    expect(startOf("2027-03-14 02:30", newYork)).toBe("2027-03-14T07:30:00.000Z");
  });

  it("given a time that happens twice at the autumn change, then it is the first of the two", () => {
    expect(startOf("2026-11-01 01:30", { zone: "America/New_York", now: utc("2026-10-01T00:00:00Z") })).toBe(
      "2026-11-01T05:30:00.000Z",
    );
  });
});

describe("refusing a start", () => {
  it.each([
    ["12月5日", "noTime"],
    ["Dec 5", "noTime"],
    ["2026-12-05", "noTime"],
    ["next Friday", "noTime"],
    ["2026-11-17 21:00", "past"],
    ["2025-12-05 19:30", "past"],
    ["2026年1月5日 19:30", "past"],
    ["someday", "unreadable"],
    ["", "unreadable"],
    ["2026-13-05 19:30", "unreadable"],
    ["2026-02-30 19:30", "unreadable"],
  ])("given “%s” in New York, then it is refused as %s", (text, reason) => {
    expect(parseSessionStart(text, newYork)).toEqual({ ok: false, reason });
  });
});

describe("the dates of a round's sessions", () => {
  const iso = (dates: Date[]) => dates.map((date) => date.toISOString());

  it("given weekly sessions in New York across the end of daylight saving, then each starts at 19:00 local", () => {
    // DST ends on 2026-11-01: 19:00 EDT is 23:00 UTC, 19:00 EST is 00:00 UTC the next day.
    const starts = sessionStarts({ first: utc("2026-10-22T23:00:00Z"), zone: "America/New_York", cadence: "weekly", count: 3 });
    expect(iso(starts)).toEqual(["2026-10-22T23:00:00.000Z", "2026-10-29T23:00:00.000Z", "2026-11-06T00:00:00.000Z"]);
  });

  it("given sessions every two weeks in New York across the start of daylight saving, then each starts at 19:00 local", () => {
    const starts = sessionStarts({ first: utc("2027-03-05T00:00:00Z"), zone: "America/New_York", cadence: "biweekly", count: 2 });
    expect(iso(starts)).toEqual(["2027-03-05T00:00:00.000Z", "2027-03-18T23:00:00.000Z"]);
  });

  it("given weekly sessions in Tokyo, then every one is at the same UTC time", () => {
    const starts = sessionStarts({ first: utc("2026-10-22T10:00:00Z"), zone: "Asia/Tokyo", cadence: "weekly", count: 4 });
    expect(iso(starts)).toEqual([
      "2026-10-22T10:00:00.000Z",
      "2026-10-29T10:00:00.000Z",
      "2026-11-05T10:00:00.000Z",
      "2026-11-12T10:00:00.000Z",
    ]);
  });

  it("given monthly sessions from 31 January, then short months take their last day and long months get the 31st back", () => {
    const starts = sessionStarts({ first: utc("2027-01-31T10:00:00Z"), zone: "Asia/Tokyo", cadence: "monthly", count: 5 });
    expect(iso(starts)).toEqual([
      "2027-01-31T10:00:00.000Z",
      "2027-02-28T10:00:00.000Z",
      "2027-03-31T10:00:00.000Z",
      "2027-04-30T10:00:00.000Z",
      "2027-05-31T10:00:00.000Z",
    ]);
  });

  it("given monthly sessions from 31 January of a leap year, then February's is on the 29th", () => {
    const starts = sessionStarts({ first: utc("2028-01-31T10:00:00Z"), zone: "Asia/Tokyo", cadence: "monthly", count: 3 });
    expect(iso(starts)).toEqual(["2028-01-31T10:00:00.000Z", "2028-02-29T10:00:00.000Z", "2028-03-31T10:00:00.000Z"]);
  });

  it("given monthly sessions at the month's end late in the evening in New York, then the local date is kept, not the UTC one", () => {
    // 31 October 21:00 EDT is 1 November in UTC.
    const starts = sessionStarts({ first: utc("2026-11-01T01:00:00Z"), zone: "America/New_York", cadence: "monthly", count: 3 });
    expect(iso(starts)).toEqual(["2026-11-01T01:00:00.000Z", "2026-12-01T02:00:00.000Z", "2027-01-01T02:00:00.000Z"]);
  });

  it("given weekly 02:30 sessions in New York over the spring change, then only the skipped day moves to 03:30", () => {
    const starts = sessionStarts({ first: utc("2027-03-07T07:30:00Z"), zone: "America/New_York", cadence: "weekly", count: 3 });
    expect(iso(starts)).toEqual(["2027-03-07T07:30:00.000Z", "2027-03-14T07:30:00.000Z", "2027-03-21T06:30:00.000Z"]);
  });

  it("given weekly 01:30 sessions in New York over the autumn change, then the doubled hour takes its first occurrence", () => {
    const starts = sessionStarts({ first: utc("2026-10-25T05:30:00Z"), zone: "America/New_York", cadence: "weekly", count: 3 });
    expect(iso(starts)).toEqual(["2026-10-25T05:30:00.000Z", "2026-11-01T05:30:00.000Z", "2026-11-08T06:30:00.000Z"]);
  });

  it("given a round held once, then there is one session whatever the count", () => {
    expect(sessionStarts({ first: utc("2026-12-05T10:30:00Z"), zone: "Asia/Tokyo", cadence: "once", count: 5 })).toHaveLength(1);
  });
});
