import { Writable } from "node:stream";
import { pino, type DestinationStream, type Logger } from "pino";

export type { Logger };

// Keys whose values are secret wherever they appear in a logged object.
const REDACTED_PATHS = [
  "token", "*.token", "botToken", "*.botToken", "appToken", "*.appToken", "signingSecret",
  "*.signingSecret", "password", "*.password", "authorization", "*.authorization",
  "headers.authorization", "*.headers.authorization", "req.headers.authorization",
  "clientSecret", "*.clientSecret", "stateSecret", "*.stateSecret", "installationKey", "*.installationKey",
];

/**
 * Slack tokens by their shape: each workspace's bot token comes from its installation at run
 * time, so it cannot be listed among the configured secrets.
 */
const SLACK_TOKEN = "xox[abepors]-[A-Za-z0-9-]+";

/**
 * Secrets shorter than this are not looked for in free text (a two-letter password would blank
 * every such pair of letters in every line); they are still blanked as a URL's password.
 */
const FREE_TEXT_SECRET_MIN = 4;

/** A URL's password (`scheme://user:password@host`), whatever its length or form. */
const URL_PASSWORD = /(\b[a-z][a-z0-9+.-]*:\/\/[^:@/\s"]*:)[^@/\s"]+@/gi;

/**
 * Every form a secret can take in a log line: as it is, as JSON writes it inside a string (a `"`,
 * `\` or newline escaped), as a URL carries it (percent-encoded), and each of those once more
 * JSON-escaped (a URL quoted in a message).
 */
function secretForms(secret: string): string[] {
  const json = (text: string) => JSON.stringify(text).slice(1, -1);
  const forms = [secret, json(secret), encodeURIComponent(secret), json(encodeURIComponent(secret))];
  return [...new Set(forms)].filter((form) => form.length >= FREE_TEXT_SECRET_MIN);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * A destination that blanks every known secret value in each line before writing it, so a token
 * quoted inside an error message or a URL is caught too, not just the keys listed above.
 */
function scrubbing(secrets: string[], target: DestinationStream): DestinationStream {
  // Longest first, so a secret that contains another is blanked whole.
  const forms = [...new Set(secrets.flatMap(secretForms))].sort((a, b) => b.length - a.length);
  const pattern = new RegExp([...forms.map(escapeRegExp), SLACK_TOKEN].join("|"), "g");
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      target.write(chunk.toString("utf8").replace(URL_PASSWORD, "$1[REDACTED]@").replace(pattern, "[REDACTED]"));
      done();
    },
  });
}

export function createLogger(options: {
  level: string;
  secrets: string[];
  destination?: DestinationStream;
}): Logger {
  const destination = options.destination ?? pino.destination({ dest: 1, sync: false });
  return pino(
    { level: options.level, redact: { paths: REDACTED_PATHS, censor: "[REDACTED]" }, base: { app: "musubi" } },
    scrubbing(options.secrets, destination),
  );
}
