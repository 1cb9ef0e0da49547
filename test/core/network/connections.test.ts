import { describe, expect, it } from "vitest";
import { bestAnswer, connectionsOf, met, type Encounter, type ThanksNote } from "../../../src/core/network/index.js";

const DAY = 86_400_000;
const NOW = new Date("2026-12-02T03:00:00Z");
const daysAgo = (n: number) => new Date(NOW.getTime() - n * DAY);

const pairing = (otherId: string | null, ago: number, contextId = `g${ago}`): Encounter =>
  ({ kind: "pairing", at: daysAgo(ago), otherId, contextId, answer: "in_person" });
const exchange = (otherId: string | null, ago: number, helpedBy: "you" | "them"): Encounter =>
  ({ kind: "exchange", at: daysAgo(ago), otherId, contextId: `x${ago}`, title: `post ${ago}`, postKind: "offer", helpedBy });
const session = (otherId: string | null, ago: number): Encounter =>
  ({ kind: "session", at: daysAgo(ago), otherId, contextId: `s${ago}`, roundTitle: "TypeScript study", position: 2 });
const thanks = (fromId: string, toId: string, ago: number): ThanksNote => ({ fromId, toId, at: daysAgo(ago) });

describe("a member's connections", () => {
  it("given encounters with several people in no order, then there is one line per person, the most recent person first, each with their encounters newest first", () => {
    const encounters = [pairing("ken", 40), session("yui", 3), exchange("ken", 10, "them"), pairing("yui", 60), session("ken", 25), pairing("sho", 90)];
    const connections = connectionsOf("aiko", encounters, [], new Set());
    expect(connections.map((c) => c.otherId)).toEqual(["yui", "ken", "sho"]);
    const ken = connections.find((c) => c.otherId === "ken")!;
    expect(ken.encounters.map((e) => `${e.kind}@${(NOW.getTime() - e.at.getTime()) / DAY}`)).toEqual(["exchange@10", "session@25", "pairing@40"]);
    expect(ken.lastAt).toEqual(daysAgo(10));
    expect(connections.find((c) => c.otherId === "yui")!.encounters.map((e) => e.at)).toEqual([daysAgo(3), daysAgo(60)]);
    // The input is left as it was.
    expect(encounters[0]).toEqual(pairing("ken", 40));
  });

  it("given thanks both ways and with other people, then each connection counts the thanks sent to and received from that person only", () => {
    const notes = [
      thanks("aiko", "ken", 5), thanks("aiko", "ken", 4), thanks("ken", "aiko", 3),
      thanks("yui", "aiko", 2), thanks("aiko", "sho", 1),
      // Between two others: not the member's thanks at all.
      thanks("ken", "yui", 1), thanks("yui", "ken", 1),
    ];
    const connections = connectionsOf("aiko", [pairing("ken", 40), pairing("yui", 30)], notes, new Set());
    expect(connections.map(({ otherId, thanksSent, thanksReceived }) => ({ otherId, thanksSent, thanksReceived }))).toEqual([
      { otherId: "yui", thanksSent: 0, thanksReceived: 1 },
      { otherId: "ken", thanksSent: 2, thanksReceived: 1 },
    ]);
  });

  it("given the people both said they would meet again with, then only those connections are mutual", () => {
    const connections = connectionsOf("aiko", [pairing("ken", 40), pairing("yui", 30)], [], new Set(["ken", "someone-never-met"]));
    expect(connections.map(({ otherId, mutual }) => ({ otherId, mutual }))).toEqual([{ otherId: "yui", mutual: false }, { otherId: "ken", mutual: true }]);
    // Someone in the set who was never met gives no line.
    expect(connections).toHaveLength(2);
  });

  it("given encounters with former members, then each stays its own line in time order, never merged, named or counted with anyone", () => {
    const encounters = [pairing(null, 20, "g-a"), pairing("ken", 30), pairing(null, 50, "g-b"), pairing(null, 50, "g-c")];
    const connections = connectionsOf("aiko", encounters, [thanks("aiko", "ken", 1)], new Set(["ken"]));
    expect(connections.map((c) => [c.otherId, c.encounters.length, c.lastAt.getTime()])).toEqual([
      [null, 1, daysAgo(20).getTime()],
      ["ken", 1, daysAgo(30).getTime()],
      [null, 1, daysAgo(50).getTime()],
      [null, 1, daysAgo(50).getTime()],
    ]);
    const former = connections.filter((c) => c.otherId === null);
    expect(former.map((c) => c.encounters[0]!.contextId).sort()).toEqual(["g-a", "g-b", "g-c"]);
    for (const line of former) expect(line).toMatchObject({ mutual: false, thanksSent: 0, thanksReceived: 0 });
  });

  it("given no encounters, then there are no connections, whatever the thanks and mutual wishes say", () => {
    expect(connectionsOf("aiko", [], [thanks("ken", "aiko", 1)], new Set(["ken"]))).toEqual([]);
  });
});

describe("how a pairing went", () => {
  it("given the answers of a group in any order, then the better one counts: in person over online over scheduled over not met", () => {
    expect(bestAnswer(["not_met", "in_person", "online"])).toBe("in_person");
    expect(bestAnswer(["online", "in_person"])).toBe("in_person");
    expect(bestAnswer(["scheduled", "online", "not_met"])).toBe("online");
    expect(bestAnswer(["not_met", "scheduled"])).toBe("scheduled");
    expect(bestAnswer(["scheduled", "not_met"])).toBe("scheduled");
    expect(bestAnswer(["not_met", null])).toBe("not_met");
  });

  it("given nobody answered, then there is no answer, and only in person or online count as met", () => {
    expect(bestAnswer([])).toBeNull();
    expect(bestAnswer([null, null])).toBeNull();
    expect(bestAnswer([null, "online", null])).toBe("online");
    expect([null, "in_person", "online", "scheduled", "not_met"].map((a) => met(a as never))).toEqual([false, true, true, false, false]);
  });
});
