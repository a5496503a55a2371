/** Every bundled action, run as GitHub runs it with no usable inputs, fails with one clear ::error. */
import { runAction } from '../support/action-harness.js';

describe('actions run with no inputs', () => {
  it.each([
    ['checkout-verify', /not a git work tree/],
    ['hermetic-build', /input "command" is required/],
    ['gate-deploy', /input "environment" is required/],
    ['scan-deps', /no lockfile, manifest, workflow, Dockerfile or SBOM found to scan/],
    ['attest', /nothing to sign: no \*\.intoto\.json statement/],
  ])('%s fails with a clear ::error', async (stage, message) => {
    const r = await runAction(stage);
    expect(r.exitCode).toBe(1);
    const errors = r.annotations.filter((a) => a.level === 'error');
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]?.message).toMatch(message);
    expect(r.stdout + r.stderr).not.toMatch(/^\s+at .*\(.*:\d+:\d+\)$/m); // no stack trace
  });
});
