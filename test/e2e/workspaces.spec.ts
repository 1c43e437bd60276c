import { test, expect, openApp, snap } from './support/fixtures';

test('workspace chooser: Back Office EC and Pagatore', async ({ page, host }) => {
  await openApp(page, host);
  await expect(page).toHaveTitle('Scelta dell’area di lavoro – Sportello');
  await expect(page.locator('html')).toHaveAttribute('lang', 'it');
  const workspaces = page.getByRole('list', { name: 'Aree di lavoro' });
  await expect(workspaces.getByRole('heading', { level: 2, name: 'Back Office EC' })).toBeVisible();
  await expect(workspaces.getByRole('heading', { level: 2, name: 'Pagatore' })).toBeVisible();
  await snap(page, '01-scelta-area');

  // the Pagatore's own pages: test/e2e/pagatore.spec.ts
  await page.getByRole('link', { name: 'Apri l’area Pagatore' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Pagatore' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Accesso al Pagatore' }).getByRole('link', { name: 'Accedi' })).toBeVisible();

  await page.getByRole('link', { name: 'Torna alla scelta dell’area' }).click();
  await page.getByRole('link', { name: 'Apri il Back Office EC' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Accedi al Back Office EC' })).toBeVisible();
});

test('English is available as second language', async ({ page, host }) => {
  await openApp(page, host);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Sportello' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('link', { name: 'Open the Payer area' })).toBeVisible();
  await page.getByRole('button', { name: 'Italiano' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Benvenuto in Sportello' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'it');
});

test('an unknown address shows a page, not a blank screen', async ({ page, host }) => {
  await openApp(page, host, '/non-esiste');
  await expect(page.getByRole('heading', { level: 1, name: 'Pagina non trovata' })).toBeVisible();
});
