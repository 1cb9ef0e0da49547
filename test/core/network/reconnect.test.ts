import { describe, expect, it } from "vitest";
import { RECONNECT_AFTER_DAYS, connectionsOf, reconnectSuggestions, type Encounter } from "../../../src/core/network/index.js";

const DAY = 86_400_000;
const NOW = new Date("2026-12-02T03:00:00Z");
const daysAgo = (n: number) => new Date(NOW.getTime() - n * DAY);

const pairing = (otherId: string | null, at: Date): Encounter => ({ kind: "pairing", at, otherId, contextId: `g-${otherId}-${at.getTime()}`, answer: "online" });
const exchange = (otherId: string, at: Date, helpedBy: "you" | "them"): Encounter =>
  ({ kind: "exchange", at, otherId, contextId: `x-${otherId}`, title: "Excel", postKind: "ask", helpedBy });

const options = (overrides: Partial<Parameters<typeof reconnectSuggestions>[1]> = {}) =>
  ({ now: NOW, excluded: new Set<string>(), offersThatFit: new Map<string, string>(), limit: 10, ...overrides });

describe("whom to reconnect with", () => {
  it("given one person for each reason, all met long ago, then the mutual one comes first, then who helped you, whom you helped, who offers what you seek", () => {
    const long = daysAgo(RECONNECT_AFTER_DAYS + 30);
    const connections = connectionsOf("aiko", [
      pairing("offers", long), exchange("you-helped", long, "you"), pairing("mutual", long), exchange("helped-you", long, "them"),
    ], [], new Set(["mutual"]));
    const suggestions = reconnectSuggestions(connections, options({ offersThatFit: new Map([["offers", "Design mentoring"]]) }));
    expect(suggestions).toEqual([
      { otherId: "mutual", reason: "mutual", lastAt: long },
      { otherId: "helped-you", reason: "helpedYou", lastAt: long },
      { otherId: "you-helped", reason: "youHelped", lastAt: long },
      { otherId: "offers", reason: "offersWhatYouSeek", lastAt: long, offerTitle: "Design mentoring" },
    ]);
  });

  it("given a mutual connection who also helped you, then the stronger reason is given: mutual", () => {
    const long = daysAgo(60);
    const connections = connectionsOf("aiko", [pairing("ken", long), exchange("ken", daysAgo(50), "them")], [], new Set(["ken"]));
    expect(reconnectSuggestions(connections, options()).map((s) => s.reason)).toEqual(["mutual"]);
  });

  it("given several people for the same reason, then the one not met for the longest comes first", () => {
    const connections = connectionsOf("aiko", [pairing("a", daysAgo(40)), pairing("b", daysAgo(90)), pairing("c", daysAgo(60))], [], new Set(["a", "b", "c"]));
    expect(reconnectSuggestions(connections, options()).map((s) => s.otherId)).toEqual(["b", "c", "a"]);
  });

  it(`given people met less than ${RECONNECT_AFTER_DAYS} days ago, then they are not suggested yet, unless they offer what the member seeks`, () => {
    const recent = new Date(NOW.getTime() - RECONNECT_AFTER_DAYS * DAY + 60_000);
    const connections = connectionsOf("aiko", [
      pairing("mutual", recent), exchange("helped-you", recent, "them"), exchange("you-helped", recent, "you"), pairing("offers", recent),
      // Met long ago once, and again recently: the recent meeting counts.
      pairing("again", daysAgo(200)), pairing("again", daysAgo(2)),
    ], [], new Set(["mutual", "again", "offers"]));
    expect(reconnectSuggestions(connections, options())).toEqual([]);
    // A mutual connection met recently who now offers what the member seeks is suggested for the offer.
    expect(reconnectSuggestions(connections, options({ offersThatFit: new Map([["offers", "Code review"]]) }))).toEqual([
      { otherId: "offers", reason: "offersWhatYouSeek", lastAt: recent, offerTitle: "Code review" },
    ]);
  });

  it(`given a meeting exactly ${RECONNECT_AFTER_DAYS} days ago, then it is due`, () => {
    const due = new Date(NOW.getTime() - RECONNECT_AFTER_DAYS * DAY);
    const connections = connectionsOf("aiko", [pairing("ken", due)], [], new Set(["ken"]));
    expect(reconnectSuggestions(connections, options()).map((s) => s.otherId)).toEqual(["ken"]);
  });

  it("given someone met long ago with no mutual wish, no exchange and no fitting offer, then they are not suggested", () => {
    const connections = connectionsOf("aiko", [pairing("ken", daysAgo(100))], [], new Set());
    expect(reconnectSuggestions(connections, options())).toEqual([]);
  });

  it("given excluded members and former members, then they are never suggested, whatever the reason", () => {
    const long = daysAgo(100);
    const connections = connectionsOf("aiko", [
      pairing("snoozed", long), exchange("blocked", long, "them"), pairing(null, long), pairing(null, daysAgo(300)), pairing("ken", long),
    ], [], new Set(["snoozed", "ken"]));
    const suggestions = reconnectSuggestions(connections, options({
      excluded: new Set(["snoozed", "blocked"]), offersThatFit: new Map([["snoozed", "Excel"], ["blocked", "Excel"]]),
    }));
    expect(suggestions.map((s) => s.otherId)).toEqual(["ken"]);
  });

  it("given more people due than the limit, then only the strongest up to the limit are suggested", () => {
    const connections = connectionsOf("aiko", [
      exchange("you-helped", daysAgo(300), "you"), pairing("mutual-1", daysAgo(50)), exchange("helped-you", daysAgo(40), "them"), pairing("mutual-2", daysAgo(45)),
    ], [], new Set(["mutual-1", "mutual-2"]));
    expect(reconnectSuggestions(connections, options({ limit: 3 })).map((s) => s.otherId)).toEqual(["mutual-1", "mutual-2", "helped-you"]);
    expect(reconnectSuggestions(connections, options({ limit: 1 })).map((s) => s.otherId)).toEqual(["mutual-1"]);
    expect(reconnectSuggestions(connections, options({ limit: 0 }))).toEqual([]);
  });
});
