import { test as base, expect, type Page } from '@playwright/test';
import path from 'node:path';
import { WebHostProcess, type HostOptions } from './webHost';
import type { PageGlobals } from './browser';

export { expect };

export const demo = {
  ecName: 'Comune di Test',
  admin: { email: 'referente.pagamenti@comune-test.it', password: 'Pagamenti2026!', name: 'Maria Rossi' },
  operator: { email: 'referente.tecnico@comune-test.it', password: 'Tecnico2026!', name: 'Luca Bianchi' },
} as const;

interface Fixtures {
  hostOptions: HostOptions;
  host: WebHostProcess;
  /** fails the test on any uncaught page error or console error (CSP violations included) */
  pageErrors: void;
}

/** A restarted host drops the old page's event stream: the browser logs that, and it is expected. */
const expectedConsoleErrors = /ERR_CONNECTION_REFUSED|ERR_EMPTY_RESPONSE|EventSource/;

/** Each test gets its own host on a fresh data dir; `test.use({ hostOptions })` picks the mode. */
export const test = base.extend<Fixtures>({
  hostOptions: [{}, { option: true }],
  host: async ({ hostOptions }, use) => {
    const host = new WebHostProcess(hostOptions);
    try {
      await host.start();
      await use(host);
    } finally {
      await host.dispose();
    }
  },
  pageErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error' && !expectedConsoleErrors.test(message.text())) errors.push(`console: ${message.text()}`);
      });
      await use();
      expect(errors, 'errori nella pagina').toEqual([]);
    },
    { auto: true },
  ],
});

/** Opens the app at the host's launch URL (which hands the token to the bridge) and waits for it. */
export async function openApp(page: Page, host: WebHostProcess, hashPath = '/'): Promise<void> {
  await page.goto(host.launchUrl);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  if (hashPath !== '/') {
    await page.evaluate((p) => {
      (globalThis as unknown as PageGlobals).location.hash = p;
    }, hashPath);
  }
}

export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByRole('textbox', { name: 'E-mail' }).fill(email);
  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole('button', { name: 'Accedi', exact: true }).click();
}

/**
 * Opens the EC workspace the way a person does, from the chooser. (Setting location.hash by hand
 * would create history entries the router does not know, where it cannot block a "back".)
 */
export async function openEc(page: Page, host: WebHostProcess): Promise<void> {
  await openApp(page, host);
  await page.getByRole('link', { name: 'Apri il Back Office EC' }).click();
}

/** Opens the EC workspace from the launch URL and signs in. */
export async function openEcAs(page: Page, host: WebHostProcess, email: string, password: string): Promise<void> {
  await openEc(page, host);
  await expect(page.getByRole('heading', { level: 1, name: 'Accedi al Back Office EC' })).toBeVisible();
  await signIn(page, email, password);
  await expect(page.getByRole('heading', { level: 1, name: 'Panoramica' })).toBeVisible();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Esci' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Accedi al Back Office EC' })).toBeVisible();
}

export async function goToMenu(page: Page, entry: 'Panoramica' | 'Posizioni debitorie' | 'IBAN' | 'Impostazioni avvisi' | 'Utenti' | 'Registro attività'): Promise<void> {
  await page.getByRole('navigation', { name: 'Menu del Back Office' }).getByRole('link', { name: entry, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: entry })).toBeVisible();
}

/**
 * The reviewed screenshots live in test/e2e/screenshots and are rewritten only on request
 * (`SCREENSHOTS=update npm run test:e2e`); ordinary runs write to test-results, so a test run
 * never dirties the work tree with shots that differ only in their timestamps.
 */
const screenshotDir =
  process.env.SCREENSHOTS === 'update' ? path.resolve(__dirname, '../screenshots') : path.resolve(__dirname, '../../../test-results/screenshots');

/** Full-page screenshot for the docs; animations settled, the text caret hidden. */
export async function snap(page: Page, name: string): Promise<void> {
  // a toast from the previous step would cover part of the page; CSS, not role: behind a modal
  // dialog the toast is aria-hidden, so role queries cannot see it
  const toastClose = page.locator('.MuiSnackbar-root button[aria-label="Chiudi"]');
  if (await toastClose.isVisible()) {
    await toastClose.click();
    await expect(page.locator('.MuiSnackbar-root')).toHaveCount(0);
  }
  // fonts load on first use (font-display: swap): wait, or the shot shows fallback faces
  await page.evaluate(() => (globalThis as unknown as PageGlobals).document.fonts.ready.then(() => undefined));
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true, animations: 'disabled', caret: 'hide' });
}
