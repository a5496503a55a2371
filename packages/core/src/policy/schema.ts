/**
 * The JSON Schema of `.github/secure-factory.yml` (apiVersion secure-factory/v1). Every object is
 * closed (`additionalProperties: false`) so a typo in a key is an error that names the allowed keys,
 * not a silently ignored setting — in a security tool an ignored key is a policy bypass.
 */
const severity = { enum: ['critical', 'high', 'medium', 'low', 'none'] } as const;
const duration = { type: 'string', pattern: '^[0-9]+(m|h|d)$' } as const;
const stringList = { type: 'array', items: { type: 'string', minLength: 1 } } as const;
/** CEL rules per list: each may run up to a second, and they share five (core CEL_TOTAL_BUDGET_MS). */
const MAX_RULES = 100;
const celRule = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'expression'],
  properties: {
    name: { type: 'string', minLength: 1 },
    expression: { type: 'string', minLength: 1 },
    message: { type: 'string' },
  },
} as const;

const signer = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: {
    name: { type: 'string' },
    ssh: { type: 'string', minLength: 1, description: 'an SSH public key line (ssh-ed25519 AAAA... comment)' },
    gpg: { type: 'string', pattern: '^[0-9A-Fa-f]{16,40}$', description: 'a GPG key fingerprint or long key id' },
    'gpg-key': { type: 'string', description: 'an ASCII-armoured GPG public key' },
    email: { type: 'string', minLength: 3 },
    x509: {
      type: 'object',
      additionalProperties: false,
      properties: { identity: { type: 'string' }, issuer: { type: 'string' }, 'ca-file': { type: 'string' } },
    },
  },
} as const;

const deployEnvironment = {
  type: 'object',
  additionalProperties: false,
  properties: {
    require: { type: 'array', items: { enum: ['provenance', 'source', 'sbom', 'vulnerabilities', 'tests'] } },
    builder: { type: 'string', minLength: 1, description: 'the builder identity (reusable workflow ref) the provenance must come from' },
    'source-level': { type: 'integer', minimum: 0, maximum: 4 },
    'block-severity': severity,
    'max-scan-age': duration,
    'max-database-age': duration,
    refs: stringList,
    environments: stringList,
    registries: stringList,
    'same-run': { type: 'boolean' },
    rules: { type: 'array', items: celRule, maxItems: MAX_RULES },
  },
} as const;

export const policySchema = {
  $id: 'https://secure-factory.dev/schemas/policy-v1.json',
  type: 'object',
  additionalProperties: false,
  required: ['apiVersion'],
  properties: {
    apiVersion: { const: 'secure-factory/v1' },
    source: {
      type: 'object',
      additionalProperties: false,
      properties: {
        'signed-commits': { enum: ['all', 'head', 'none'] },
        range: {
          oneOf: [{ enum: ['base-branch', 'last-tag', 'head'] }, { type: 'integer', minimum: 1, maximum: 100000 }],
        },
        since: {
          type: 'string',
          // A ref name or SHA: never an option (leading -) or a revision expression.
          pattern: '^[^-\\s~^:?*\\[\\\\][^\\s~^:?*\\[\\\\]*$',
          description: 'a tag or commit: the signed-history check covers since..HEAD (e.g. the first release that was signed)',
        },
        signers: { type: 'array', items: signer },
        reviews: {
          type: 'object',
          additionalProperties: false,
          properties: { approvals: { type: 'integer', minimum: 0, maximum: 100 }, codeowners: { type: 'boolean' } },
        },
        'branch-protection': { type: 'boolean' },
        workflows: {
          type: 'object',
          additionalProperties: false,
          properties: {
            audit: { type: 'boolean' },
            'block-severity': severity,
            ignore: stringList,
          },
        },
      },
    },
    materials: {
      type: 'object',
      additionalProperties: false,
      properties: {
        'block-severity': severity,
        licenses: {
          type: 'object',
          additionalProperties: false,
          properties: {
            allow: stringList,
            deny: stringList,
            unknown: { enum: ['allow', 'warn', 'block'] },
          },
        },
        registries: stringList,
        integrity: { enum: ['required', 'optional'] },
        'non-registry': {
          type: 'object',
          additionalProperties: false,
          properties: { git: { type: 'boolean' }, http: { type: 'boolean' }, file: { type: 'boolean' } },
        },
        images: {
          type: 'object',
          additionalProperties: false,
          properties: {
            registries: stringList,
            pinned: { enum: ['digest', 'tag', 'any'] },
            // Who may sign the base images of each registry: a Sigstore identity (certificate SAN, and
            // optionally its OIDC issuer) or a public key (PEM text, or a path relative to the policy file).
            trust: {
              type: 'array',
              items: {
                type: 'object',
                additionalProperties: false,
                required: ['registry'],
                oneOf: [{ required: ['identity'] }, { required: ['key'] }],
                properties: {
                  registry: { type: 'string', minLength: 1 },
                  identity: { type: 'string', minLength: 1 },
                  issuer: { type: 'string', minLength: 1 },
                  key: { type: 'string', minLength: 1 },
                },
              },
            },
            validated: { enum: ['required', 'warn'] },
          },
        },
        actions: {
          type: 'object',
          additionalProperties: false,
          properties: { pinned: { enum: ['sha', 'tag', 'any'] }, allow: stringList },
        },
        database: {
          type: 'object',
          additionalProperties: false,
          properties: { path: { type: 'string' }, 'max-age': duration },
        },
        'include-dev': { type: 'boolean' },
        rules: { type: 'array', items: celRule, maxItems: MAX_RULES },
        ignore: stringList,
        unpinned: { enum: ['block', 'warn', 'allow'] },
      },
    },
    build: {
      type: 'object',
      additionalProperties: false,
      properties: {
        // `network: fetch-only`, or `network: { mode: fetch-only, allow: [registry.corp.example] }`.
        network: {
          oneOf: [
            { enum: ['none', 'fetch-only'] },
            {
              type: 'object',
              additionalProperties: false,
              properties: { mode: { enum: ['none', 'fetch-only'] }, allow: stringList },
            },
          ],
        },
        reproducible: { type: 'boolean' },
        timeout: duration,
        env: stringList,
      },
    },
    attest: {
      type: 'object',
      additionalProperties: false,
      properties: {
        signer: { enum: ['keyless', 'key', 'ephemeral'] },
        'public-transparency-log': { enum: ['auto', 'always', 'never'] },
        'max-subjects': { type: 'integer', minimum: 1, maximum: 1024 },
      },
    },
    deploy: {
      type: 'object',
      propertyNames: { pattern: '^[A-Za-z0-9_.-]{1,64}$' },
      additionalProperties: deployEnvironment,
    },
    'exception-max-days': { type: 'integer', minimum: 1, maximum: 366 },
    exceptions: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['reason', 'approver', 'expires'],
        properties: {
          advisory: { type: 'string', minLength: 1 },
          rule: { type: 'string', minLength: 1 },
          package: { type: 'string', minLength: 1 },
          digest: { type: 'string', pattern: '^sha256:[0-9a-f]{64}$' },
          environment: { type: 'string' },
          reason: { type: 'string', minLength: 1 },
          approver: { type: 'string', minLength: 1 },
          expires: { type: 'string', format: 'date' },
        },
        anyOf: [{ required: ['advisory'] }, { required: ['rule'] }, { required: ['package'] }],
      },
    },
  },
} as const;
