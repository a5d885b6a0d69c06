/**
 * Skip decisions for tests that need a system tool (Chromium, Jupyter, Slurm, Java).
 *
 * On a developer's machine a missing tool skips the test with the reason and the install command.
 * Under CI (`CI=true`, set by .ci/run, which installs every tool) a missing tool is a failure, not a
 * skip: a CI that silently skipped the browser or cluster tests would look green and prove nothing.
 */

/** `false` (run the test) when `available`; otherwise the reason to skip, or `false` under CI so the test fails. */
export function skipUnless(available: boolean, reason: string): false | string {
  if (available) return false;
  if (process.env.CI === 'true') {
    // Run anyway: the test fails with the tool's own error, and this line says why in the log.
    console.error(`CI: ${reason} — .ci/run should have installed it; running the test so that it fails`);
    return false;
  }
  return reason;
}
