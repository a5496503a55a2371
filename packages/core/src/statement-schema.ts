/**
 * JSON Schemas for in-toto Statement v1 and the predicates the factory writes. in-toto/attestation
 * and slsa-framework/slsa publish only protos and Markdown (no JSON Schema), so these are written
 * from the protos (statement.proto, resource_descriptor.proto, provenance.proto, vsa.proto,
 * test_result.proto, vulns.proto) with the proto3 JSON names.
 */
import { PREDICATE, STATEMENT_TYPE, type Statement } from './statement.js';
import { describeAjvError, newAjv, significantErrors, type ValidateFunction } from './json-schema.js';
// The factory's own predicates are exported with the schemas that check them.
export * from './factory-predicates.js';
import {
  REMEDIATION_EVENT_PREDICATE,
  remediationEventSchema,
  WORKFLOW_POSTURE_PREDICATE,
  workflowPostureSchema,
} from './factory-predicates.js';

const digestSet = {
  type: 'object',
  minProperties: 1,
  // Algorithm names are lower case; hex digests for the sha families, other encodings (gitCommit) stay strings.
  propertyNames: { pattern: '^[a-zA-Z0-9_]+$' },
  additionalProperties: { type: 'string', minLength: 1 },
  properties: {
    sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' },
    sha512: { type: 'string', pattern: '^[0-9a-f]{128}$' },
    sha1: { type: 'string', pattern: '^[0-9a-f]{40}$' },
    gitCommit: { type: 'string', pattern: '^[0-9a-f]{40}([0-9a-f]{24})?$' },
  },
} as const;

const resourceDescriptor = {
  type: 'object',
  additionalProperties: false,
  properties: {
    name: { type: 'string' },
    uri: { type: 'string' },
    digest: digestSet,
    content: { type: 'string', contentEncoding: 'base64' },
    downloadLocation: { type: 'string' },
    mediaType: { type: 'string' },
    annotations: { type: 'object' },
  },
  // The spec: at least one of uri, digest, content must be set.
  anyOf: [{ required: ['uri'] }, { required: ['digest'] }, { required: ['content'] }],
} as const;

const timestamp = { type: 'string', format: 'date-time' } as const;

export const statementSchema = {
  $id: 'https://secure-factory.dev/schemas/in-toto-statement-v1.json',
  type: 'object',
  additionalProperties: false,
  required: ['_type', 'subject', 'predicateType', 'predicate'],
  properties: {
    _type: { const: STATEMENT_TYPE },
    subject: {
      type: 'array',
      minItems: 1,
      items: { ...resourceDescriptor, required: ['digest'] },
    },
    predicateType: { type: 'string', format: 'uri' },
    predicate: { type: 'object' },
  },
} as const;

const provenanceSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['buildDefinition', 'runDetails'],
  properties: {
    buildDefinition: {
      type: 'object',
      additionalProperties: false,
      required: ['buildType', 'externalParameters'],
      properties: {
        buildType: { type: 'string', format: 'uri' },
        externalParameters: { type: 'object' },
        internalParameters: { type: 'object' },
        resolvedDependencies: { type: 'array', items: resourceDescriptor },
      },
    },
    runDetails: {
      type: 'object',
      additionalProperties: false,
      required: ['builder'],
      properties: {
        builder: {
          type: 'object',
          additionalProperties: false,
          required: ['id'],
          properties: {
            id: { type: 'string', format: 'uri' },
            version: { type: 'object', additionalProperties: { type: 'string' } },
            builderDependencies: { type: 'array', items: resourceDescriptor },
          },
        },
        metadata: {
          type: 'object',
          additionalProperties: false,
          properties: { invocationId: { type: 'string' }, startedOn: timestamp, finishedOn: timestamp },
        },
        byproducts: { type: 'array', items: resourceDescriptor },
      },
    },
  },
} as const;

const vsaSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['verifier', 'timeVerified', 'resourceUri', 'policy', 'verificationResult', 'verifiedLevels'],
  properties: {
    verifier: {
      type: 'object',
      additionalProperties: false,
      required: ['id'],
      properties: { id: { type: 'string', format: 'uri' }, version: { type: 'object', additionalProperties: { type: 'string' } } },
    },
    timeVerified: timestamp,
    resourceUri: { type: 'string', minLength: 1 },
    policy: {
      type: 'object',
      additionalProperties: false,
      properties: { uri: { type: 'string' }, digest: digestSet },
    },
    inputAttestations: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['digest'],
        properties: { uri: { type: 'string' }, digest: digestSet },
      },
    },
    verificationResult: { enum: ['PASSED', 'FAILED'] },
    verifiedLevels: { type: 'array', items: { type: 'string', pattern: '^[A-Z0-9_]+$' } },
    dependencyLevels: { type: 'object', additionalProperties: { type: 'integer', minimum: 0 } },
    slsaVersion: { type: 'string', pattern: '^[0-9]+\\.[0-9]+$' },
  },
} as const;

const testResultSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['result', 'configuration'],
  properties: {
    result: { enum: ['PASSED', 'WARNED', 'FAILED'] },
    configuration: { type: 'array', items: resourceDescriptor },
    url: { type: 'string' },
    passedTests: { type: 'array', items: { type: 'string' } },
    warnedTests: { type: 'array', items: { type: 'string' } },
    failedTests: { type: 'array', items: { type: 'string' } },
  },
} as const;

const vulnsSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['scanner'],
  properties: {
    scanner: {
      type: 'object',
      additionalProperties: false,
      required: ['uri'],
      properties: {
        uri: { type: 'string', minLength: 1 },
        version: { type: 'string' },
        database: {
          type: 'object',
          additionalProperties: false,
          properties: { uri: { type: 'string' }, version: { type: 'string' }, lastUpdate: timestamp },
        },
        result: {
          type: 'object',
          additionalProperties: false,
          properties: {
            vulnerabilities: {
              type: 'array',
              items: {
                type: 'object',
                additionalProperties: false,
                required: ['id'],
                properties: {
                  id: { type: 'string', minLength: 1 },
                  severity: {
                    type: 'array',
                    items: {
                      type: 'object',
                      additionalProperties: false,
                      required: ['method', 'score'],
                      properties: { method: { type: 'string' }, score: { type: 'string' } },
                    },
                  },
                  annotations: { type: 'array', items: { type: 'object' } },
                },
              },
            },
          },
        },
      },
    },
    scanMetadata: {
      type: 'object',
      additionalProperties: false,
      properties: { scanStartedOn: timestamp, scanFinishedOn: timestamp },
    },
  },
} as const;

/** Predicate schemas by predicateType; CycloneDX and SPDX are checked against their official schemas elsewhere. */
export const predicateSchemas: Readonly<Record<string, object>> = {
  [PREDICATE.provenance]: provenanceSchema,
  [PREDICATE.vsa]: vsaSchema,
  [PREDICATE.testResult]: testResultSchema,
  [PREDICATE.vulns]: vulnsSchema,
  [WORKFLOW_POSTURE_PREDICATE]: workflowPostureSchema,
  [REMEDIATION_EVENT_PREDICATE]: remediationEventSchema,
};

let compiled: { statement: ValidateFunction; predicates: Map<string, ValidateFunction> } | undefined;

function validators(): { statement: ValidateFunction; predicates: Map<string, ValidateFunction> } {
  if (!compiled) {
    const ajv = newAjv({ strict: false });
    const predicates = new Map<string, ValidateFunction>();
    for (const [type, schema] of Object.entries(predicateSchemas)) predicates.set(type, ajv.compile(schema));
    compiled = { statement: ajv.compile(statementSchema), predicates };
  }
  return compiled;
}

/** Problems with a statement (empty when valid): the envelope shape and, for known types, the predicate. */
export function validateStatement(value: unknown): string[] {
  const v = validators();
  if (!v.statement(value)) return significantErrors(v.statement.errors ?? []).map(describeAjvError);
  const st = value as Statement;
  const pv = v.predicates.get(st.predicateType);
  if (pv && !pv(st.predicate)) {
    return significantErrors(pv.errors ?? []).map((e) => `predicate${describeAjvError(e).replace(/^\(top level\)/, '')}`);
  }
  return [];
}

export function isStatement(value: unknown): value is Statement {
  return validateStatement(value).length === 0;
}
