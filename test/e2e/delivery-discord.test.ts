// A delivery resent after Discord has forgotten its nonce (a process killed mid-round is taken
// over only when its lease runs out, minutes later) still arrives once: the port finds its
// earlier post among the channel's recent messages. Real discord.js REST against the fake.
import { Client } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { discordPort } from "../../src/platforms/discord/port.js";
import type { PlatformPort } from "../../src/port/port.js";
import { startFakeDiscord, type FakeDiscord } from "../fakes/discord.js";

const GUILD = "951000000000000001";
const CHANNEL = "951000000000000010";

let fake: FakeDiscord;
let client: Client;
let port: PlatformPort;

beforeAll(async () => {
  fake = await startFakeDiscord({ guilds: [{ id: GUILD, name: "Meetup", owner_id: "951000000000000099", channels: [{ id: CHANNEL, name: "pairing" }] }] });
  client = new Client({ intents: [], rest: { api: fake.apiUrl } });
  client.rest.setToken("test-token");
  port = discordPort(client);
});

afterAll(async () => {
  await client?.destroy();
  await fake?.close();
});

const posted = () => (fake.messages.get(CHANNEL) ?? []).map((m) => m.content as string);

describe("deliveries on Discord", () => {
  it("given a message resent after Discord forgot its nonce, then the earlier post is found and nothing is posted twice", async () => {
    const first = await port.postMessage(CHANNEL, { text: "今回のペアが決まりました！🎉" }, { idempotencyKey: "round:1:announce", retrying: false });
    await port.postMessage(CHANNEL, { text: "別のお知らせ" }, { idempotencyKey: "round:1:other", retrying: false });
    fake.forgetNonces();
    const again = await port.postMessage(CHANNEL, { text: "今回のペアが決まりました！🎉" }, { idempotencyKey: "round:1:announce", retrying: true });
    expect(again).toEqual(first);
    expect(posted()).toEqual(["今回のペアが決まりました！🎉", "別のお知らせ"]);
  });

  it("given a resend whose first attempt never reached Discord, then it is posted", async () => {
    fake.forgetNonces();
    const ref = await port.postMessage(CHANNEL, { text: "フォローアップ", cards: [{ title: "どうでしたか？", fields: [] }] }, { idempotencyKey: "round:1:follow-up", retrying: true });
    expect(posted().at(-1)).toBe("フォローアップ");
    expect(fake.messages.get(CHANNEL)!.at(-1)!.id).toBe(ref.messageId);
  });
});
