/**
 * One attestation with the caller's own predicate, as actions/attest makes it: `predicate-type` with
 * `predicate` (JSON text) or `predicate-path`, or an SBOM from `sbom-path` (SPDX → the SPDX document
 * type of its version, CycloneDX → https://cyclonedx.org/bom). The rules and limits are actions/attest's
 * (v4.2.2 src/predicate.ts and src/sbom.ts): 16 MiB at most, exactly one of predicate/predicate-path,
 * sbom-path alone, JSON only. Errors name the input to change.
 */
import { ConfigurationError, decodeUtf8, jsonSyntaxReason, parseJsonText, readRegularFile, UnsafeFileError } from '@secure-factory/core';

export const MAX_PREDICATE_BYTES = 16 * 1024 * 1024;

export interface CustomPredicateInputs {
  predicateType?: string | undefined;
  /** JSON text of the predicate. */
  predicate?: string | undefined;
  predicatePath?: string | undefined;
  sbomPath?: string | undefined;
}

export interface CustomPredicate {
  /** Name of the statement in the evidence folder (`<name>.intoto.json`, `<name>.sigstore.json`). */
  name: string;
  predicateType: string;
  predicate: Record<string, unknown>;
}

/**
 * A predicate or SBOM file through core's safe reader: a FIFO (a plain read blocked forever), a device, a
 * link leaving the file's folder (a link to a JSON secret would otherwise be signed and published) or a
 * file over 16 MiB is refused before reading; the text must be UTF-8, and a JSON error names
 * line:column without quoting the text.
 */
async function readJsonFile(file: string, input: string): Promise<unknown> {
  let bytes: Buffer;
  try {
    bytes = await readRegularFile(file, { maxBytes: MAX_PREDICATE_BYTES, what: `${input} file`, hint: `check the ${input} input` });
  } catch (e: unknown) {
    if (e instanceof UnsafeFileError && e.reason === 'missing') {
      throw new ConfigurationError(`${input}: the file does not exist`, { location: { file }, hint: `check the ${input} input` });
    }
    if (e instanceof UnsafeFileError && e.reason === 'too-large') {
      throw new ConfigurationError(`${input}: ${e.message} (16 MiB)`, { location: { file } });
    }
    throw e;
  }
  const text = decodeUtf8(bytes, file, `${input} file`);
  try {
    return parseJsonText(text, file);
  } catch (e: unknown) {
    if (!(e instanceof ConfigurationError)) throw e;
    throw new ConfigurationError(`${input} is ${e.message}`, {
      ...(e.location ? { location: e.location } : {}),
      hint: `give ${input} as a JSON document`,
    });
  }
}

/** The inline `predicate` input: V8's message quotes the text, so only the kind of error is kept. */
function parseJson(text: string, input: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (e: unknown) {
    throw new ConfigurationError(`${input} is not JSON: ${jsonSyntaxReason(e instanceof Error ? e.message : String(e))}`, {
      hint: `give ${input} as a JSON document`,
    });
  }
}

const obj = (v: unknown): Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

/** The custom predicate the inputs ask for, or undefined when they ask for none. */
export async function customPredicate(inputs: CustomPredicateInputs): Promise<CustomPredicate | undefined> {
  const { predicateType, predicate, predicatePath, sbomPath } = inputs;
  if (sbomPath !== undefined) {
    if (predicateType !== undefined || predicate !== undefined || predicatePath !== undefined) {
      throw new ConfigurationError('sbom-path cannot be used together with predicate-type, predicate or predicate-path', {
        hint: 'attest the SBOM and a custom predicate in two steps',
      });
    }
    const sbom = obj(await readJsonFile(sbomPath, 'sbom-path'));
    if (typeof sbom.spdxVersion === 'string' && sbom.SPDXID !== undefined) {
      const version = sbom.spdxVersion.split('-')[1];
      if (!version)
        throw new ConfigurationError(`sbom-path: spdxVersion "${sbom.spdxVersion}" names no version`, { location: { file: sbomPath } });
      return { name: 'sbom', predicateType: `https://spdx.dev/Document/v${version}`, predicate: sbom };
    }
    if (sbom.bomFormat !== undefined && sbom.serialNumber !== undefined && sbom.specVersion !== undefined) {
      return { name: 'sbom', predicateType: 'https://cyclonedx.org/bom', predicate: sbom };
    }
    throw new ConfigurationError('sbom-path: unsupported SBOM format; it must be SPDX JSON or CycloneDX JSON', {
      location: { file: sbomPath },
    });
  }
  if (predicateType === undefined) {
    if (predicate !== undefined || predicatePath !== undefined) {
      throw new ConfigurationError('predicate and predicate-path need predicate-type', {
        hint: 'set predicate-type to the predicate’s URI',
      });
    }
    return undefined;
  }
  if (!/^[a-z][a-z0-9+.-]*:\S+$/i.test(predicateType)) {
    throw new ConfigurationError(`predicate-type "${predicateType}" is not a URI`, { hint: 'e.g. https://example.com/my-predicate/v1' });
  }
  if ((predicate === undefined) === (predicatePath === undefined)) {
    throw new ConfigurationError('give exactly one of predicate or predicate-path with predicate-type');
  }
  let value: unknown;
  if (predicatePath !== undefined) value = await readJsonFile(predicatePath, 'predicate-path');
  else {
    const text = predicate ?? '';
    if (Buffer.byteLength(text) > MAX_PREDICATE_BYTES) {
      throw new ConfigurationError(`predicate is ${Buffer.byteLength(text)} bytes; the limit is ${MAX_PREDICATE_BYTES} (16 MiB)`);
    }
    value = parseJson(text, 'predicate');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ConfigurationError('the predicate must be a JSON object (an in-toto Statement v1 predicate is an object)');
  }
  return { name: 'predicate', predicateType, predicate: value as Record<string, unknown> };
}
