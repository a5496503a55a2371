/** Validators for the official schemas in ../shared/schemas, with the load-time fixes its README describes. */
import { Ajv } from 'ajv';
import * as ajvFormats from 'ajv-formats';
import { createRequire } from 'node:module';
import { readSharedJson } from './shared.js';

const require = createRequire(import.meta.url);

type Plugin = (ajv: Ajv) => Ajv;
function addFormats(ajv: Ajv): Ajv {
  const m = ajvFormats as unknown as { default: Plugin | { default: Plugin } };
  const f = typeof m.default === 'function' ? m.default : m.default.default;
  return f(ajv);
}

export type Validate = (value: unknown) => string[];

function wrap(fn: ((v: unknown) => boolean) & { errors?: unknown }): Validate {
  return (v) =>
    fn(v)
      ? []
      : ((fn.errors as { instancePath: string; message?: string }[] | undefined) ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}

let sarif: Validate | undefined;
export function sarifValidator(): Validate {
  if (!sarif) {
    const AjvDraft04 = require('ajv-draft-04') as new (o: object) => Ajv;
    const ajv = new AjvDraft04({ allErrors: true, strict: false });
    addFormats(ajv);
    sarif = wrap(ajv.compile(readSharedJson('schemas', 'sarif', 'sarif-schema-2.1.0.json')));
  }
  return sarif;
}

let cdx: Validate | undefined;
export function cycloneDxValidator(): Validate {
  if (!cdx) {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    ajv.addSchema(readSharedJson('schemas', 'cyclonedx', 'spdx.schema.json'));
    ajv.addSchema(readSharedJson('schemas', 'cyclonedx', 'jsf-0.82.schema.json'));
    cdx = wrap(ajv.compile(readSharedJson('schemas', 'cyclonedx', 'bom-1.6.schema.json')));
  }
  return cdx;
}

let spdx: Validate | undefined;
export function spdxValidator(): Validate {
  if (!spdx) {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    spdx = wrap(ajv.compile(readSharedJson('schemas', 'spdx', 'spdx-schema.json')));
  }
  return spdx;
}

let osv: Validate | undefined;
export function osvValidator(): Validate {
  if (!osv) {
    const Ajv2020 = (require('ajv/dist/2020') as { Ajv2020: new (o: object) => Ajv }).Ajv2020;
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    osv = wrap(ajv.compile(readSharedJson('schemas', 'osv', 'schema.json')));
  }
  return osv;
}

/** camelCase the `required` lists and drop `additionalProperties` beside `$ref` (generator bugs upstream). */
function fixSigstoreSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(fixSigstoreSchema);
  if (node && typeof node === 'object') {
    const out: Record<string, unknown> = {};
    const obj = node as Record<string, unknown>;
    for (const [k, v] of Object.entries(obj)) {
      if (k === 'additionalProperties' && '$ref' in obj) continue;
      if (k === 'required' && Array.isArray(v)) {
        out[k] = v.map((s) => String(s).replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase()));
      } else out[k] = fixSigstoreSchema(v);
    }
    return out;
  }
  return node;
}

let bundle: Validate | undefined;
export function sigstoreBundleValidator(): Validate {
  if (!bundle) {
    const AjvDraft04 = require('ajv-draft-04') as new (o: object) => Ajv;
    const ajv = new AjvDraft04({ allErrors: true, strict: false });
    addFormats(ajv);
    bundle = wrap(ajv.compile(fixSigstoreSchema(readSharedJson('schemas', 'sigstore', 'Bundle.schema.json')) as object));
  }
  return bundle;
}

let workflow: Validate | undefined;
export function workflowValidator(): Validate {
  if (!workflow) {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    workflow = wrap(ajv.compile(readSharedJson('schemas', 'github-actions', 'github-workflow.json')));
  }
  return workflow;
}

let action: Validate | undefined;
export function actionValidator(): Validate {
  if (!action) {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    action = wrap(ajv.compile(readSharedJson('schemas', 'github-actions', 'github-action.json')));
  }
  return action;
}
