/**
 * What a `uses:` reference names, judged offline (zizmor's self-repository, archived-uses,
 * typosquat-uses and superfluous-actions):
 * - self-repository: `./path` is resolved against whatever the workspace holds at run time; GitHub's
 *   `$/path` syntax names the workflow's own repository at its own commit (regular, low, high).
 * - archived-uses: an action or reusable workflow from a repository its owner archived: it gets no
 *   fixes any more (regular, medium, high). The list is this project's own (ARCHIVED_REPOSITORIES),
 *   a subset of zizmor's; `rules.archived-uses.config.repositories` in zizmor.yml adds to it.
 * - typosquat-uses: `owner/repo` one keystroke away (a character omitted, repeated, replaced by a
 *   keyboard neighbour or look-alike, two neighbours swapped) from a popular action of another owner
 *   (regular, high, low confidence offline, as zizmor without a token).
 * - superfluous-actions: actions that wrap what `gh`, `git`, `jq` or `docker` already do on every
 *   runner (informational; some pedantic, as zizmor).
 */
import { parseUses, type Audit, type AuditFile, type Confidence, type Persona, type RawFinding, type Step } from '../model.js';
import type { Node, Pair } from 'yaml';

/** Repositories of actions archived by their owners (public knowledge; zizmor ships a longer list). */
export const ARCHIVED_REPOSITORIES = new Set(
  [
    'actions/create-release',
    'actions/upload-release-asset',
    'actions/setup-ruby',
    'actions/setup-elixir',
    'actions/setup-haskell',
    'actions-rs/toolchain',
    'actions-rs/cargo',
    'actions-rs/audit-check',
    'actions-rs/clippy-check',
    'actions-rs/tarpaulin',
    'actions-rs/install',
    'actions-rs/grcov',
    'actions-rs/components-nightly',
    'actions-rs/meta',
    'pre-commit/mirrors-prettier',
  ].map((s) => s.toLowerCase()),
);

/** Popular actions (owner/repo) that typosquats imitate. */
export const POPULAR_ACTIONS = [
  'actions/checkout',
  'actions/setup-node',
  'actions/setup-python',
  'actions/setup-go',
  'actions/setup-java',
  'actions/setup-dotnet',
  'actions/cache',
  'actions/upload-artifact',
  'actions/download-artifact',
  'actions/github-script',
  'actions/labeler',
  'actions/stale',
  'actions/create-github-app-token',
  'actions/attest-build-provenance',
  'actions/attest',
  'actions/dependency-review-action',
  'actions/configure-pages',
  'actions/deploy-pages',
  'actions/upload-pages-artifact',
  'docker/login-action',
  'docker/build-push-action',
  'docker/setup-buildx-action',
  'docker/setup-qemu-action',
  'docker/metadata-action',
  'github/codeql-action',
  'aws-actions/configure-aws-credentials',
  'azure/login',
  'google-github-actions/auth',
  'google-github-actions/setup-gcloud',
  'hashicorp/setup-terraform',
  'pypa/gh-action-pypi-publish',
  'softprops/action-gh-release',
  'peaceiris/actions-gh-pages',
  'codecov/codecov-action',
  'golangci/golangci-lint-action',
  'goreleaser/goreleaser-action',
  'dtolnay/rust-toolchain',
  'swatinem/rust-cache',
  'ruby/setup-ruby',
  'pnpm/action-setup',
  'astral-sh/setup-uv',
  'sigstore/cosign-installer',
  'slsa-framework/slsa-github-generator',
  'peter-evans/create-pull-request',
  'ossf/scorecard-action',
  'step-security/harden-runner',
  'shivammathur/setup-php',
  'gradle/actions',
  'subosito/flutter-action',
  'JamesIves/github-pages-deploy-action',
].map((s) => s.toLowerCase());

const SUPERFLUOUS: { slug: string; instead: string; persona: Persona; confidence: Confidence }[] = [
  { slug: 'ncipollo/release-action', instead: 'use `gh release` in a script step', persona: 'regular', confidence: 'high' },
  { slug: 'softprops/action-gh-release', instead: 'use `gh release` in a script step', persona: 'regular', confidence: 'high' },
  { slug: 'elgohr/github-release-action', instead: 'use `gh release` in a script step', persona: 'regular', confidence: 'high' },
  { slug: 'peter-evans/create-pull-request', instead: 'use `gh pr create` in a script step', persona: 'pedantic', confidence: 'low' },
  {
    slug: 'peter-evans/create-or-update-comment',
    instead: 'use `gh pr comment` or `gh issue comment` in a script step',
    persona: 'pedantic',
    confidence: 'low',
  },
  { slug: 'dacbd/create-issue-action', instead: 'use `gh issue create` in a script step', persona: 'regular', confidence: 'high' },
  {
    slug: 'actions-ecosystem/action-add-labels',
    instead: 'use `gh issue edit --add-label` or `gh pr edit --add-label` in a script step',
    persona: 'regular',
    confidence: 'high',
  },
  {
    slug: 'actions-ecosystem/action-remove-labels',
    instead: 'use `gh issue edit --remove-label` or `gh pr edit --remove-label` in a script step',
    persona: 'regular',
    confidence: 'high',
  },
  {
    slug: 'svenstaro/upload-release-action',
    instead: 'use `gh release create` and `gh release upload` in a script step',
    persona: 'regular',
    confidence: 'high',
  },
  {
    slug: 'addnab/docker-run-action',
    instead: 'use `docker run` in a script step, or a container step',
    persona: 'regular',
    confidence: 'high',
  },
  { slug: 'sergeysova/jq-action', instead: 'use `jq` in a script step', persona: 'regular', confidence: 'high' },
  { slug: 'dtolnay/rust-toolchain', instead: 'use `rustup` and/or `cargo` in a script step', persona: 'pedantic', confidence: 'medium' },
  {
    slug: 'stefanzweifel/git-auto-commit-action',
    instead: 'use `git add`, `git commit` and `git push` in a script step',
    persona: 'pedantic',
    confidence: 'low',
  },
  {
    slug: 'endbug/add-and-commit',
    instead: 'use `git add`, `git commit` and `git push` in a script step',
    persona: 'pedantic',
    confidence: 'low',
  },
];

/** Every `uses:` of the file: steps (workflow and composite) and reusable-workflow jobs. */
function allUses(f: AuditFile): { value: string; node: Node; pair: Pair<Node, Node | null>; step?: Step; parent: Node | undefined }[] {
  const out: { value: string; node: Node; pair: Pair<Node, Node | null>; step?: Step; parent: Node | undefined }[] = [];
  for (const step of f.steps) if (step.uses) out.push({ ...step.uses, step, parent: step.node });
  for (const job of f.jobs) {
    const pair = f.src.pair(job.node, 'uses');
    const node = pair ? f.src.resolve(pair.value) : undefined;
    const value = f.src.str(node);
    if (pair && node && value !== undefined) out.push({ value, node, pair, parent: job.node });
  }
  return out;
}

function at(node: Node, parent: Node | undefined): Pick<RawFinding, 'range' | 'ignoreRange'> | undefined {
  if (!node.range) return undefined;
  return {
    range: [node.range[0], node.range[1]],
    ...(parent?.range ? { ignoreRange: [parent.range[0], parent.range[1]] as [number, number] } : {}),
  };
}

export const selfRepository: Audit = (f, report) => {
  for (const u of allUses(f)) {
    const v = u.value.trim();
    if (!v.startsWith('./') && v !== '.') continue;
    const loc = at(u.node, u.parent);
    if (!loc) continue;
    report({
      audit: 'self-repository',
      severity: 'low',
      confidence: 'high',
      persona: 'regular',
      message: `use GitHub's dedicated self-repository syntax: \`${v}\` is read from whatever the workspace holds at run time; write \`$${v.slice(1)}\``,
      ...loc,
    });
  }
};

function slugOf(value: string): string | undefined {
  const u = parseUses(value);
  if (u.kind !== 'repository' || !u.owner || !u.repo) return undefined;
  return `${u.owner}/${u.repo}`;
}

/** `repos[].repo` of a pre-commit configuration, with its node (`local`/`meta` have no URL). */
function preCommitRepos(f: AuditFile): { url: string; node: Node; parent: Node }[] {
  if (f.kind !== 'pre-commit') return [];
  const out: { url: string; node: Node; parent: Node }[] = [];
  for (const item of f.src.items(f.src.get(f.root, 'repos'))) {
    const node = f.src.get(item, 'repo');
    const url = f.src.str(node);
    if (node && url !== undefined && url !== 'local' && url !== 'meta') out.push({ url, node, parent: item });
  }
  return out;
}

/** `owner/repo` of a github.com repository URL (`https://github.com/owner/repo(.git)`). */
function githubSlug(url: string): string | undefined {
  const m = /^[a-z+]+:\/\/(?:www\.)?github\.com\/([^/\s]+)\/([^/\s]+?)(?:\.git)?\/?$/i.exec(url.trim());
  return m ? `${m[1]!}/${m[2]!}`.toLowerCase() : undefined;
}

/**
 * insecure-url-scheme (zizmor): a pre-commit repository fetched over `http://` or `git://` (git's
 * plaintext transport) can be swapped in transit. High severity, high confidence, regular.
 */
export const insecureUrlScheme: Audit = (f, report) => {
  for (const r of preCommitRepos(f)) {
    const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(r.url.trim())?.[1]?.toLowerCase();
    const loc = at(r.node, r.parent);
    if ((scheme !== 'http' && scheme !== 'git') || !loc) continue;
    report({
      audit: 'insecure-url-scheme',
      severity: 'high',
      confidence: 'high',
      persona: 'regular',
      message: `use of an insecure scheme within a URL: repository URL uses an insecure scheme: "${scheme}"; use https`,
      ...loc,
    });
  }
};

export const archivedUses: Audit = (f, report) => {
  const extra = new Set((f.config.rules.get('archived-uses')?.repositories ?? []).map((r) => r.toLowerCase()));
  for (const r of preCommitRepos(f)) {
    const slug = githubSlug(r.url);
    const loc = at(r.node, r.parent);
    if (!slug || !loc || !(ARCHIVED_REPOSITORIES.has(slug) || extra.has(slug))) continue;
    report({
      audit: 'archived-uses',
      severity: 'medium',
      confidence: 'high',
      persona: 'regular',
      message: `action or reusable workflow from archived repository: the pre-commit repository ${slug} is archived and receives no fixes; replace it`,
      ...loc,
    });
  }
  for (const u of allUses(f)) {
    const slug = slugOf(u.value);
    if (!slug || !(ARCHIVED_REPOSITORIES.has(slug) || extra.has(slug))) continue;
    const loc = at(u.node, u.parent);
    if (!loc) continue;
    report({
      audit: 'archived-uses',
      severity: 'medium',
      confidence: 'high',
      persona: 'regular',
      message: `action or reusable workflow from archived repository: ${slug} is archived and receives no fixes; replace it`,
      ...loc,
    });
  }
};

const NEIGHBOURS: Record<string, string> = {
  '1': '2q',
  '2': '13qw',
  '3': '24we',
  '4': '35er',
  '5': '46rt',
  '6': '57ty',
  '7': '68yu',
  '8': '79ui',
  '9': '80io',
  '0': '9op',
  q: '12wa',
  w: '23qesa',
  e: '34wrds',
  r: '45etfd',
  t: '56rygf',
  y: '67tuhg',
  u: '78yijh',
  i: '89uokj',
  o: '90iplk',
  p: '0ol',
  a: 'qwsz',
  s: 'weadzx',
  d: 'ersfxc',
  f: 'rtdgcv',
  g: 'tyfhvb',
  h: 'yugjbn',
  j: 'uihknm',
  k: 'iojlm',
  l: 'opk',
  z: 'asx',
  x: 'zsdc',
  c: 'xdfv',
  v: 'cfgb',
  b: 'vghn',
  n: 'bhjm',
  m: 'njk',
  '-': '_.',
  _: '-.',
  '.': '-_',
};
/** Look-alikes: digits for letters and back. */
const HOMOGLYPHS: Record<string, string> = { o: '0', '0': 'o', i: '1l', l: '1i', '1': 'il', e: '3', '3': 'e', a: '4', s: '5', '5': 's' };

/** How `candidate` imitates `popular` in one keystroke, or undefined. */
export function typoOf(candidate: string, popular: string): string | undefined {
  if (candidate === popular) return undefined;
  const cOwner = candidate.split('/')[0];
  const pOwner = popular.split('/')[0];
  // Same owner: a misspelt repository of the same publisher is a broken reference, not a squat.
  if (cOwner === pOwner) return undefined;
  const a = candidate;
  const b = popular;
  if (a.length === b.length - 1) {
    for (let i = 0; i < b.length; i++) if (b.slice(0, i) + b.slice(i + 1) === a) return `omits '${b[i]}'`;
  }
  if (a.length === b.length + 1) {
    for (let i = 0; i < a.length; i++)
      if (a.slice(0, i) + a.slice(i + 1) === b) return a[i] === a[i - 1] || a[i] === a[i + 1] ? `repeats '${a[i]}'` : `inserts '${a[i]}'`;
  }
  if (a.length === b.length) {
    const diff: number[] = [];
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diff.push(i);
    if (diff.length === 1) {
      const i = diff[0]!;
      const want = b.charAt(i);
      const got = a.charAt(i);
      if ((NEIGHBOURS[want] ?? '').includes(got)) return `replaces '${want}' with its keyboard neighbour '${got}'`;
      if ((HOMOGLYPHS[want] ?? '').includes(got)) return `replaces '${want}' with the look-alike '${got}'`;
    }
    if (diff.length === 2 && diff[1] === diff[0]! + 1 && a[diff[0]!] === b[diff[1]] && a[diff[1]] === b[diff[0]!])
      return `swaps '${b[diff[0]!]}${b[diff[1]]}'`;
  }
  return undefined;
}

export const typosquatUses: Audit = (f, report) => {
  for (const u of allUses(f)) {
    const slug = slugOf(u.value);
    if (!slug || POPULAR_ACTIONS.includes(slug)) continue;
    for (const p of POPULAR_ACTIONS) {
      const how = typoOf(slug, p);
      if (!how) continue;
      const loc = at(u.node, u.parent);
      if (loc)
        report({
          audit: 'typosquat-uses',
          severity: 'high',
          confidence: 'low',
          persona: 'regular',
          message: `action reference resembles a popular action: ${slug} ${how} of ${p} (offline: whether it resolves to a live repository was not checked)`,
          ...loc,
        });
      break;
    }
  }
};

export const superfluousActions: Audit = (f, report) => {
  for (const step of f.steps) {
    if (!step.uses) continue;
    const u = parseUses(step.uses.value);
    if (u.kind !== 'repository' || !u.owner || !u.repo) continue;
    const slug = `${u.owner}/${u.repo}`;
    const hit = SUPERFLUOUS.find((s) => s.slug === slug);
    const loc = hit ? at(step.uses.node, step.node) : undefined;
    if (!hit || !loc) continue;
    report({
      audit: 'superfluous-actions',
      severity: 'info',
      confidence: hit.confidence,
      persona: hit.persona,
      message: `action functionality is already included by the runner: ${hit.instead}`,
      ...loc,
    });
  }
};
