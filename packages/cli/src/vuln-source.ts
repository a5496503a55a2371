/** Chooses the vulnerability database for `scan`, `rescan` and `run`: offline when given, else the OSV API. */
import { ConfigurationError, type Logger, type Policy } from '@secure-factory/core';
import { OsvApiSource, openOfflineDatabase, type VulnSource } from '@secure-factory/materials';

export interface VulnSourceOptions {
  osvDb?: string | undefined;
  osvApi?: string | undefined;
  offline?: boolean | undefined;
}

export async function openVulnSource(opts: VulnSourceOptions, policy: Policy, logger: Logger): Promise<VulnSource> {
  const dbPath = opts.osvDb ?? policy.materials.database.path;
  if (dbPath) return openOfflineDatabase(dbPath, { logger });
  if (opts.offline) {
    throw new ConfigurationError('--offline needs an OSV database', {
      hint: 'pass --osv-db PATH or set materials.database.path in the policy',
    });
  }
  return new OsvApiSource({ baseUrl: opts.osvApi ?? 'https://api.osv.dev', logger });
}
