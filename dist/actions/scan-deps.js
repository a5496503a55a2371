// actions/scan-deps/action.yml runs this file; the code is in the bundle shared by all the actions.
import { run } from './index.js';
await run('scan-deps');
