import fc from "fast-check";

// Generated inputs explore anew on every local run; CI sets FC_SEED so its run is the same each time
// (a failure prints its seed: FC_SEED=<seed> npm test reproduces it).
if (process.env.FC_SEED) fc.configureGlobal({ seed: Number(process.env.FC_SEED) });
