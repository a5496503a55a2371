/**
 * Predicates the factory defines itself (no public predicate says these things), under the project's
 * namespace like the build type: the workflows' least-privilege posture recorded at checkout-verify,
 * and the remediation clock's state changes. Their JSON Schemas are registered with the others in
 * statement-schema.ts, so EvidenceFolder refuses a malformed one as it refuses a malformed VSA.
 */
import type { Severity } from './findings.js';
import { TOOL_URI } from './tool.js';

export const WORKFLOW_POSTURE_PREDICATE = `${TOOL_URI}/workflow-posture/v1`;
export const REMEDIATION_EVENT_PREDICATE = `${TOOL_URI}/remediation-event/v1`;

/** What one workflow file may do beyond reading: write grants in effect per job, movable references, secrets read. */
export interface WorkflowFilePosture {
  /** Relative to the repository root, forward slashes. */
  path: string;
  /** `access`: `write` (one scope), `write-all` (scope `*`), `default` (no permissions block: the repository default, scope `*`). */
  permissions: { job: string; scope: string; access: 'write' | 'write-all' | 'default' }[];
  /** `uses:` of steps and reusable-workflow jobs not pinned to a full commit SHA (images: to a digest). */
  unpinned: { job: string; uses: string }[];
  /** Secret names read (upper case), or a marker for the whole context. */
  secrets: string[];
}

export interface WorkflowPosture {
  files: WorkflowFilePosture[];
  /** The workflow audit's findings over the same files. */
  findings: { count: number; digest: string; list: { rule: string; file: string; line: number; severity: Severity }[] };
}

export interface WorkflowPosturePredicate extends WorkflowPosture {
  /** The repository and commit audited (also the statement's subject). */
  repository: string;
  commit: string;
  /** When it was audited (the local clock: informational, the signature's timestamp is the trusted time). */
  auditedAt: string;
}

export type RemediationEventKind = 'opened' | 'updated' | 'waived' | 'stopped' | 'overdue' | 'checked';

export interface RemediationEventPredicate {
  /** What changed. `checked`: a rescan saw open remediations and needed a trusted "now" (no change). */
  event: RemediationEventKind;
  /** `owner/repo`, or the evidence folder's label for a single-repository rescan. */
  scope: string;
  /** The remediation as it is after this change (absent for `checked`). */
  remediation?: {
    advisory: string;
    aliases: string[];
    package: { ecosystem: string; name: string; version: string };
    severity: Severity;
    fixedVersions: string[];
    digests: string[];
    environments: string[];
    status: 'open' | 'resolved' | 'waived';
  };
  /** For `checked`: the open remediations (advisory/ecosystem/name) the rescan looked at. */
  open?: string[];
  /** sha256 of the previous event bundle of the same remediation (a chain: a removed or reordered event shows). */
  previous?: string;
  /** 1 for the first event of a remediation. */
  sequence: number;
  /** The rescan's local clock when it asked for the signature (informational only). */
  requestedAt: string;
}

const severity = { enum: ['critical', 'high', 'medium', 'low', 'info'] } as const;
const str = { type: 'string' } as const;
const strings = { type: 'array', items: str } as const;

export const workflowPostureSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['repository', 'commit', 'auditedAt', 'files', 'findings'],
  properties: {
    repository: str,
    commit: { type: 'string', pattern: '^[0-9a-f]{40}([0-9a-f]{24})?$' },
    auditedAt: { type: 'string', format: 'date-time' },
    files: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['path', 'permissions', 'unpinned', 'secrets'],
        properties: {
          path: str,
          permissions: {
            type: 'array',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['job', 'scope', 'access'],
              properties: { job: str, scope: str, access: { enum: ['write', 'write-all', 'default'] } },
            },
          },
          unpinned: {
            type: 'array',
            items: { type: 'object', additionalProperties: false, required: ['job', 'uses'], properties: { job: str, uses: str } },
          },
          secrets: strings,
        },
      },
    },
    findings: {
      type: 'object',
      additionalProperties: false,
      required: ['count', 'digest', 'list'],
      properties: {
        count: { type: 'integer', minimum: 0 },
        digest: { type: 'string', pattern: '^sha256:[0-9a-f]{64}$' },
        list: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['rule', 'file', 'line', 'severity'],
            properties: { rule: str, file: str, line: { type: 'integer', minimum: 0 }, severity },
          },
        },
      },
    },
  },
} as const;

export const remediationEventSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['event', 'scope', 'sequence', 'requestedAt'],
  properties: {
    event: { enum: ['opened', 'updated', 'waived', 'stopped', 'overdue', 'checked'] },
    scope: str,
    remediation: {
      type: 'object',
      additionalProperties: false,
      required: ['advisory', 'aliases', 'package', 'severity', 'fixedVersions', 'digests', 'environments', 'status'],
      properties: {
        advisory: { type: 'string', minLength: 1 },
        aliases: strings,
        package: {
          type: 'object',
          additionalProperties: false,
          required: ['ecosystem', 'name', 'version'],
          properties: { ecosystem: str, name: str, version: str },
        },
        severity,
        fixedVersions: strings,
        digests: strings,
        environments: strings,
        status: { enum: ['open', 'resolved', 'waived'] },
      },
    },
    open: strings,
    previous: { type: 'string', pattern: '^sha256:[0-9a-f]{64}$' },
    sequence: { type: 'integer', minimum: 1 },
    requestedAt: { type: 'string', format: 'date-time' },
  },
  if: { properties: { event: { const: 'checked' } } },
  then: { required: ['open'] },
  else: { required: ['remediation'] },
} as const;
