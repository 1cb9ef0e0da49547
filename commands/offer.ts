import { form, handler, option, type CommandDefinition, type FormDefinition } from "../src/app/command.js";
import { UserError } from "../src/app/errors.js";
import { closePost, extendPost, listOwnPosts, searchPosts, switchNotices } from "../src/app/offers/manage.js";
import { requireCanPost, submitPost } from "../src/app/offers/post.js";
import { respondToPost } from "../src/app/offers/respond.js";
import { CONTACT_WAYS, POST_LIMITS, postFormSchema, type PostKind } from "../src/core/offers/post.js";

// Offers and asks: /offer and /ask post a card through a form; /offers searches them, lists your
// own (`mine`) and turns fit notices on or off (`notices on|off`). The card's button and the
// buttons of /offers answer a post, close it or extend it.

/** The same form for both kinds; only its wording differs. */
function postForm(kind: PostKind): FormDefinition {
  return form({
    id: kind,
    title: `${kind}.formTitle`,
    pageTitle: `${kind}.formTitle`,
    invalidMessage: `${kind}.invalid`,
    schema: postFormSchema,
    pages: [[
      { id: "title", label: `${kind}.field.title`, kind: "text", required: true, maxLength: POST_LIMITS.title,
        placeholder: `${kind}.placeholder.title` },
      { id: "details", label: "offers.field.details", kind: "paragraph", required: false, maxLength: POST_LIMITS.details,
        placeholder: `${kind}.placeholder.details` },
      { id: "tags", label: "offers.field.tags", kind: "text", required: true, maxLength: POST_LIMITS.tagList,
        placeholder: `${kind}.placeholder.tags` },
      { id: "contact", label: "offers.field.contact", kind: "select", required: false,
        choices: CONTACT_WAYS.map((value) => ({ value, label: `offers.contact.${value}` as const })) },
      { id: "days", label: "offers.field.days", kind: "text", required: false, maxLength: 2, placeholder: "offers.placeholder.days" },
    ]],
    initialValues: async () => ({ contact: "space", days: String(POST_LIMITS.defaultDays) }),
    submit: (ctx, value) => submitPost(ctx, kind, value),
  });
}

function postCommand(kind: PostKind): CommandDefinition {
  return {
    name: kind,
    description: `${kind}.description`,
    forms: [postForm(kind)],
    handler: handler({
      description: `${kind}.description`,
      permission: "member",
      options: {},
      async run(ctx) {
        // Refused before the form opens, so nobody writes a post that cannot be posted.
        await requireCanPost(ctx);
        return ctx.openForm(kind);
      },
    }),
  };
}

export const offerCommand: CommandDefinition = {
  ...postCommand("offer"),
  actions: [{
    // offer:respond:<postId> (card, search, notices) · offer:close:<postId> · offer:extend:<postId> (/offers mine)
    id: "offer",
    async run(ctx, argument) {
      const [verb, postId = ""] = (argument ?? "").split(":");
      if (verb === "respond") return respondToPost(ctx, postId);
      if (verb === "close") return closePost(ctx, postId);
      if (verb === "extend") return extendPost(ctx, postId);
      throw new UserError("common.unknownAction");
    },
  }],
};

export const askCommand: CommandDefinition = postCommand("ask");

/** `mine`, `notices on|off`, else words or a tag to search for (Japanese keywords too). */
const MINE = new Set(["mine", "自分"]);
const NOTICES = /^(?:notices|通知)\s+(on|off|オン|オフ)$/i;

export const offersCommand: CommandDefinition = {
  name: "offers",
  description: "offers.description",
  handler: handler({
    description: "offers.description",
    permission: "member",
    options: {
      query: option.string({ description: "offers.option.query", maxLength: 100, rest: true }),
    },
    async run(ctx, input) {
      const query = input.query?.replace(/\s+/g, " ") ?? "";
      if (MINE.has(query.toLowerCase())) return listOwnPosts(ctx);
      const notices = NOTICES.exec(query);
      if (notices) return switchNotices(ctx, ["on", "オン"].includes(notices[1]!.toLowerCase()));
      return searchPosts(ctx, query);
    },
  }),
};
