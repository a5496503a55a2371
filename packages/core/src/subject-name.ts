/**
 * One rule for naming artefacts, used by build, attest, run and the gate: a file's subject name is its
 * path relative to the project root, with `/` separators, so `dist/axios.js` and `dist/esm/axios.js`
 * stay two subjects. The factory's output folder (`.secure-factory/out`) holds the build's outputs at
 * their project paths, so a file inside it is named by its path within it: attesting or gating
 * `.secure-factory/out/**` gives the names the build's provenance gave.
 *
 * Names are kept byte for byte (spaces and any Unicode are fine, nothing is re-normalised), but a name
 * must stay inside the project: absolute paths and `..` are refused, and so are control characters,
 * which would make `sha256sum`-style lines (`<hex>  <name>`) ambiguous.
 */
import path from 'node:path';
import { ConfigurationError } from './errors.js';
import { safeInlineBounded } from './output.js';

/** The build's output folder, relative to the project. */
export const OUTPUT_FOLDER = '.secure-factory/out';
const IN_OUTPUT_FOLDER = `${OUTPUT_FOLDER}/`;

/**
 * What no artefact name may hold: C0 and C1 controls, line and paragraph separators, bidirectional
 * formatting (the "Trojan Source" overrides that make `app.exe` read as `exe.ppa`), zero-width spaces
 * and the byte-order mark. Zero-width (non-)joiners stay: emoji and Persian names need them.
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200b\u200e\u200f\u2028-\u202e\u2060-\u2069\ufeff]/;

const INVISIBLE = 'contains a control character or invisible formatting (a bidi override, a zero-width space)';

/** The longest name a subject label may have (an image reference is at most a few hundred characters). */
const MAX_LABEL = 1024;

const PATH_HINT = 'subjects are named by their path relative to the project (e.g. "dist/app.js"): give a path inside the project';

function escapes(what: string, original: string, reason: string, hint = PATH_HINT): ConfigurationError {
  return new ConfigurationError(`${what} ${safeInlineBounded(JSON.stringify(original), 200)} ${reason}`, { hint });
}

/**
 * Checks and normalises a relative name: platform separators become `/`, `.` segments and a leading
 * `./` go, and a name that is empty, absolute, leaves the project (`..`), ends in `/` or holds a
 * control character is refused with an error naming it.
 */
export function subjectName(relative: string, what = 'the subject', within = 'the project'): string {
  if (relative === '') throw escapes(what, relative, 'is empty');
  if (CONTROL.test(relative)) throw escapes(what, relative, INVISIBLE);
  const posix = path.sep === '/' ? relative : relative.split(path.sep).join('/');
  if (path.posix.isAbsolute(posix) || /^[A-Za-z]:[\\/]/.test(posix)) throw escapes(what, relative, 'is an absolute path');
  const n = path.posix.normalize(posix);
  if (n === '..' || n.startsWith('../')) throw escapes(what, relative, `leaves ${within} ("..")`);
  if (n === '.' || n === './' || n.endsWith('/')) throw escapes(what, relative, 'names a folder, not a file');
  return n.startsWith('./') ? n.slice(2) : n;
}

/**
 * The subject name of a path that comes from a listing (core `listTreeNames`, joined with `/` under a
 * folder inside the project): it is relative and normalised by construction, so only what a file name
 * itself may hold is checked — the same refusal of control characters as `subjectName`, at a fraction
 * of its cost for 100,000 outputs.
 */
export function listedSubjectName(relative: string, what = 'the subject'): string {
  if (relative === '' || relative.charCodeAt(0) === 0x2f || relative.startsWith('..') || CONTROL.test(relative)) {
    return subjectName(relative, what); // throws with the reason
  }
  return relative;
}

/** A listed path relative to the project, named by the project rule (the output folder's files by their path in it). */
export function projectSubjectName(relative: string): string {
  const name = listedSubjectName(relative);
  return name.startsWith(IN_OUTPUT_FOLDER) ? name.slice(IN_OUTPUT_FOLDER.length) : name;
}

/**
 * The subject name of `file` in the project at `root` (both resolved against the current folder): its
 * relative path, or its path within the output folder when it lies there.
 */
export function subjectNameOf(root: string, file: string): string {
  return subjectNamer(root)(file);
}

/** `subjectNameOf` for many files of one project: the root is resolved once. */
export function subjectNamer(root: string): (file: string) => string {
  const base = path.resolve(root);
  const prefix = base.endsWith(path.sep) ? base : `${base}${path.sep}`;
  return (file: string): string => {
    const abs = path.isAbsolute(file) ? path.normalize(file) : path.resolve(file);
    if (!abs.startsWith(prefix) || abs.length === prefix.length) {
      throw new ConfigurationError(`${file} is outside the project ${root}, so it has no subject name`, {
        hint: 'subjects are named by their path relative to the project: run from the project folder, or give the artefact by its digest (sha256:<64 hex>)',
      });
    }
    return projectSubjectName(subjectName(abs.slice(prefix.length), `the path of ${file}`));
  };
}

/**
 * A subject name the operator gives as is (`--subject-name`, `NAME@sha256:…`, an image reference):
 * not a path, so `/`, `:` and `@` are fine, but it is signed into evidence and shown in every verdict,
 * so it must be visible text — no control, bidirectional formatting or zero-width character — of at
 * most 1,024 characters.
 */
export function subjectLabel(name: string, what = 'the subject name'): string {
  const refuse = (reason: string): ConfigurationError =>
    escapes(what, name, reason, 'name the artefact with visible characters: its path or its image reference (registry/name)');
  if (name.trim() === '') throw refuse('is empty');
  if (CONTROL.test(name)) throw refuse(INVISIBLE);
  if (name.length > MAX_LABEL) throw refuse(`is ${name.length} characters long, over ${MAX_LABEL}`);
  return name;
}
