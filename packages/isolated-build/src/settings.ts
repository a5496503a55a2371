/** Build settings from the policy's `build` section and the inputs: an input may tighten the policy, never loosen it. */
import { ConfigurationError, DEFAULT_POLICY_SOURCE, parseDuration, type Policy } from '@secure-factory/core';
import { validateAllowList } from './environment.js';

export type NetworkMode = 'none' | 'fetch-only';
export const NETWORK_MODES: readonly NetworkMode[] = ['none', 'fetch-only'];

export interface BuildSettings {
  network: NetworkMode;
  /** Hosts the fetch may reach besides its lockfiles' registries: the policy's `build.network.allow` plus the inputs'. */
  networkAllow: string[];
  reproducible: boolean;
  timeoutMs: number;
  env: string[];
}

export interface SettingInputs {
  network?: string | undefined;
  networkAllow?: readonly string[] | undefined;
  reproducible?: boolean | undefined;
  /** A duration (`90s`, `10m`, `1h`) or milliseconds. */
  timeout?: string | number | undefined;
  env?: readonly string[] | undefined;
}

export function parseNetwork(v: string, where = 'network'): NetworkMode {
  if ((NETWORK_MODES as readonly string[]).includes(v)) return v as NetworkMode;
  throw new ConfigurationError(`${where} is "${v}"; allowed values: ${NETWORK_MODES.join(', ')}`);
}

/** `500ms`, `90s`, or core's `30m`/`2h`/`1d`. */
export function parseTimeout(v: string): number {
  const m = /^([0-9]+)(ms|s)$/.exec(v.trim());
  if (m) return Number(m[1]) * (m[2] === 's' ? 1000 : 1);
  return parseDuration(v, 'timeout');
}

export function resolveSettings(policy: Policy, inputs: SettingInputs): BuildSettings {
  const fromPolicy = policy.source.file !== DEFAULT_POLICY_SOURCE;
  let network = policy.build.network;
  if (inputs.network !== undefined) {
    const asked = parseNetwork(inputs.network);
    if (fromPolicy && policy.build.network === 'none' && asked === 'fetch-only') {
      throw new ConfigurationError(`the policy requires build.network: none; the input asks for fetch-only`, {
        location: { file: policy.source.file },
        hint: 'change build.network in the policy file, or drop the network input',
      });
    }
    network = asked;
  }
  let timeoutMs = policy.build.timeoutMs;
  if (inputs.timeout !== undefined) {
    timeoutMs = typeof inputs.timeout === 'number' ? inputs.timeout : parseTimeout(inputs.timeout);
    if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) throw new ConfigurationError(`timeout must be positive`);
  }
  return {
    network,
    networkAllow: [...new Set([...policy.build.networkAllow, ...(inputs.networkAllow ?? [])])],
    // The policy can require reproducibility; an input can only add the check.
    reproducible: policy.build.reproducible || inputs.reproducible === true,
    timeoutMs,
    env: validateAllowList([...policy.build.env, ...(inputs.env ?? [])]),
  };
}
