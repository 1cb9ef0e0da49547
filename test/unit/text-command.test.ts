import { describe, expect, it } from "vitest";
import { commands } from "../../commands/index.js";
import { parseLine } from "../../src/platforms/console/parse-line.js";
import { readTextInvocation, tokenize } from "../../src/platforms/text-command.js";

const command = (name: string) => commands.find((c) => c.name === name);

describe("commands typed as text", () => {
  it("given quoted values, then they stay one argument", () => {
    expect(tokenize(`role="Product manager" bio='大阪 在住' city=Kyoto`)).toEqual(["role=Product manager", "bio=大阪 在住", "city=Kyoto"]);
  });

  it("given a Slack mention, then the option receives it as typed, for the port to read", () => {
    expect(readTextInvocation(command("profile"), tokenize("<@U024BE7LH|aiko>"))).toEqual({
      subcommand: undefined, options: { member: "<@U024BE7LH|aiko>" }, formAnswers: {},
    });
  });

  it("given a subcommand with named and positional options, then each lands on its option", () => {
    const result = readTextInvocation(command("musubi"), tokenize("setup <#C1|intros> time_zone=Asia/Tokyo"));
    expect(result).toEqual({ subcommand: "setup", options: { intro_channel: "<#C1|intros>", time_zone: "Asia/Tokyo" }, formAnswers: {} });
  });

  it("given key=value answers to a command that opens a form, then they are kept as the form's answers", () => {
    const result = readTextInvocation(command("intro"), tokenize("industry=it role=PM"));
    expect(result.formAnswers).toEqual({ industry: "it", role: "PM" });
  });

  it("given several words for an option that takes the rest, then they stay one value", () => {
    expect(readTextInvocation(command("offers"), tokenize("code review 面接")).options).toEqual({ query: "code review 面接" });
    expect(readTextInvocation(command("offers"), tokenize("")).options).toEqual({});
  });

  it("given console lines, then speaker, command and directives are read", () => {
    expect(parseLine("@ken /profile @aiko")).toEqual({ type: "command", speaker: "ken", name: "profile", args: ["@aiko"] });
    expect(parseLine(":join @yui")).toEqual({ type: "join", member: "yui" });
    expect(parseLine("@yui :press form:intro:0")).toEqual({ type: "press", speaker: "yui", actionId: "form:intro:0", answers: {} });
    expect(parseLine('@yui :press 学びを共有する takeaway="境界づけられたコンテキスト"')).toEqual({
      type: "press", speaker: "yui", actionId: "学びを共有する", answers: { takeaway: "境界づけられたコンテキスト" },
    });
    expect(parseLine("hello")).toMatchObject({ type: "invalid" });
    expect(parseLine("# a comment")).toEqual({ type: "empty" });
  });
});
