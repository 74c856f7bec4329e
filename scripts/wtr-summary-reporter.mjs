import { writeFileSync, mkdirSync } from 'node:fs';

/** Counts passed/failed/skipped tests over every session and writes them for scripts/test.mjs. */
export function summaryReporter({ out = '.test-results/browser.json' } = {}) {
  return {
    onTestRunFinished({ sessions }) {
      let passed = 0;
      let failed = 0;
      let skipped = 0;
      let errors = 0;
      const walk = (suite) => {
        if (!suite) return;
        for (const t of suite.tests ?? []) {
          if (t.skipped) skipped++;
          else if (t.passed) passed++;
          else failed++;
        }
        for (const s of suite.suites ?? []) walk(s);
      };
      for (const s of sessions) {
        walk(s.testResults);
        if (!s.passed && (s.errors?.length ?? 0) > 0) errors += s.errors.length;
      }
      mkdirSync('.test-results', { recursive: true });
      writeFileSync(out, JSON.stringify({ passed, failed: failed + errors, skipped }));
    },
  };
}
