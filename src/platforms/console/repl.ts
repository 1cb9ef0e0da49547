import { createInterface, type Interface } from "node:readline";
import { readFile } from "node:fs/promises";
import type { FormView } from "../../app/reply.js";
import { createConsoleAdapter, type ConsoleOptions } from "./adapter.js";

const ORGANIZER = "organizer";

export type ConsoleSession = Pick<ConsoleOptions, "musubi" | "port" | "print" | "buttonAction" | "speaking" | "clock" | "runDueJobs" | "filesDir">;

/** Script mode: every line of FILE is said in turn; each line and its answers are printed. */
export async function runScript(session: ConsoleSession, file: string): Promise<void> {
  const { print } = session;
  const adapter = createConsoleAdapter({ ...session, organizers: [ORGANIZER], defaultSpeaker: ORGANIZER });
  for (const line of (await readFile(file, "utf8")).split("\n")) {
    if (line.trim() === "") continue;
    print(line.startsWith("#") ? line : `> ${line}`);
    await adapter.handleLine(line);
  }
}

/**
 * Lines typed at the terminal, handed out one at a time: the command loop and a form's
 * questions read from the same queue, so piped input works as well as typing.
 */
function lineReader(rl: Interface) {
  const buffered: string[] = [];
  const waiting: ((line: string | undefined) => void)[] = [];
  let closed = false;
  rl.on("line", (line) => {
    const next = waiting.shift();
    if (next) next(line);
    else buffered.push(line);
  });
  rl.on("close", () => {
    closed = true;
    for (const next of waiting.splice(0)) next(undefined);
  });
  return (prompt: string): Promise<string | undefined> => {
    process.stdout.write(prompt);
    if (buffered.length > 0) return Promise.resolve(buffered.shift());
    if (closed) return Promise.resolve(undefined);
    return new Promise((resolve) => waiting.push(resolve));
  };
}

/** The REPL: type commands as the local organizer, or as anyone with `@name /command`. */
export async function runRepl(session: ConsoleSession): Promise<void> {
  const rl = createInterface({ input: process.stdin, terminal: false });
  const read = lineReader(rl);
  const { print } = session;
  const adapter = createConsoleAdapter({
    ...session,
    organizers: [ORGANIZER],
    defaultSpeaker: ORGANIZER,
    askForm: (form) => askForm(read, form),
  });
  print("musubi console: you are @organizer of a local community. Try /help, /intro, or `@ken /intro`.");
  print("`:join @name` adds a member; `:press ACTION` presses a button; `:time ISO` moves the clock; Ctrl+D quits.");
  for (let line = await read("musubi> "); line !== undefined; line = await read("musubi> ")) {
    await adapter.handleLine(line);
  }
  rl.close();
  print("");
}

async function askForm(read: (prompt: string) => Promise<string | undefined>, form: FormView) {
  console.log(`${form.title} (Enter keeps the current answer)`);
  const answers: Record<string, string> = {};
  for (const field of form.pages.flat()) {
    if (field.choices) console.log(`  ${field.choices.map((c) => `${c.value}=${c.label}`).join("  ")}`);
    const current = field.value === undefined ? "" : [field.value].flat().join(", ");
    const answer = await read(`${field.label}${field.required ? " *" : ""}${current ? ` [${current}]` : ""}: `);
    if (answer === undefined) return undefined;
    answers[field.id] = answer.trim() || current;
  }
  return answers;
}
