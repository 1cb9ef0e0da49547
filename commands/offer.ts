import { onAction } from "../src/app/actions.js";
import { handler, option, type CommandDefinition } from "../src/app/command.js";
import { form, type FormDefinition } from "../src/app/forms.js";
import { offerActions } from "../src/app/offers/actions.js";
import { browsePosts, closePost, extendPost } from "../src/app/offers/manage.js";
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
    permission: "member",
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
  actions: [
    onAction(offerActions.respond, (ctx, { postId }) => respondToPost(ctx, postId)),
    onAction(offerActions.close, (ctx, { postId }) => closePost(ctx, postId)),
    onAction(offerActions.extend, (ctx, { postId }) => extendPost(ctx, postId)),
  ],
};

export const askCommand: CommandDefinition = postCommand("ask");

export const offersCommand: CommandDefinition = {
  name: "offers",
  description: "offers.description",
  handler: handler({
    description: "offers.description",
    permission: "member",
    options: {
      query: option.string({ label: "offers.label.query", description: "offers.option.query", maxLength: 100, rest: true }),
    },
    run: (ctx, input) => browsePosts(ctx, input.query ?? ""),
  }),
};
