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
 * A destination that blanks every known secret value in each line before writing it, so a token
 * quoted inside an error message or a URL is caught too, not just the keys listed above.
 */
function scrubbing(secrets: string[], target: DestinationStream): DestinationStream {
  const values = secrets.filter((secret) => secret.length >= 6);
  const pattern = new RegExp([...values.map((v) => v.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")), SLACK_TOKEN].join("|"), "g");
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      target.write(chunk.toString("utf8").replace(pattern, "[REDACTED]"));
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
