import { createInterface, type Interface } from "node:readline/promises";
import { readFile } from "node:fs/promises";
import type { Musubi } from "../../app/dispatcher.js";
import type { FormView } from "../../app/reply.js";
import { createConsoleAdapter } from "./adapter.js";

const ORGANIZER = "organizer";

/** Script mode: every line of FILE is said in turn; each line and its answers are printed. */
export async function runScript(musubi: Musubi, file: string, print: (line: string) => void): Promise<void> {
  const adapter = createConsoleAdapter({ musubi, print, organizers: [ORGANIZER], defaultSpeaker: ORGANIZER });
  for (const line of (await readFile(file, "utf8")).split("\n")) {
    if (line.trim() === "") continue;
    print(line.startsWith("#") ? line : `> ${line}`);
    await adapter.handleLine(line);
  }
}

/** The REPL: type commands as the local organizer, or as anyone with `@name /command`. */
export async function runRepl(musubi: Musubi): Promise<void> {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  const print = (line: string) => console.log(line);
  const adapter = createConsoleAdapter({
    musubi,
    print,
    organizers: [ORGANIZER],
    defaultSpeaker: ORGANIZER,
    askForm: (form) => askForm(rl, form),
  });
  print("musubi console: you are @organizer of a local community. Try /help, /intro, or `@ken /intro`.");
  print("`:join @name` adds a member; `:press ACTION` presses a button; Ctrl+D quits.");
  rl.setPrompt("musubi> ");
  rl.prompt();
  for await (const line of rl) {
    await adapter.handleLine(line);
    rl.prompt();
  }
}

async function askForm(rl: Interface, form: FormView): Promise<Record<string, string>> {
  console.log(`${form.title} (Enter keeps the current answer)`);
  const answers: Record<string, string> = {};
  for (const field of form.pages.flat()) {
    if (field.choices) console.log(`  ${field.choices.map((c) => `${c.value}=${c.label}`).join("  ")}`);
    const current = field.value === undefined ? "" : [field.value].flat().join(", ");
    const answer = await rl.question(`${field.label}${field.required ? " *" : ""}${current ? ` [${current}]` : ""}: `);
    answers[field.id] = answer.trim() || current;
  }
  return answers;
}
