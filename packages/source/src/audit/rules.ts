/** The workflow audit's rules: id, default severity, help, and the zizmor audit each corresponds to. */
import type { RuleDescriptor, Severity } from '@secure-factory/core';
import type { Audit } from './model.js';
import { cachePoisoning } from './rules/cache-poisoning.js';
import {
  artipacked,
  hardcodedContainerCredentials,
  overprovisionedSecrets,
  secretsInherit,
  secretsOutsideEnv,
  unredactedSecrets,
} from './rules/credentials.js';
import { obfuscation } from './rules/obfuscation.js';
import { excessivePermissions } from './rules/permissions.js';
import { forbiddenUses, unpinnedImages, unpinnedUses } from './rules/pinning.js';
import { githubEnv, insecureCommands, selfHostedRunner } from './rules/runner.js';
import { templateInjection } from './rules/template-injection.js';
import { useTrustedPublishing } from './rules/trusted-publishing.js';
import { unsoundCondition, unsoundContains } from './rules/conditions.js';
import { concurrencyLimits, misfeature, undocumentedPermissions } from './rules/hygiene.js';
import { githubApp, unpinnedTools } from './rules/tools.js';
import { dependabotCooldown, dependabotExecution } from './rules/dependabot.js';
import { botConditions, dangerousTriggers } from './rules/triggers.js';
import { archivedUses, insecureUrlScheme, selfRepository, superfluousActions, typosquatUses } from './rules/references.js';
import { adhocPackages } from './rules/adhoc.js';
import { anonymousDefinition, unsoundTernary } from './rules/definitions.js';

interface RuleSpec {
  zizmor: string;
  name: string;
  severity: Severity;
  short: string;
  help: string;
  audit: Audit;
}

const SPECS: RuleSpec[] = [
  {
    zizmor: 'template-injection',
    name: 'TemplateInjection',
    severity: 'high',
    short: 'code injection via template expansion',
    help: 'Do not expand `${{ }}` inside `run:` or a script input: pass the value through `env:` and use the shell variable ("$TITLE"), which the shell treats as data.',
    audit: templateInjection,
  },
  {
    zizmor: 'unpinned-uses',
    name: 'UnpinnedUses',
    severity: 'high',
    short: 'unpinned action reference',
    help: 'Pin every action and reusable workflow to a full 40-character commit SHA, with the version in a comment (`uses: actions/checkout@<sha> # v4.2.2`); tags and branches can be moved.',
    audit: unpinnedUses,
  },
  {
    zizmor: 'excessive-permissions',
    name: 'ExcessivePermissions',
    severity: 'high',
    short: 'overly broad permissions',
    help: 'Set `permissions: {}` at the top of the workflow and grant each job only the scopes it needs; avoid `write-all`/`read-all` and workflow-level `write` grants.',
    audit: excessivePermissions,
  },
  {
    zizmor: 'dangerous-triggers',
    name: 'DangerousTriggers',
    severity: 'high',
    short: 'use of fundamentally insecure workflow trigger',
    help: "`pull_request_target` and `workflow_run` run with secrets and a write token on events a fork can cause. Prefer `pull_request`; never check out or run the pull request's head code in such a workflow.",
    audit: dangerousTriggers,
  },
  {
    zizmor: 'secrets-inherit',
    name: 'SecretsInherit',
    severity: 'medium',
    short: 'secrets unconditionally inherited by called workflow',
    help: 'Replace `secrets: inherit` with the explicit list of secrets the called workflow needs.',
    audit: secretsInherit,
  },
  {
    zizmor: 'artipacked',
    name: 'Artipacked',
    severity: 'medium',
    short: 'credential persistence through GitHub Actions artifacts',
    help: 'Set `persist-credentials: false` on actions/checkout; otherwise the token stays in .git/config, where an uploaded workspace or a later step can read it.',
    audit: artipacked,
  },
  {
    zizmor: 'cache-poisoning',
    name: 'CachePoisoning',
    severity: 'high',
    short: 'runtime artifacts potentially vulnerable to a cache poisoning attack',
    help: 'Disable caching (e.g. `cache: false`, `lookup-only: true`) in workflows and jobs that publish releases: the cache is shared with pull request workflows.',
    audit: cachePoisoning,
  },
  {
    zizmor: 'github-env',
    name: 'GitHubEnv',
    severity: 'high',
    short: 'dangerous use of environment file',
    help: 'Do not write untrusted data to GITHUB_ENV or GITHUB_PATH in privileged workflows or actions: it changes the environment (LD_PRELOAD, PATH, NODE_OPTIONS) of every later step. Use step outputs instead.',
    audit: githubEnv,
  },
  {
    zizmor: 'insecure-commands',
    name: 'InsecureCommands',
    severity: 'high',
    short: 'execution of insecure workflow commands is enabled',
    help: 'Remove ACTIONS_ALLOW_UNSECURE_COMMANDS: it lets any printed line set environment variables and PATH. Use GITHUB_ENV/GITHUB_OUTPUT files.',
    audit: insecureCommands,
  },
  {
    zizmor: 'unpinned-images',
    name: 'UnpinnedImages',
    severity: 'high',
    short: 'unpinned image references',
    help: 'Pin container, service and `docker://` images by digest (`image@sha256:…`); tags can be moved to new content.',
    audit: unpinnedImages,
  },
  {
    zizmor: 'self-hosted-runner',
    name: 'SelfHostedRunner',
    severity: 'medium',
    short: 'runs on a self-hosted runner',
    help: 'On public repositories, use GitHub-hosted or ephemeral, isolated runners: a pull request can run code on a persistent self-hosted machine.',
    audit: selfHostedRunner,
  },
  {
    zizmor: 'hardcoded-container-credentials',
    name: 'HardcodedContainerCredentials',
    severity: 'high',
    short: 'hardcoded credential in GitHub Actions container configurations',
    help: 'Reference registry passwords through `${{ secrets.NAME }}`; rotate the password that was committed.',
    audit: hardcodedContainerCredentials,
  },
  {
    zizmor: 'overprovisioned-secrets',
    name: 'OverprovisionedSecrets',
    severity: 'medium',
    short: 'excessively provisioned secrets',
    help: 'Reference each secret by name (`secrets.NAME`) instead of the whole `secrets` context (`toJSON(secrets)`), so the job receives only what it uses.',
    audit: overprovisionedSecrets,
  },
  {
    zizmor: 'unredacted-secrets',
    name: 'UnredactedSecrets',
    severity: 'medium',
    short: 'leaked secret values',
    help: 'Do not store structured values in one secret and unpack them with fromJSON: the unpacked fields are not masked in logs. Use one secret per value.',
    audit: unredactedSecrets,
  },
  {
    zizmor: 'bot-conditions',
    name: 'BotConditions',
    severity: 'high',
    short: 'spoofable bot actor check',
    help: "Do not trust `github.actor == 'dependabot[bot]'`: the actor is whoever last acted. Check `github.event.pull_request.user.login` and the event type instead.",
    audit: botConditions,
  },
  {
    zizmor: 'secrets-outside-env',
    name: 'SecretsOutsideEnv',
    severity: 'medium',
    short: 'secrets referenced without a dedicated environment',
    help: 'Move secrets into a deployment environment (`environment:` on the job) so protection rules and reviewers guard them.',
    audit: secretsOutsideEnv,
  },
  {
    zizmor: 'obfuscation',
    name: 'Obfuscation',
    severity: 'low',
    short: 'obfuscated usage of GitHub Actions features',
    help: 'Write references plainly (no computed indices, no `.`/`..` in `uses:` paths) so reviewers can see what runs.',
    audit: obfuscation,
  },
  {
    zizmor: 'use-trusted-publishing',
    name: 'UseTrustedPublishing',
    severity: 'info',
    short: 'prefer trusted publishing for authentication',
    help: 'Publish to PyPI, RubyGems, crates.io and npm with trusted publishing: grant the job `id-token: write` and drop the long-lived API token.',
    audit: useTrustedPublishing,
  },
  {
    zizmor: 'unsound-condition',
    name: 'UnsoundCondition',
    severity: 'high',
    short: 'unsound conditional expression',
    help: 'Write `if:` as one bare expression or exactly one `${{ }}` fence with nothing around it (use `|-`/`>-` for block scalars); any other text makes the condition a non-empty string, which is always true.',
    audit: unsoundCondition,
  },
  {
    zizmor: 'unsound-contains',
    name: 'UnsoundContains',
    severity: 'high',
    short: 'unsound contains condition',
    help: '`contains(\'main,develop\', github.ref_name)` is a substring test (`mai` passes). Compare with `==`, or use `contains(fromJSON(\'["main","develop"]\'), github.ref_name)`.',
    audit: unsoundContains,
  },
  {
    zizmor: 'github-app',
    name: 'GitHubApp',
    severity: 'high',
    short: 'dangerous use of GitHub App tokens',
    help: 'Let actions/create-github-app-token revoke its token, scope it with `repositories:` and explicit `permission-<name>` inputs.',
    audit: githubApp,
  },
  {
    zizmor: 'unpinned-tools',
    name: 'UnpinnedTools',
    severity: 'medium',
    short: 'action installs an unpinned external tool',
    help: 'Give setup actions an exact `version:`; the default or `latest` installs whatever was released last.',
    audit: unpinnedTools,
  },
  {
    zizmor: 'misfeature',
    name: 'Misfeature',
    severity: 'low',
    short: 'usage of GitHub Actions misfeatures',
    help: "Avoid the Windows `cmd` shell: use 'shell: pwsh' or 'shell: bash'.",
    audit: misfeature,
  },
  {
    zizmor: 'concurrency-limits',
    name: 'ConcurrencyLimits',
    severity: 'low',
    short: 'insufficient job-level concurrency limits',
    help: 'Add `concurrency: { group: ..., cancel-in-progress: true }` so superseded runs stop (pedantic).',
    audit: concurrencyLimits,
  },
  {
    zizmor: 'undocumented-permissions',
    name: 'UndocumentedPermissions',
    severity: 'low',
    short: 'permissions without explanatory comments',
    help: 'Add a comment to every permission grant saying why the job needs it (pedantic).',
    audit: undocumentedPermissions,
  },
  {
    zizmor: 'dependabot-cooldown',
    name: 'DependabotCooldown',
    severity: 'medium',
    short: 'insufficient cooldown in Dependabot updates',
    help: 'Add `cooldown: { default-days: 7 }` to each Dependabot update so brand-new (possibly compromised) releases are not pulled in at once.',
    audit: dependabotCooldown,
  },
  {
    zizmor: 'dependabot-execution',
    name: 'DependabotExecution',
    severity: 'high',
    short: 'external code execution in Dependabot updates',
    help: 'Set `insecure-external-code-execution: deny` (or remove it): allowing it runs package code with the registry credentials.',
    audit: dependabotExecution,
  },
  {
    zizmor: 'forbidden-uses',
    name: 'ForbiddenUses',
    severity: 'high',
    short: 'forbidden action or repository used',
    help: 'Use only the actions the configuration allows (rules.forbidden-uses.config in zizmor.yml).',
    audit: forbiddenUses,
  },
  {
    zizmor: 'adhoc-packages',
    name: 'AdhocPackages',
    severity: 'low',
    short: 'ad-hoc installation of packages',
    help: 'Install packages from a lockfile (`npm ci`, `bundle install`, a pinned requirements file) instead of by name in a `run:` step, which takes whatever the registry serves that minute.',
    audit: adhocPackages,
  },
  {
    zizmor: 'anonymous-definition',
    name: 'AnonymousDefinition',
    severity: 'low',
    short: 'workflow or action definition without a name',
    help: "Give the workflow and each job a `name:` so runs can be found in GitHub's UI (pedantic).",
    audit: anonymousDefinition,
  },
  {
    zizmor: 'archived-uses',
    name: 'ArchivedUses',
    severity: 'medium',
    short: 'action or reusable workflow from archived repository',
    help: 'Replace actions from archived repositories: they receive no security fixes.',
    audit: archivedUses,
  },
  {
    zizmor: 'insecure-url-scheme',
    name: 'InsecureUrlScheme',
    severity: 'high',
    short: 'use of an insecure scheme within a URL',
    help: 'Fetch pre-commit repositories over https://: http:// and git:// can be altered in transit.',
    audit: insecureUrlScheme,
  },
  {
    zizmor: 'self-repository',
    name: 'SelfRepository',
    severity: 'low',
    short: "use GitHub's dedicated self-repository syntax",
    help: "Write `uses: $/path` instead of `uses: ./path`: the self-repository form is read from the workflow's own commit, not from whatever the workspace holds at run time.",
    audit: selfRepository,
  },
  {
    zizmor: 'superfluous-actions',
    name: 'SuperfluousActions',
    severity: 'info',
    short: 'action functionality is already included by the runner',
    help: 'Use the tools the runner already has (`gh`, `git`, `jq`, `docker`) in a script step instead of a third-party action.',
    audit: superfluousActions,
  },
  {
    zizmor: 'typosquat-uses',
    name: 'TyposquatUses',
    severity: 'high',
    short: 'action reference resembles a popular action',
    help: 'Check the owner and repository name character by character: this reference is one keystroke away from a popular action of another owner.',
    audit: typosquatUses,
  },
  {
    zizmor: 'unsound-ternary',
    name: 'UnsoundTernary',
    severity: 'low',
    short: 'unsound pseudo-ternary expression',
    help: "`cond && X || Y` yields Y whenever X is falsy (`''`, `0`, `false`, `null`): swap the branches (`!cond && Y || X`) or use a truthy value.",
    audit: unsoundTernary,
  },
];

export const INVALID_YAML_RULE = 'workflow/invalid-yaml';
export const INVALID_STRUCTURE_RULE = 'workflow/invalid-structure';

export const WORKFLOW_RULES: RuleDescriptor[] = [
  ...SPECS.map((s) => ({
    id: `workflow/${s.zizmor}`,
    name: s.name,
    shortDescription: s.short,
    help: s.help,
    helpUri: `https://docs.zizmor.sh/audits/#${s.zizmor}`,
    defaultSeverity: s.severity,
    equivalent: { zizmor: s.zizmor },
  })),
  {
    id: INVALID_YAML_RULE,
    name: 'InvalidYaml',
    shortDescription: 'workflow or action file is not valid YAML',
    help: 'Fix the YAML syntax; GitHub refuses to run the file and it cannot be audited.',
    defaultSeverity: 'high',
  },
  {
    id: INVALID_STRUCTURE_RULE,
    name: 'InvalidStructure',
    shortDescription: 'workflow, action or Dependabot file is not one GitHub can run',
    help: 'A workflow needs `on:` and `jobs:` (each job `runs-on:` or `uses:`, each step `uses:` or `run:`), an action `runs.using`, a Dependabot file `version` and `updates`; GitHub refuses the file and zizmor will not load it.',
    defaultSeverity: 'high',
  },
];

/** Audit functions by zizmor id, in the order they run. */
export const AUDITS: { zizmor: string; audit: Audit }[] = SPECS.map((s) => ({ zizmor: s.zizmor, audit: s.audit }));
