/** The one try/catch every action ends in: user mistakes become a clear ::error, bugs keep their stack. */
import * as core from '@actions/core';
import { errorMessage, isSecureFactoryError, type Finding, type Logger } from '@secure-factory/core';

export function coreLogger(): Logger {
  return {
    debug: (m) => core.debug(m),
    info: (m) => core.info(m),
    warning: (m, loc) => core.warning(m, annotation(loc)),
    error: (m, loc) => core.error(m, annotation(loc)),
    progress: (done, total, what) => {
      if (done === total || done % Math.max(1, Math.floor(total / 10)) === 0) core.info(`${what}: ${done}/${total}`);
    },
  };
}

function annotation(loc?: { file?: string; line?: number; column?: number; title?: string }): core.AnnotationProperties {
  if (!loc) return {};
  const a: core.AnnotationProperties = {};
  if (loc.file) a.file = loc.file;
  if (loc.line) a.startLine = loc.line;
  if (loc.column) a.startColumn = loc.column;
  if (loc.title) a.title = loc.title;
  return a;
}

/** Annotations on the offending line for each finding (errors for blocking ones). */
export function annotate(findings: readonly Finding[], limit = 50): void {
  for (const f of findings.slice(0, limit)) {
    const props = annotation({ file: f.file, line: f.line, column: f.column, title: f.rule });
    const text = f.help ? `${f.message} — ${f.help}` : f.message;
    if (f.blocking) core.error(text, props);
    else if (f.severity === 'low' || f.severity === 'info' || f.waived) core.notice(text, props);
    else core.warning(text, props);
  }
}

export async function runAction(body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (e: unknown) {
    if (isSecureFactoryError(e)) {
      const loc = e.location;
      core.setFailed(errorMessage(e));
      if (loc) core.error(e.message, annotation({ file: loc.file, line: loc.line, column: loc.column }));
    } else {
      // A bug: keep the stack in the log for the report.
      if (e instanceof Error && e.stack) core.debug(e.stack);
      core.setFailed(`internal error: ${errorMessage(e)}`);
    }
  }
}

export async function writeSummary(markdown: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) {
    core.info(markdown);
    return;
  }
  await core.summary.addRaw(markdown, true).write();
}
