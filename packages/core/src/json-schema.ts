/**
 * One place that builds ajv validators, so every package validates the same way and reports the
 * same error shape. ajv and ajv-formats are CommonJS; their default exports are unwrapped here once.
 */
import { Ajv, type ErrorObject, type Options, type ValidateFunction } from 'ajv';
import * as ajvFormats from 'ajv-formats';

type FormatsPlugin = (ajv: Ajv) => Ajv;

function formatsPlugin(): FormatsPlugin {
  const mod = ajvFormats as unknown as { default: FormatsPlugin | { default: FormatsPlugin } };
  const d = mod.default;
  return typeof d === 'function' ? d : d.default;
}

export function newAjv(options: Options = {}): Ajv {
  const ajv = new Ajv({ allErrors: true, strict: true, ...options });
  formatsPlugin()(ajv);
  return ajv;
}

export type { ErrorObject, ValidateFunction };

/** `/a/0/b` → `['a', 0, 'b']`, numbers for array indexes. */
export function pointerToPath(pointer: string): (string | number)[] {
  if (!pointer) return [];
  return pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/** A readable one-line reason for one ajv error. */
export function describeAjvError(e: ErrorObject): string {
  const at = e.instancePath ? e.instancePath : '(top level)';
  switch (e.keyword) {
    case 'additionalProperties': {
      const p = (e.params as { additionalProperty: string }).additionalProperty;
      return `${at}: unknown key "${p}"`;
    }
    case 'enum': {
      const allowed = (e.params as { allowedValues: unknown[] }).allowedValues;
      return `${at}: must be one of ${allowed.map((v) => JSON.stringify(v)).join(', ')}`;
    }
    case 'required': {
      const p = (e.params as { missingProperty: string }).missingProperty;
      return `${at}: missing required key "${p}"`;
    }
    case 'const': {
      const allowed = (e.params as { allowedValue: unknown }).allowedValue;
      return `${at}: must be ${JSON.stringify(allowed)}`;
    }
    default:
      return `${at}: ${e.message ?? e.keyword}`;
  }
}

/** Drops errors that only restate a more specific one (ajv reports every failing branch of anyOf/oneOf). */
export function significantErrors(errors: readonly ErrorObject[]): ErrorObject[] {
  const specific = errors.filter((e) => e.keyword !== 'anyOf' && e.keyword !== 'oneOf' && e.keyword !== 'if');
  return specific.length > 0 ? specific : [...errors];
}
