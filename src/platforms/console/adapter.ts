import { mkdir, writeFile } from "node:fs/promises";
import { basename, join } from "node:path";
import type { Actor } from "../../app/context.js";
import type { Musubi } from "../../app/dispatcher.js";
import type { FormView, Outcome } from "../../app/reply.js";
import type { ReplyFile } from "../../port/message.js";
import type { PlatformPort } from "../../port/port.js";
import { readTextInvocation } from "../text-command.js";
import { parseLine } from "./parse-line.js";
import { renderForm, renderReply, shownInline } from "./render.js";

export const CONSOLE_COMMUNITY = { externalId: "local", name: "musubi console" };
export const CONSOLE_CHANNEL = "general";

export interface ConsoleOptions {
  musubi: Musubi;
  print: (line: string) => void;
  /** The console's platform port (see port.ts), printing with the same `print`. */
  port: PlatformPort;
  /** Members with the organizer right. */
  organizers: readonly string[];
  defaultSpeaker: string;
  /** Asks each field of a form in turn (the REPL); without it a form is printed to answer as key=value. */
  askForm?: (form: FormView) => Promise<Record<string, string> | undefined>;
  /** The action of a button shown earlier to `speaker`, by its label: `:press "Skip this round"`. */
  buttonAction?: (label: string, speaker: string) => string | undefined;
  /** Told who says each line, before it runs. */
  speaking?: (speaker: string) => void;
  /** The simulated clock that `:time` moves. */
  clock: { set(at: Date): void };
  /** Runs the jobs due now; called after every line, so scheduled work shows up in order. */
  runDueJobs: () => Promise<unknown>;
  /** Where pictures and other binary files handed to a member are written (the data folder). */
  filesDir?: string;
}

/** The local community: each line is said by a member, and the bot's answers are printed. */
export function createConsoleAdapter(options: ConsoleOptions) {
  const { musubi, print, organizers, port } = options;
  const actorFor = (name: string): Actor => ({
    platform: "console",
    community: CONSOLE_COMMUNITY,
    userId: name,
    displayName: name,
    isOrganizer: organizers.includes(name),
    channelId: CONSOLE_CHANNEL,
  });

  async function show(actor: Actor, outcome: Outcome, answers: Record<string, string>): Promise<void> {
    if (outcome.type === "reply") {
      const saved = new Map<ReplyFile, string>();
      for (const file of outcome.reply.files ?? []) {
        if (shownInline(file) || !options.filesDir) continue;
        const path = join(options.filesDir, basename(file.name));
        await mkdir(options.filesDir, { recursive: true });
        await writeFile(path, file.content);
        saved.set(file, path);
      }
      for (const line of renderReply(outcome.reply, (file) => saved.get(file))) print(line);
      return;
    }
    const values = Object.keys(answers).length > 0 ? answers : await options.askForm?.(outcome.form);
    if (!values) {
      for (const line of renderForm(outcome.form)) print(line);
      return;
    }
    const result = await musubi.submitForm(port, actor, { formId: outcome.form.formId, page: "all", values });
    await show(actor, result.outcome, {});
  }

  async function handle(line: string): Promise<void> {
    const parsed = parseLine(line);
    if ("speaker" in parsed) options.speaking?.(parsed.speaker ?? options.defaultSpeaker);
    switch (parsed.type) {
      case "empty":
        return;
      case "invalid":
        print(`  (not understood: ${parsed.reason})`);
        return;
      case "time":
        options.clock.set(parsed.at);
        print(`  (time is now ${parsed.at.toISOString()})`);
        return;
      case "join":
        await musubi.memberJoined(port, {
          platform: "console", community: CONSOLE_COMMUNITY, userId: parsed.member, displayName: parsed.member,
        });
        return;
      case "press": {
        const actor = actorFor(parsed.speaker ?? options.defaultSpeaker);
        const actionId = options.buttonAction?.(parsed.actionId, actor.userId) ?? parsed.actionId;
        await show(actor, await musubi.action(port, actor, actionId), parsed.answers);
        return;
      }
      case "command": {
        const actor = actorFor(parsed.speaker ?? options.defaultSpeaker);
        const command = musubi.commands.find((c) => c.name === parsed.name);
        const { subcommand, options: commandOptions, formAnswers } = readTextInvocation(command, parsed.args);
        const outcome = await musubi.command(port, actor, { name: parsed.name, subcommand, options: commandOptions });
        await show(actor, outcome, formAnswers);
      }
    }
  }

  return {
    async handleLine(line: string): Promise<void> {
      await handle(line);
      await options.runDueJobs();
    },
  };
}
