import { runAction } from '@secure-factory/action-runtime';
import { readInputs } from './inputs.js';
import { run } from './main.js';
import { runRescan } from './rescan.js';

await runAction(async () => {
  const inputs = readInputs();
  await (inputs.rescan.length > 0 ? runRescan(inputs) : run(inputs));
});
