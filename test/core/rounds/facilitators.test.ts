import { describe, expect, it } from "vitest";
import { assignFacilitators, type FacilitatedSession } from "../../../src/core/rounds/index.js";

const upcoming = (count: number): FacilitatedSession[] =>
  Array.from({ length: count }, () => ({ held: false, facilitatorId: null }));

describe("who facilitates each session", () => {
  it("given the organizer facilitates, then the organizer leads every session", () => {
    expect(assignFacilitators(upcoming(3), ["ann", "bo"], "organizer", "org")).toEqual(["org", "org", "org"]);
  });

  it("given rotation, then participants take turns in the order they joined", () => {
    expect(assignFacilitators(upcoming(5), ["ann", "bo", "cy"], "rotating", "org")).toEqual(["ann", "bo", "cy", "ann", "bo"]);
  });

  it("given sessions already held, then they keep their facilitator even if that member has left", () => {
    const sessions = [{ held: true, facilitatorId: "cy" }, ...upcoming(2)];
    expect(assignFacilitators(sessions, ["ann", "bo"], "rotating", "org")).toEqual(["cy", "ann", "bo"]);
  });

  it("given a participant left mid-round, then the rotation skips them and continues with who has led least", () => {
    const sessions: FacilitatedSession[] = [
      { held: true, facilitatorId: "ann" },
      { held: true, facilitatorId: "bo" },
      ...upcoming(4),
    ];
    // cy left; dee joined later and has not led yet.
    expect(assignFacilitators(sessions, ["ann", "bo", "dee"], "rotating", "org")).toEqual(["ann", "bo", "dee", "ann", "bo", "dee"]);
  });

  it("given planned but not yet held sessions, then they are planned again", () => {
    const sessions: FacilitatedSession[] = [
      { held: false, facilitatorId: "cy" },
      { held: false, facilitatorId: "ann" },
    ];
    expect(assignFacilitators(sessions, ["ann", "bo"], "rotating", "org")).toEqual(["ann", "bo"]);
  });

  it("given rotation with no participants yet, then the organizer leads", () => {
    expect(assignFacilitators(upcoming(2), [], "rotating", "org")).toEqual(["org", "org"]);
  });
});
