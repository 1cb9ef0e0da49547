import type { CommandContext } from "../context.js";
import { privateReply, type Outcome } from "../reply.js";

/** `/my-data`: what musubi keeps about the member here, as a short summary and the whole of it as a JSON file. */
export async function showMyData(ctx: CommandContext): Promise<Outcome> {
  const data = await ctx.store.privacy.dataOf(ctx.member.id);
  if (!data) return privateReply(ctx.t("myData.none"));
  const { t } = ctx;
  const lines = [
    t("myData.title"),
    t("myData.profile", { state: t(data.profile ? "myData.yes" : "myData.no") }),
    t("myData.pairing", {
      state: t(data.pairing?.active ? "myData.yes" : "myData.no"), rounds: data.pairings.length, blocks: data.blocks.length,
    }),
    t("myData.posts", { posts: data.posts.length, helped: data.helped.length, helpedBy: data.helpedBy.length }),
    t("myData.thanks", { sent: data.thanksSent.length, received: data.thanksReceived.length }),
    t("myData.rounds", { seats: data.seats.length, sessions: data.attendance.length, takeaways: data.attendance.filter((a) => a.takeaway).length }),
    t("myData.file"),
    t("myData.forget"),
  ];
  return privateReply(lines.join("\n"), {
    files: [{
      name: `musubi-my-data-${ctx.now().toISOString().slice(0, 10)}.json`,
      contentType: "application/json",
      content: `${JSON.stringify({ community: ctx.community.name, exportedAt: ctx.now(), ...data }, null, 2)}\n`,
    }],
  });
}
