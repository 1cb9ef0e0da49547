import {
  ActionRowBuilder,
  AllowedMentionsTypes,
  ButtonBuilder,
  ButtonStyle,
  EmbedBuilder,
  LabelBuilder,
  ModalBuilder,
  StringSelectMenuBuilder,
  StringSelectMenuOptionBuilder,
  TextInputBuilder,
  TextInputStyle,
  type APIEmbed,
  type AttachmentPayload,
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
} from "discord.js";
import { FORM_PAGE } from "../../app/forms.js";
import type { FormFieldView, FormView, Reply } from "../../app/reply.js";
import { clip } from "../../core/text.js";
import { bytesOf, type Card, type Message } from "../../port/message.js";

const BUTTON_STYLES = { primary: ButtonStyle.Primary, secondary: ButtonStyle.Secondary, danger: ButtonStyle.Danger };

export function renderEmbed(card: Card): APIEmbed {
  const embed = new EmbedBuilder().setTitle(clip(card.title, 256)).setColor(0xd9534f);
  if (card.description) embed.setDescription(clip(card.description, 4096));
  embed.addFields(card.fields.slice(0, 25).map((f) => ({ name: clip(f.name, 256), value: clip(f.value || "—", 1024), inline: f.inline ?? false })));
  if (card.footer) embed.setFooter({ text: clip(card.footer, 2048) });
  return embed.toJSON();
}

/** A message as Discord's API body: content, embeds, and buttons in rows of five. */
export function renderMessage(message: Message): {
  content: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIComponentInMessageActionRow>[];
  allowed_mentions: { parse: AllowedMentionsTypes[] };
} {
  const buttons = message.buttons ?? [];
  const rows: APIActionRowComponent<APIComponentInMessageActionRow>[] = [];
  for (let i = 0; i < buttons.length && rows.length < 5; i += 5) {
    rows.push(
      new ActionRowBuilder<ButtonBuilder>()
        .addComponents(buttons.slice(i, i + 5).map((b) =>
          new ButtonBuilder().setCustomId(b.actionId).setLabel(clip(b.label, 80)).setStyle(BUTTON_STYLES[b.style ?? "secondary"])))
        .toJSON(),
    );
  }
  return {
    content: clip(message.text, 2000),
    embeds: (message.cards ?? []).slice(0, 10).map(renderEmbed),
    components: rows,
    // Members' own text travels in messages: it may notify a user, never @everyone or a role.
    allowed_mentions: { parse: [AllowedMentionsTypes.User] },
  };
}

/** A reply's files as discord.js attachments, for spreading into reply or editReply options. */
export function replyAttachments(reply: Reply): { files?: AttachmentPayload[] } {
  if (!reply.files?.length) return {};
  return { files: reply.files.map((f) => ({ attachment: Buffer.from(bytesOf(f)), name: f.name })) };
}

function renderField(field: FormFieldView): LabelBuilder {
  const label = new LabelBuilder().setLabel(clip(field.label, 45));
  if (field.choices) {
    const selected = new Set([field.value ?? []].flat());
    const select = new StringSelectMenuBuilder()
      .setCustomId(field.id)
      .setRequired(field.required)
      .setMinValues(field.required ? 1 : 0)
      .setMaxValues(field.kind === "multiselect" ? Math.min(field.choices.length, 25) : 1)
      .addOptions(field.choices.slice(0, 25).map((c) =>
        new StringSelectMenuOptionBuilder().setValue(c.value).setLabel(clip(c.label, 100)).setDefault(selected.has(c.value))));
    return label.setStringSelectMenuComponent(select);
  }
  const input = new TextInputBuilder()
    .setCustomId(field.id)
    .setStyle(field.kind === "paragraph" ? TextInputStyle.Paragraph : TextInputStyle.Short)
    .setRequired(field.required);
  // Discord refuses a prefilled value longer than the input allows, so the limit is the schema's own.
  if (field.maxLength) input.setMaxLength(Math.min(field.maxLength, 4000));
  if (field.placeholder) input.setPlaceholder(clip(field.placeholder, 100));
  const value = [field.value ?? []].flat().join(", ");
  if (value) input.setValue(field.maxLength ? value.slice(0, field.maxLength) : value);
  return label.setTextInputComponent(input);
}

/** One page of a form as a modal; its custom id routes the submission back to that page. */
export function renderModal(form: FormView, page: number): ModalBuilder {
  const title = form.pages.length > 1 ? form.pageTitles[page] ?? form.title : form.title;
  return new ModalBuilder()
    .setCustomId(FORM_PAGE.id(form.formId, String(page)))
    .setTitle(clip(title, 45))
    .addLabelComponents((form.pages[page] ?? []).slice(0, 5).map(renderField));
}
