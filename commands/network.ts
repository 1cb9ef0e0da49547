import { z } from "zod";
import { onAction } from "../src/app/actions.js";
import { handler, option, type CommandDefinition } from "../src/app/command.js";
import { form } from "../src/app/forms.js";
import { THANKS_FORM, THANKS_LIMIT, networkActions } from "../src/app/network/actions.js";
import { answerMeetAgain } from "../src/app/network/meet-again.js";
import { notNow, sayHello, switchSuggestions } from "../src/app/network/reconnect.js";
import { showNetwork, showSharedHistory } from "../src/app/network/show.js";
import { openThanks, sendThanks, thanksSchema } from "../src/app/network/thanks.js";
import { localized } from "../src/i18n/index.js";

// /network: the people you have met through musubi (src/app/network/); its buttons answer
// "meet again?", send thanks, and say hello to someone suggested.

const onOff = [{ value: "on", label: localized("network.option.on") }, { value: "off", label: localized("network.option.off") }] as const;

const thanksForm = form({
  id: THANKS_FORM,
  permission: "member",
  title: "network.thanks.formTitle",
  pageTitle: "network.thanks.formTitle",
  invalidMessage: "network.thanks.invalid",
  schema: thanksSchema,
  pages: [[
    { id: "message", label: "network.thanks.field", kind: "text", required: false, maxLength: THANKS_LIMIT, placeholder: "network.thanks.placeholder" },
  ]],
  initialValues: async () => ({}),
  submit: sendThanks,
});

export const networkCommand: CommandDefinition = {
  name: "network",
  description: "network.description",
  forms: [thanksForm],
  handler: handler({
    description: "network.description",
    permission: "member",
    options: {
      member: option.user({ label: "common.label.member", description: "network.option.member" }),
      page: option.integer({ label: "network.label.page", description: "network.option.page", min: 1, max: 1000 }),
      suggestions: option.string({ label: "network.label.suggestions", description: "network.option.suggestions", choices: onOff }),
    },
    run: (ctx, input) => input.suggestions ? switchSuggestions(ctx, input.suggestions === "on")
      : input.member ? showSharedHistory(ctx, input.member) : showNetwork(ctx, input.page ?? 1),
  }),
  actions: [
    onAction(networkActions.page, (ctx, { page }) => showNetwork(ctx, z.coerce.number().int().min(1).catch(1).parse(page))),
    onAction(networkActions.meetAgain, (ctx, { groupId, answer }) => answerMeetAgain(ctx, groupId, answer)),
    onAction(networkActions.thank, openThanks),
    onAction(networkActions.hello, (ctx, { memberId }) => sayHello(ctx, memberId)),
    onAction(networkActions.notNow, (ctx, { memberId }) => notNow(ctx, memberId)),
  ],
};
