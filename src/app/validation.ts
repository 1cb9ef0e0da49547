import type { z } from "zod";
import { isMessageKeyWith, listAlternatives, type Locale, type PlainMessageKey, type Translate } from "../i18n/index.js";

export type FieldErrors = Record<string, string>;

export interface FieldNaming {
  label(field: string): string;
  /** Localized labels of an enum field's choices, for "choose A, B, or C". */
  choices?(field: string): string[] | undefined;
}

/**
 * A command's options named as the member reads them: by their localized labels, and a choice by
 * its label with the value to type where they differ ("日本語（ja）").
 */
export function optionNaming(
  ctx: { t: Translate; locale: Locale },
  options: Record<string, { label: PlainMessageKey; choices?: readonly { value: string; label: Record<Locale, string> }[] }>,
): FieldNaming {
  return {
    label: (name) => (options[name] ? ctx.t(options[name].label) : name),
    choices: (name) => options[name]?.choices?.map(({ value, label }) =>
      (label[ctx.locale] === value ? value : ctx.t("common.choice", { label: label[ctx.locale], value }))),
  };
}

/**
 * Turns zod's issues into one localized sentence per field, the first problem of each field.
 * Schemas use zod's own checks (min, max, enum); a custom message is a catalogue key.
 */
export function describeIssues(error: z.ZodError, { t, locale }: { t: Translate; locale: Locale }, naming: FieldNaming): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "");
    if (field in errors) continue;
    const label = naming.label(field);
    const choices = naming.choices?.(field);
    errors[field] = describeIssue(issue, label, t, choices && listAlternatives(locale, choices));
  }
  return errors;
}

function describeIssue(issue: z.core.$ZodIssue, field: string, t: Translate, choices?: string): string {
  if (issue.message === "itemTooLong" && issue.code === "too_big") {
    return t("error.itemTooLong", { field, max: Number(issue.maximum) });
  }
  switch (issue.code) {
    case "too_small": {
      const min = Number(issue.minimum);
      if (issue.origin === "number") return t("error.tooSmall", { field, min });
      if (issue.origin === "array") return t(min <= 1 ? "error.required" : "error.tooFew", { field, min });
      return t(min <= 1 ? "error.required" : "error.tooShort", { field, min });
    }
    case "too_big": {
      const key = issue.origin === "array" ? "error.tooMany" : issue.origin === "number" ? "error.tooLarge" : "error.tooLong";
      return t(key, { field, max: Number(issue.maximum) });
    }
    case "invalid_value":
    case "invalid_union":
      return choices ? t("error.choice", { field, choices }) : t("error.invalid", { field });
    case "invalid_type":
      return issue.input === undefined || issue.input === "" ? t("error.required", { field }) : t("error.invalid", { field });
    default:
      return isMessageKeyWith(issue.message, ["field", "value"])
        ? t(issue.message, { field, value: String(issue.input ?? "") })
        : t("error.invalid", { field });
  }
}
