import { handler, type CommandDefinition } from "../src/app/command.js";
import { form, type FieldDefinition } from "../src/app/forms.js";
import { currentIntroAnswers, saveIntro } from "../src/app/intro/save-intro.js";
import {
  INDUSTRIES,
  MEETING_PREFERENCES,
  PROFILE_LIMITS,
  SENIORITY_LEVELS,
  SPOKEN_LANGUAGES,
  introFormSchema,
} from "../src/core/profile.js";

const tagField = (id: "interests" | "canOffer" | "lookingFor", required: boolean): FieldDefinition => ({
  id,
  label: `intro.field.${id}`,
  kind: "text",
  required,
  maxLength: PROFILE_LIMITS.tagList,
  placeholder: `intro.placeholder.${id}`,
});

/** Two pages of five: a Discord modal holds five fields. Slack and the console show them as one. */
const introForm = form({
  id: "intro",
  permission: "member",
  title: "intro.formTitle",
  pageTitle: "intro.formTitlePage",
  invalidMessage: "intro.invalid",
  schema: introFormSchema,
  pages: [
    [
      { id: "industry", label: "intro.field.industry", kind: "select", required: true,
        choices: INDUSTRIES.map((value) => ({ value, label: `industry.${value}` as const })) },
      { id: "role", label: "intro.field.role", kind: "text", required: true, maxLength: PROFILE_LIMITS.role,
        placeholder: "intro.placeholder.role" },
      { id: "seniority", label: "intro.field.seniority", kind: "select", required: true,
        choices: SENIORITY_LEVELS.map((value) => ({ value, label: `seniority.${value}` as const })) },
      tagField("canOffer", true),
      tagField("lookingFor", true),
    ],
    [
      tagField("interests", false),
      { id: "languages", label: "intro.field.languages", kind: "multiselect", required: true,
        choices: SPOKEN_LANGUAGES.map((value) => ({ value, label: `language.${value}` as const })) },
      { id: "city", label: "intro.field.city", kind: "text", required: false, maxLength: PROFILE_LIMITS.city,
        placeholder: "intro.placeholder.city" },
      { id: "meetingPreference", label: "intro.field.meetingPreference", kind: "select", required: true,
        choices: MEETING_PREFERENCES.map((value) => ({ value, label: `meeting.${value}` as const })) },
      { id: "bio", label: "intro.field.bio", kind: "paragraph", required: false, maxLength: PROFILE_LIMITS.bio,
        placeholder: "intro.placeholder.bio" },
    ],
  ],
  initialValues: currentIntroAnswers,
  submit: saveIntro,
});

export const introCommand: CommandDefinition = {
  name: "intro",
  description: "intro.description",
  forms: [introForm],
  handler: handler({
    description: "intro.description",
    permission: "member",
    options: {},
    run: (ctx) => ctx.openForm("intro"),
  }),
};
