import { createRequire } from "node:module";
import { dirname, extname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";

// Work that would hold the event loop for long (the pairing engine on a large pool, pictures) runs
// in a worker thread, started for the task and ended after it: an idle process keeps no second
// heap. From the TypeScript sources (tsx, vitest) the worker registers tsx's loader before it
// imports the task; from the build (`npm run build`) it imports plain JavaScript.

/** The module `name` beside the module at `from` (an import.meta.url): .ts from the sources, .js from the build. */
export function moduleBeside(from: string, name: string): URL {
  return new URL(`./${name}${extname(fileURLToPath(from))}`, from);
}

/** The worker's whole program: its task module's export `task`, called with `input`; the answer is posted back. */
const WORKER_PROGRAM = `
const { parentPort, workerData } = require("node:worker_threads");
(async () => {
  const { loader, module, task, input } = workerData;
  if (loader) (await import(loader)).register();
  const exports = await import(module);
  parentPort.postMessage(await exports[task](input));
})();
`;

/**
 * tsx's ESM API (its export "tsx/esm/api", found through its package.json: require() would give the
 * CommonJS build, which cannot register the ESM loader in a worker).
 */
function tsLoader(module: URL): string | undefined {
  if (!module.pathname.endsWith(".ts")) return undefined;
  const require = createRequire(import.meta.url);
  const manifest = require.resolve("tsx/package.json");
  const { exports } = require(manifest) as { exports: Record<string, { import: { default: string } }> };
  return pathToFileURL(join(dirname(manifest), exports["./esm/api"]!.import.default)).href;
}

/**
 * Runs `task` (an exported function of `module`, given plain data that can be cloned) in a worker
 * thread and resolves with its answer; rejects with the worker's error.
 */
export function runOffThread<Input, Output>(module: URL, task: string, input: Input): Promise<Output> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_PROGRAM, { eval: true, workerData: { loader: tsLoader(module), module: module.href, task, input } });
    let answered = false;
    worker.once("message", (output: Output) => {
      answered = true;
      resolve(output);
      void worker.terminate();
    });
    worker.once("error", reject);
    worker.once("exit", (code) => {
      if (!answered) reject(new Error(`worker for ${task} stopped (exit code ${code}) without an answer`));
    });
  });
}
