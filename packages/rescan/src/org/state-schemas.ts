/**
 * The shapes of the files the portfolio rescan's jobs hand each other (inventory.json and plan.json from
 * the plan job, shard-i-of-n.json from each shard job). They travel as workflow artifacts: one altered,
 * truncated or produced by another version must end as exit 2 naming the file and the field, never as a
 * TypeError deep in the merge (exit 3) or a shard that quietly checks nothing. Open schemas: fields a
 * newer writer adds are ignored; the fields this code reads are required and typed.
 */
import { ConfigurationError, describeAjvError, newAjv, significantErrors, type ValidateFunction } from '@secure-factory/core';

const str = { type: 'string' } as const;
const count = { type: 'integer', minimum: 0 } as const;
const strings = { type: 'array', items: str } as const;

const inventorySchema = {
  type: 'object',
  required: ['apiVersion', 'org', 'collectedAt', 'repositories', 'artefacts', 'superseded', 'problems'],
  properties: {
    apiVersion: str,
    org: str,
    collectedAt: str,
    repositories: {
      type: 'array',
      items: {
        type: 'object',
        required: ['repository', 'status', 'records'],
        properties: { repository: str, status: str, records: count },
      },
    },
    artefacts: {
      type: 'array',
      items: {
        type: 'object',
        required: ['repository', 'digest', 'run', 'environments', 'sbom', 'packages', 'chain'],
        properties: {
          repository: str,
          digest: str,
          name: str,
          run: str,
          environments: {
            type: 'array',
            items: { type: 'object', required: ['environment', 'time'], properties: { environment: str, time: str } },
          },
          sbom: { type: 'boolean' },
          packages: { type: 'array', items: { type: 'array', minItems: 3, maxItems: 3, items: str } },
          chain: { type: 'object' },
        },
      },
    },
    superseded: { type: 'array', items: { type: 'object' } },
    problems: strings,
    drift: { type: 'array', items: { type: 'object' } },
  },
} as const;

const planSchema = {
  type: 'object',
  required: ['apiVersion', 'inventory', 'artefacts', 'packages', 'shards'],
  properties: {
    apiVersion: str,
    inventory: str,
    artefacts: count,
    packages: count,
    shards: {
      type: 'array',
      items: {
        type: 'object',
        required: ['shard', 'artefacts', 'packages'],
        properties: { shard: str, artefacts: { type: 'array', items: count }, packages: count },
      },
    },
  },
} as const;

const shardSchema = {
  type: 'object',
  required: ['apiVersion', 'shard', 'inventory', 'snapshot', 'artefacts', 'packages', 'elapsedMs'],
  properties: {
    apiVersion: str,
    shard: str,
    inventory: str,
    snapshot: { type: 'object' },
    artefacts: {
      type: 'array',
      items: {
        type: 'object',
        required: ['index', 'repository', 'digest', 'packages', 'matches'],
        properties: {
          index: count,
          repository: str,
          digest: str,
          packages: count,
          matches: {
            type: 'array',
            items: {
              type: 'object',
              required: ['advisory', 'aliases', 'package', 'severity', 'fixedVersions'],
              properties: {
                advisory: str,
                aliases: strings,
                package: {
                  type: 'object',
                  required: ['ecosystem', 'name', 'version'],
                  properties: { ecosystem: str, name: str, version: str },
                },
                severity: str,
                fixedVersions: strings,
                summary: str,
              },
            },
          },
        },
      },
    },
    packages: count,
    elapsedMs: { type: 'number', minimum: 0 },
  },
} as const;

type Kind = 'inventory' | 'plan' | 'shard';
const WHAT: Record<Kind, string> = { inventory: 'portfolio inventory', plan: 'shard plan', shard: 'shard result' };
let validators: Record<Kind, ValidateFunction> | undefined;

/**
 * Refuses (exit 2, naming the file) a portfolio file that is not of `kind` at `apiVersion`, or whose
 * shape is wrong (naming the first problems).
 */
export function checkPortfolioFile<T>(kind: Kind, value: unknown, file: string, apiVersion: string): T {
  if (typeof value !== 'object' || value === null || (value as { apiVersion?: unknown }).apiVersion !== apiVersion)
    throw new ConfigurationError(`not a ${WHAT[kind]} (apiVersion ${apiVersion})`, { location: { file } });
  if (!validators) {
    const ajv = newAjv({ strict: false });
    validators = { inventory: ajv.compile(inventorySchema), plan: ajv.compile(planSchema), shard: ajv.compile(shardSchema) };
  }
  const validate = validators[kind];
  if (!validate(value)) {
    const problems = significantErrors(validate.errors ?? [])
      .slice(0, 3)
      .map(describeAjvError);
    throw new ConfigurationError(`not a valid ${WHAT[kind]}: ${problems.join('; ')}`, {
      location: { file },
      hint: 'use the files the portfolio rescan jobs wrote, unaltered (inventory.json and plan.json from the plan job, shard-*.json from the shard jobs)',
    });
  }
  return value as T;
}
