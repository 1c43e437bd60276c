import { defineConfig } from '@playwright/test';

/**
 * `npm run test:electron`: smoke test of the real desktop app through Playwright's _electron, on the
 * unpackaged build in out/ (packaged builds have the Node inspector fused off, so nothing can drive
 * them). Not part of `npm test`: it needs the Electron runtime, and a display (xvfb-run on CI).
 * Without the runtime the spec skips itself and says why.
 */
export default defineConfig({
  testDir: 'test/electron',
  fullyParallel: false,
  workers: 1,
  reporter: 'list',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  forbidOnly: !!process.env.CI,
  retries: 0,
  use: { trace: 'retain-on-failure' },
});
