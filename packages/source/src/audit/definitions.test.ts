/**
 * Cases written from each audit's definition (docs.zizmor.sh/audits and zizmor's source), not from the
 * fixtures: a positive, a negative and the tricky shapes (expressions across lines, YAML anchors,
 * composite actions, reusable workflows, `$/` references) for the audits added or rewritten here.
 */
import type { Finding } from '@secure-factory/core';
import { auditWorkflowText } from './audit-workflows.js';
import { isAdhocInstall } from './rules/adhoc.js';
import { typoOf } from './rules/references.js';
import { isPublishCommand } from './rules/trusted-publishing.js';
import { shellCommands } from './shell.js';
import type { Persona } from './model.js';

const SHA = '11bd71901bbe5b1630ceea73d27597364c9af683';

function audit(text: string, persona: Persona = 'regular', kind: 'workflow' | 'action' = 'workflow'): Finding[] {
  return auditWorkflowText(text, kind === 'action' ? 'action.yml' : '.github/workflows/t.yml', kind, { persona });
}
const only = (fs: Finding[], id: string): string[] => fs.filter((f) => f.rule === `workflow/${id}`).map((f) => `${f.line}:${f.column}`);

const HEAD = `name: t
on: push
permissions: {}
concurrency: { group: g, cancel-in-progress: true }
jobs:
  j:
    name: j
    runs-on: ubuntu-latest
    steps:
`;

describe('shell commands (the run: tokenizer behind adhoc-packages and use-trusted-publishing)', () => {
  it('finds commands in lists, pipelines, substitutions and compound commands, after VAR= prefixes', () => {
    const cmds = shellCommands('A=1 npm publish --tag x && echo "$(gem push g.gem)"\nif true; then yarn add left-pad; fi | cat\n');
    expect(cmds.map((c) => [c.name, ...c.args].join(' '))).toEqual([
      'npm publish --tag x',
      'echo "$(gem push g.gem)"',
      'gem push g.gem',
      'true',
      'yarn add left-pad',
      'cat',
    ]);
    // Comments and redirections are not commands or arguments.
    expect(shellCommands('# npm publish\necho hi > out.txt').map((c) => c.args)).toEqual([['hi']]);
  });

  it('joins backslash continuations (bash) and backtick continuations (pwsh)', () => {
    expect(shellCommands('cargo \\\n  publish').map((c) => c.args)).toEqual([['publish']]);
    expect(shellCommands('cargo `\n  publish `\n  --no-verify', 0, true).map((c) => c.args)).toEqual([['publish', '--no-verify']]);
  });
});

describe('use-trusted-publishing', () => {
  it("follows zizmor's publish-command table, iterator order included", () => {
    expect(isPublishCommand('npm', ['publish'])).toBe(true);
    expect(isPublishCommand('npm', ['publish', '--dry-run'])).toBe(false);
    expect(isPublishCommand('npm', ['run', 'publish'])).toBe(true);
    expect(isPublishCommand('yarn', ['npm', 'publish'])).toBe(true);
    expect(isPublishCommand('yarn', ['npm'])).toBe(false);
    expect(isPublishCommand('dotnet', ['nuget', 'push', 'x.nupkg'])).toBe(true);
    expect(isPublishCommand('dotnet', ['push', 'nuget'])).toBe(false); // `push` must come after `nuget`
    expect(isPublishCommand('python3.12', ['-m', 'twine', 'upload'])).toBe(true);
    expect(isPublishCommand('twine', ['check', 'dist/*'])).toBe(false);
  });

  it('flags publish commands in jobs that cannot mint an OIDC token, not in jobs that can', () => {
    const wf = `${HEAD}      - run: |
          npm ci
          npm publish --access public
  ok:
    name: ok
    runs-on: ubuntu-latest
    permissions: { id-token: write }
    steps:
      - run: npm publish --provenance
`;
    expect(only(audit(wf), 'use-trusted-publishing')).toEqual(['12:11']);
  });

  it('flags setup-node configured with always-auth for npmjs, not for another registry', () => {
    const wf = `${HEAD}      - uses: actions/setup-node@${SHA}
        with:
          registry-url: https://registry.npmjs.org
          always-auth: true
      - uses: actions/setup-node@${SHA}
        with:
          registry-url: https://npm.example.com
          always-auth: true
`;
    expect(only(audit(wf), 'use-trusted-publishing')).toEqual(['10:9']);
  });
});

describe('adhoc-packages', () => {
  it('flags installs by name, not lockfile installs', () => {
    expect(isAdhocInstall('npm', ['install', 'lodash'])).toBe(true);
    expect(isAdhocInstall('npm', ['--no-fund', 'i', 'lodash'])).toBe(true);
    expect(isAdhocInstall('npm', ['install'])).toBe(false);
    expect(isAdhocInstall('npm', ['ci'])).toBe(false);
    expect(isAdhocInstall('gem', ['install', '--help'])).toBe(false);
    expect(isAdhocInstall('bundle', ['install'])).toBe(false);
    expect(isAdhocInstall('pnpm', ['add', 'zod'])).toBe(true);
  });

  it('reads composite-action steps and multi-line scripts', () => {
    const action = `name: a
description: d
runs:
  using: composite
  steps:
    - shell: bash
      run: |
        echo start
        gem install rake && npm ci
`;
    expect(only(audit(action, 'regular', 'action'), 'adhoc-packages')).toEqual(['9:9']);
  });
});

describe('obfuscation', () => {
  it('flags constant expressions and constant subexpressions, not ones that read a context', () => {
    const wf = `${HEAD}      - run: |
          echo \${{ 'a' }} \${{ format('{0}', 'b') }}
          echo \${{ github.ref_name }}
          echo \${{ format('{0}-{1}', github.sha, true || false) }}
`;
    expect(only(audit(wf), 'obfuscation')).toEqual(['11:20', '11:31', '13:50']);
  });

  it('flags computed indices only for pedantic readers, and `with:` computed by an expression', () => {
    const wf = `${HEAD}      - run: echo \${{ github.event[inputs.key] }}
      - uses: actions/setup-node@${SHA}
        with: \${{ fromJSON(inputs.opts) }}
`;
    expect(only(audit(wf), 'obfuscation')).toEqual(['12:9']);
    expect(only(audit(wf, 'pedantic'), 'obfuscation')).toEqual(['10:35', '12:9']);
  });
});

describe('unsound-ternary', () => {
  it('flags a falsy true branch, also when the expression spans lines, not a truthy one or a constant', () => {
    const wf = `${HEAD}      - run: echo \${{ github.event_name == 'push' && '' || 'x' }}
      - run: echo \${{ github.event_name == 'push' && 'a' || 'b' }}
      - run: echo \${{ true && '' || 'x' }}
      - run: |
          echo \${{
            github.event_name == 'push'
            && 0
            || 1
          }}
`;
    // Like zizmor, only fenced expressions are read (a bare \`if:\` is unsound-condition's business).
    expect(only(audit(wf), 'unsound-ternary')).toEqual(['10:54', '16:16']);
  });
});

describe('self-repository', () => {
  it('flags ./ in steps and reusable-workflow jobs, never $/', () => {
    const wf = `${HEAD}      - uses: ./my-action
      - uses: $/my-action
  call:
    uses: ./.github/workflows/reusable.yml
  call2:
    uses: $/.github/workflows/reusable.yml
`;
    expect(only(audit(wf), 'self-repository')).toEqual(['10:15', '13:11']);
    // `$/` is pinned to the workflow's own commit: not an unpinned or local-path finding either.
    expect(only(audit(wf), 'unpinned-uses')).toEqual([]);
  });

  it('is honoured through YAML anchors', () => {
    const wf = `${HEAD}      - &local
        uses: ./shared
      - *local
`;
    expect(only(audit(wf), 'self-repository')).toEqual(['11:15']);
  });
});

describe('typosquat-uses and archived-uses', () => {
  it('flags one-keystroke imitations of popular actions by another owner', () => {
    expect(typoOf('actoins/checkout', 'actions/checkout')).toMatch(/swaps/);
    expect(typoOf('actions/checkout', 'actions/checkout')).toBeUndefined();
    expect(typoOf('actions/chekout', 'actions/checkout')).toBeUndefined(); // same owner: a typo, not a squat
    expect(typoOf('docker/login-acton', 'docker/login-action')).toBeUndefined();
    expect(typoOf('dockerr/login-action', 'docker/login-action')).toMatch(/repeats/);
  });

  it('flags archived repositories in steps, composite actions and reusable workflows, case-insensitively', () => {
    const wf = `${HEAD}      - uses: Actions/Create-Release@${SHA}
  call:
    uses: actions-rs/cargo/.github/workflows/x.yml@${SHA}
`;
    expect(only(audit(wf), 'archived-uses')).toEqual(['10:15', '12:11']);
    const action = `name: a
description: d
runs:
  using: composite
  steps:
    - uses: actions-rs/toolchain@${SHA}
`;
    expect(only(audit(action, 'regular', 'action'), 'archived-uses')).toEqual(['6:13']);
  });
});

describe('anonymous-definition and superfluous-actions (pedantic and informational)', () => {
  it('names nameless workflows and jobs to pedantic readers only; reusable calls need no name', () => {
    const wf = `on: push
permissions: {}
jobs:
  build:
    runs-on: ubuntu-latest
    steps: [{ run: echo }]
  call:
    uses: $/.github/workflows/r.yml
`;
    expect(only(audit(wf), 'anonymous-definition')).toEqual([]);
    expect(only(audit(wf, 'pedantic'), 'anonymous-definition')).toEqual(['1:1', '4:3']);
  });

  it('suggests the runner’s own tools', () => {
    const wf = `${HEAD}      - uses: softprops/action-gh-release@${SHA}
      - uses: peter-evans/create-pull-request@${SHA}
`;
    expect(only(audit(wf), 'superfluous-actions')).toEqual(['10:15']);
    expect(only(audit(wf, 'pedantic'), 'superfluous-actions')).toEqual(['10:15', '11:15']);
  });
});

describe('misfeature, concurrency-limits, unpinned-images', () => {
  it('misfeature: cmd is regular, an unknown shell is for auditors, pip-install always', () => {
    const wf = `${HEAD}      - run: dir
        shell: cmd
      - run: print(1)
        shell: perl {0}
      - uses: actions/setup-python@${SHA}
        with: { pip-install: requests }
`;
    expect(only(audit(wf), 'misfeature')).toEqual(['11:9', '15:17']);
    expect(only(audit(wf, 'auditor'), 'misfeature')).toEqual(['11:9', '13:9', '15:17']);
  });

  it('concurrency-limits: a bare group is flagged, a mapping without cancel-in-progress is the author’s choice', () => {
    const bare = `name: t\non: push\npermissions: {}\nconcurrency: g\njobs: {}\n`;
    const mapping = `name: t\non: push\npermissions: {}\nconcurrency: { group: g }\njobs: {}\n`;
    expect(only(audit(bare, 'pedantic'), 'concurrency-limits')).toEqual(['4:1']);
    expect(only(audit(mapping, 'pedantic'), 'concurrency-limits')).toEqual([]);
  });

  it('unpinned-images: one finding per matrix value an image expression can take', () => {
    const wf = `name: t
on: push
permissions: {}
jobs:
  j:
    name: j
    runs-on: ubuntu-latest
    container:
      image: \${{ matrix.image }}
    strategy:
      matrix:
        image: [ubuntu, 'ubuntu:24.04', 'ubuntu@sha256:${'a'.repeat(64)}']
    steps: [{ run: echo }]
`;
    expect(audit(wf).filter((f) => f.rule === 'workflow/unpinned-images')).toHaveLength(1);
    expect(audit(wf, 'pedantic').filter((f) => f.rule === 'workflow/unpinned-images')).toHaveLength(2);
  });
});

describe('engine semantics shared with zizmor', () => {
  it('skips jobs and steps whose if: is statically false (they never run), not ones that may run', () => {
    const wf = `${HEAD}      - uses: actions/setup-node@v4
        if: false
      - uses: actions/setup-go@v5
        if: \${{ 1 > 2 }}
      - uses: actions/setup-java@v4
        if: \${{ false }} || github.event_name == 'push'
`;
    expect(only(audit(wf), 'unpinned-uses')).toEqual(['14:15']);
  });

  it('an ignore comment anywhere in the step silences its template-injection and unpinned-uses findings', () => {
    const wf = `${HEAD}      - name: greet # zizmor: ignore[template-injection,unpinned-uses]
        uses: actions/github-script@v7
        with:
          script: console.log("\${{ github.event.issue.title }}")
      - uses: actions/github-script@v7
        with:
          script: console.log("\${{ github.event.issue.title }}")
`;
    expect(only(audit(wf), 'template-injection')).toEqual(['16:36']);
    expect(only(audit(wf), 'unpinned-uses')).toEqual(['14:15']);
  });

  it('a matrix value removed by exclude is not a self-hosted runner', () => {
    const wf = (exclude: string): string => `name: t
on: push
permissions: {}
jobs:
  j:
    name: j
    runs-on: \${{ matrix.os }}
    strategy:
      matrix:
        os: [self-hosted, ubuntu-latest]
${exclude}    steps: [{ run: echo }]
`;
    expect(only(audit(wf(''), 'auditor'), 'self-hosted-runner')).toEqual(['7:5']);
    expect(only(audit(wf('        exclude:\n          - os: self-hosted\n'), 'auditor'), 'self-hosted-runner')).toEqual([]);
  });
});

describe('bot-conditions (spoofable actor checks only)', () => {
  const wf = (cond: string): string => `name: t
on: pull_request_target
permissions: {}
jobs:
  j:
    name: j
    runs-on: ubuntu-latest
    if: ${cond}
    steps: [{ run: echo }]
`;
  it('flags the actor by name or by a known bot id, not the pull request author (the documented fix)', () => {
    expect(only(audit(wf("github.actor == 'dependabot[bot]'")), 'bot-conditions')).toHaveLength(1);
    expect(only(audit(wf('github.actor_id == 49699333')), 'bot-conditions')).toHaveLength(1);
    expect(only(audit(wf("github.event.pull_request.user.login == 'dependabot[bot]'")), 'bot-conditions')).toEqual([]);
    expect(only(audit(wf("github.actor == 'octocat'")), 'bot-conditions')).toEqual([]);
  });
});

describe('matrix values, as zizmor expands them', () => {
  it('a nested matrix value (matrix.platform.target) that is static is not an injection; a computed one is', () => {
    const wf = (target: string): string => `name: t
on: push
permissions: {}
jobs:
  j:
    name: j
    runs-on: ubuntu-latest
    strategy:
      matrix:
        platform:
          - target: x86_64-unknown-linux-gnu
          - target: ${target}
    steps:
      - run: cargo build --target "\${{ matrix.platform.target }}"
`;
    expect(only(audit(wf('aarch64-apple-darwin')), 'template-injection')).toEqual([]);
    expect(only(audit(wf('${{ inputs.target }}')), 'template-injection')).toEqual(['14:40']);
  });

  it('an image with a computed tag is a tag (pedantic), not an unpinned image per matrix value', () => {
    const wf = `name: t
on: push
permissions: {}
jobs:
  j:
    name: j
    runs-on: ubuntu-latest
    container: rockylinux/rockylinux:\${{ matrix.v }}
    strategy:
      matrix:
        v: ['8', '9']
    steps: [{ run: echo }]
`;
    expect(only(audit(wf), 'unpinned-images')).toEqual([]);
    expect(only(audit(wf, 'pedantic'), 'unpinned-images')).toEqual(['8:5']);
  });
});

describe('pre-commit configurations (insecure-url-scheme, archived-uses)', () => {
  it('flags http:// and git:// repositories and archived GitHub repositories, not https, local or meta', () => {
    const text = `repos:
  - repo: http://github.com/pre-commit/pre-commit-hooks
    rev: v4.6.0
    hooks: [{ id: check-yaml }]
  - repo: git://example.com/hooks
    rev: v1
    hooks: [{ id: x }]
  - repo: https://github.com/pre-commit/mirrors-prettier.git
    rev: v4.0.0-alpha.8
    hooks: [{ id: prettier }]
  - repo: local
    hooks: [{ id: y, name: y, entry: y, language: system }]
`;
    const fs = auditWorkflowText(text, '.pre-commit-config.yaml', 'pre-commit', {});
    expect(only(fs, 'insecure-url-scheme')).toEqual(['2:11', '5:11']);
    expect(only(fs, 'archived-uses')).toEqual(['8:11']);
    expect(fs.filter((f) => !/insecure-url-scheme|archived-uses/.test(f.rule))).toEqual([]);
  });
});

describe('template-injection of inputs, as zizmor rates them', () => {
  it('a declared input is arbitrary (high); one nobody declared is unknown (low, low confidence)', () => {
    const action = `name: a
description: d
inputs:
  Release-Tag: { description: tag }
runs:
  using: composite
  steps:
    - shell: bash
      run: echo \${{ inputs.release-tag }} \${{ inputs.other }}
`;
    const fs = auditWorkflowText(action, 'action.yml', 'action', {}).filter((f) => f.rule === 'workflow/template-injection');
    expect(fs.map((f) => `${f.column}:${f.severity}:${String(f.properties?.confidence)}`)).toEqual(['21:high:high', '47:low:low']);
    const wf = `name: t
on:
  workflow_dispatch:
    inputs:
      Name: { type: string }
      Flag: { type: boolean }
permissions: {}
jobs:
  j:
    name: j
    runs-on: ubuntu-latest
    steps:
      - run: echo \${{ inputs.name }} \${{ inputs.flag }}
`;
    const ws = audit(wf).filter((f) => f.rule === 'workflow/template-injection');
    expect(ws.map((f) => `${f.column}:${f.severity}`)).toEqual(['23:high']);
  });
});
