import {
  getBooleanInput,
  getEnumInput,
  getIntegerInput,
  getListInput,
  getOptionalInput,
  getRequiredInput,
} from '@secure-factory/action-runtime';

export interface RunInputs {
  command: string;
  outputs: string[];
  path: string;
  fetchCommand: string | undefined;
  /** undefined: from the policy. */
  network: 'none' | 'fetch-only' | undefined;
  /** Hosts the fetch may reach besides its lockfiles' registries. */
  allowHosts: string[];
  reproducible: boolean;
  testCommand: string | undefined;
  /** undefined: from the policy. */
  timeoutMinutes: number | undefined;
  env: string[];
  policy: string | undefined;
  evidence: string;
  /** Restore/save the fetch phase's /cache folder on the Actions cache service, digest-verified. */
  cache: boolean;
  /** The image (`registry/name`) an OCI layout among the outputs holds. */
  imageName: string | undefined;
}

export function readInputs(): RunInputs {
  const network = getEnumInput('network', ['none', 'fetch-only', ''], '');
  const timeout = getIntegerInput('timeout-minutes', 0, 0, 24 * 60);
  return {
    command: getRequiredInput('command'),
    outputs: getListInput('outputs'),
    path: getOptionalInput('path') ?? '.',
    fetchCommand: getOptionalInput('fetch-command'),
    network: network === '' ? undefined : network,
    allowHosts: getListInput('allow-hosts'),
    reproducible: getBooleanInput('reproducible', false),
    testCommand: getOptionalInput('test-command'),
    timeoutMinutes: timeout === 0 ? undefined : timeout,
    env: getListInput('env'),
    policy: getOptionalInput('policy'),
    evidence: getOptionalInput('evidence') ?? '.secure-factory/evidence',
    cache: getBooleanInput('cache', false),
    imageName: getOptionalInput('image-name'),
  };
}
