/**
 * The one entry of the actions' shared bundle, `dist/actions/` (made by scripts/bundle-actions.mjs).
 * GitHub runs `node <runs.main>` with no arguments, so each action's `runs.main` is a two-line file,
 * `dist/actions/<name>.js`, that calls `run('<name>')`. `run` imports only that action's code (its own
 * chunk, loaded on demand) and the library chunks it shares with the other actions.
 */
export const ACTIONS = ['checkout-verify', 'scan-deps', 'hermetic-build', 'attest', 'gate-deploy'];

/** Runs one action: its `lib/index.js` runs it on import (top-level await of runAction). */
export async function run(name) {
  switch (name) {
    case 'checkout-verify':
      return import('../actions/checkout-verify/lib/index.js');
    case 'scan-deps':
      return import('../actions/scan-deps/lib/index.js');
    case 'hermetic-build':
      return import('../actions/hermetic-build/lib/index.js');
    case 'attest':
      return import('../actions/attest/lib/index.js');
    case 'gate-deploy':
      return import('../actions/gate-deploy/lib/index.js');
    default:
      process.stdout.write(`::error::unknown secure-factory action '${name}' (known: ${ACTIONS.join(', ')})\n`);
      process.exitCode = 1;
  }
}
