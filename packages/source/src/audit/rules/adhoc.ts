/**
 * adhoc-packages (zizmor): a `run:` step that installs a package by name outside any lockfile
 * (`gem install rake`, `bundle add`, `npm install lodash`, `yarn add`, `pnpm add`) gets whatever the
 * registry serves that minute. Lockfile-driven installs (`npm ci`, `npm install` with no package,
 * `bundle install`) are fine. Regular persona, low severity, high confidence; bash, sh, zsh and pwsh
 * scripts in workflow and composite-action steps.
 */
import { runCommands, type Audit } from '../model.js';
import { Args } from '../shell.js';

const NPM_INSTALL = new Set(['install', 'i', 'in', 'ins', 'inst', 'insta', 'instal', 'isnt', 'isnta', 'isntal', 'isntall', 'add']);

/** zizmor's `is_adhoc_install_command`, iterator semantics included. */
export function isAdhocInstall(cmd: string, argv: string[]): boolean {
  const args = new Args(argv);
  const flag = (a: string): boolean => a.startsWith('-');
  switch (cmd) {
    case 'gem':
      return args.any((a) => a === 'install' || a === 'i') && args.any((a) => !flag(a));
    case 'bundle':
    case 'yarn':
    case 'pnpm':
      return args.any((a) => a === 'add') && args.any((a) => !flag(a));
    case 'npm': {
      const sub = args.skipWhile(flag).next();
      return sub !== undefined && NPM_INSTALL.has(sub) && args.any((a) => !flag(a));
    }
    default:
      return false;
  }
}

export const adhocPackages: Audit = (f, report) => {
  for (const step of f.steps) {
    for (const cmd of runCommands(f, step)) {
      if (!isAdhocInstall(cmd.name, cmd.args)) continue;
      report({
        audit: 'adhoc-packages',
        severity: 'low',
        confidence: 'high',
        persona: 'regular',
        message: `ad-hoc installation of packages: \`${[cmd.name, ...cmd.args].join(' ').slice(0, 80)}\` installs a package outside of a lockfile`,
        range: [cmd.start, cmd.end],
        ...(step.node.range ? { ignoreRange: [step.node.range[0], step.node.range[1]] as [number, number] } : {}),
      });
    }
  }
};
