import { runAction } from '@secure-factory/action-runtime';
import { readInputs } from './inputs.js';
import { run } from './main.js';

await runAction(async () => {
  await run(readInputs());
});
