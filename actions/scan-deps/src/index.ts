import { runAction } from '@secure-factory/action-runtime';
import { readInputs } from './inputs.js';
import { run } from './main.js';
import { runRescan } from './rescan.js';
import { runReview } from './review.js';

await runAction(async () => {
  const inputs = readInputs();
  if (inputs.rescan.length > 0) await runRescan(inputs);
  else if (inputs.review) await runReview(inputs, inputs.review);
  else await run(inputs);
});
