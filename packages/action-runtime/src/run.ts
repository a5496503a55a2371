/**
 * The one try/catch every action ends in (user mistakes become a clear ::error, bugs keep their stack),
 * and the actions' half of the output chokepoint: the only module that calls @actions/core's printing
 * functions (an ESLint rule keeps actions/*\/src away from them). Every text goes through core's
 * `safeText`/`visibleControls` first, so an advisory, a file name or an operator's input can neither
 * start a workflow command nor smuggle terminal escapes into the log.
 */
import * as core from '@actions/core';
import {
  errorMessage,
  filesystemInputError,
  isSecureFactoryError,
  annotationText,
  safeText,
  stripControl,
  visibleControls,
  type Finding,
  type Logger,
} from '@secure-factory/core';

export function coreLogger(): Logger {
  return {
    debug: (m) => core.debug(annotationText(m)),
    info: (m) => core.info(safeText(m)),
    warning: (m, loc) => core.warning(annotationText(m), annotation(loc)),
    error: (m, loc) => core.error(annotationText(m), annotation(loc)),
    progress: (done, total, what) => {
      if (done === total || done % Math.max(1, Math.floor(total / 10)) === 0) core.info(safeText(`${what}: ${done}/${total}`));
    },
  };
}

function annotation(loc?: { file?: string; line?: number; column?: number; title?: string }): core.AnnotationProperties {
  if (!loc) return {};
  const a: core.AnnotationProperties = {};
  // Properties are percent-encoded by @actions/core (`escapeProperty`: % CR LF : ,) after this.
  if (loc.file) a.file = annotationText(loc.file);
  if (loc.line) a.startLine = loc.line;
  if (loc.column) a.startColumn = loc.column;
  if (loc.title) a.title = annotationText(loc.title);
  return a;
}

/** One error annotation (a failed gate check, say) with an optional title and location. */
export function annotateError(message: string, loc?: { file?: string; line?: number; column?: number; title?: string }): void {
  core.error(annotationText(message), annotation(loc));
}

/** Annotations on the offending line for each finding (errors for blocking ones). */
export function annotate(findings: readonly Finding[], limit = 50): void {
  for (const f of findings.slice(0, limit)) {
    const props = annotation({ file: f.file, line: f.line, column: f.column, title: f.rule });
    const text = annotationText(f.help ? `${f.message} — ${f.help}` : f.message);
    if (f.blocking) core.error(text, props);
    else if (f.severity === 'low' || f.severity === 'info' || f.waived) core.notice(text, props);
    else core.warning(text, props);
  }
}

const OUTPUT_NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/**
 * A step output. @actions/core writes `name<<ghadelimiter_<uuid>` blocks to $GITHUB_OUTPUT (and refuses
 * a value holding its delimiter); we also refuse any value mentioning the delimiter prefix, so a value
 * can never close the block early even if the uuid were guessed, and show control characters as text.
 */
export function setOutput(name: string, value: string): void {
  if (!OUTPUT_NAME.test(name)) throw new Error(`invalid output name ${JSON.stringify(name)}`);
  const v = visibleControls(value);
  if (v.includes('ghadelimiter_')) {
    throw new Error(`output "${name}" holds the text "ghadelimiter_", which is reserved for $GITHUB_OUTPUT delimiters`);
  }
  core.setOutput(name, v);
}

/** Registers a secret with the runner so it is masked in the log. */
export function maskSecret(value: string): void {
  core.setSecret(value);
}

export async function runAction(body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (thrown: unknown) {
    // A filesystem error on a path an input named (a file where a folder must be, a link loop) is an input error.
    const e = filesystemInputError(thrown) ?? thrown;
    if (isSecureFactoryError(e)) {
      const loc = e.location;
      core.setFailed(annotationText(errorMessage(e)));
      if (loc) core.error(annotationText(e.message), annotation({ file: loc.file, line: loc.line, column: loc.column }));
    } else {
      // A bug: keep the stack in the log for the report.
      if (e instanceof Error && e.stack) core.debug(annotationText(e.stack));
      core.setFailed(annotationText(`internal error: ${errorMessage(e)}`));
    }
  }
}

/**
 * The job summary. Stage code builds it with `md()`/`code()` for every untrusted part; here control and
 * bidi characters are dropped from the whole document as a last line of defence. Without a summary file
 * the markdown is printed to the log, neutralised like any other line.
 */
export async function writeSummary(markdown: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) {
    core.info(safeText(markdown));
    return;
  }
  await core.summary.addRaw(stripControl(markdown), true).write();
}
