import { introFormSchema, storedTagsSchema } from "../core/profile.js";

/** An intro as its row holds it (tag lists as JSON), checked on the way out like every read. */
export const storedIntroSchema = introFormSchema.extend({
  interests: storedTagsSchema,
  canOffer: storedTagsSchema,
  lookingFor: storedTagsSchema,
  languages: introFormSchema.shape.languages.out,
});
