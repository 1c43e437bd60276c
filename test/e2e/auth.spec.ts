import type { Locator, Page } from '@playwright/test';
import { test, expect, demo, goToMenu, openEc, openEcAs, signIn, snap } from './support/fixtures';
import type { PageGlobals } from './support/browser';

const signInHeading = { level: 1, name: 'Accedi al Back Office EC' } as const;

/** Presses Tab until `target` has the focus: fails if it takes more than `max` presses. */
async function tabTo(page: Page, target: Locator, max = 20): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === (globalThis as unknown as PageGlobals).document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

test('sign-in page; wrong password, then lockout after 5 attempts', async ({ page, host }) => {
  await openEc(page, host);
  await expect(page.getByRole('heading', signInHeading)).toBeVisible();
  await expect(page).toHaveTitle('Accedi al Back Office EC – Sportello');
  await snap(page, '04-accesso');

  for (let attempt = 1; attempt <= 4; attempt++) {
    await signIn(page, demo.operator.email, 'password-sbagliata-1');
    await expect(page.getByRole('alert')).toContainText('E-mail o password non corretti.');
    await expect(page.getByRole('alert')).toContainText('AUTH_INVALID_CREDENTIALS');
  }
  await signIn(page, demo.operator.email, 'password-sbagliata-1');
  await expect(page.getByRole('alert')).toContainText('Account bloccato per troppi tentativi non riusciti. Riprova tra 15 minuti.');
  await expect(page.getByRole('alert')).toContainText('AUTH_LOCKED');
  // even the right password is refused while locked
  await signIn(page, demo.operator.email, demo.operator.password);
  await expect(page.getByRole('alert')).toContainText('AUTH_LOCKED');

  await signIn(page, demo.admin.email, demo.admin.password);
  await goToMenu(page, 'Utenti');
  await expect(page.getByRole('row', { name: /Luca Bianchi/ })).toContainText(/Bloccato fino alle \d\d:\d\d/);
});

test('keyboard only: sign in, open the IBAN page, open and close a dialog', async ({ page, host }) => {
  await openEc(page, host);
  await expect(page.getByRole('heading', signInHeading)).toBeVisible();
  const email = page.getByRole('textbox', { name: 'E-mail' });
  await tabTo(page, email);
  await page.keyboard.type(demo.admin.email);
  await page.keyboard.press('Tab');
  await expect(page.getByLabel(/^Password/)).toBeFocused();
  await page.keyboard.type(demo.admin.password);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Panoramica' })).toBeVisible();

  const ibanLink = page.getByRole('navigation', { name: 'Menu del Back Office' }).getByRole('link', { name: 'IBAN' });
  await tabTo(page, ibanLink);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'IBAN' })).toBeVisible();
  await expect(ibanLink).toHaveAttribute('aria-current', 'page');

  const add = page.getByRole('button', { name: 'Aggiungi IBAN' });
  await tabTo(page, add);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Aggiungi IBAN' });
  await expect(dialog.getByRole('textbox', { name: 'IBAN', exact: true })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(add).toBeFocused();
});

test('an AUTH_SESSION_EXPIRED answer sends the user to sign-in, saying why and that typed data was not saved', async ({ page, host }) => {
  await openEcAs(page, host, demo.admin.email, demo.admin.password);
  await goToMenu(page, 'IBAN');
  await page.getByRole('button', { name: 'Aggiungi IBAN' }).click();
  const dialog = page.getByRole('dialog', { name: 'Aggiungi IBAN' });
  await dialog.getByRole('textbox', { name: 'IBAN', exact: true }).fill('IT24D0542811101000000654321');

  // Deterministic stand-in for 15 idle minutes: main's next answer is the one an idle session gets.
  await page.route(
    '**/__sportello/ipc',
    (route) =>
      route.fulfill({
        json: { ok: false, error: { code: 'AUTH_SESSION_EXPIRED', message: 'La sessione è scaduta per inattività. Accedi di nuovo.' } },
      }),
    { times: 1 },
  );
  await dialog.getByRole('button', { name: 'Aggiungi', exact: true }).click();
  await expect(page.getByRole('heading', signInHeading)).toBeVisible();
  const notice = page.getByRole('alert');
  await expect(notice).toContainText('La sessione è scaduta per inattività. Accedi di nuovo.');
  await expect(notice).toContainText('non erano stati salvati');
  await snap(page, '12-sessione-scaduta');

  // the same person signing in again returns to the page they were on
  await signIn(page, demo.admin.email, demo.admin.password);
  await expect(page.getByRole('heading', { level: 1, name: 'IBAN' })).toBeVisible();
});

test('a session ended in main (AUTH_REQUIRED on the next call) also returns to sign-in', async ({ page, host }) => {
  await openEcAs(page, host, demo.admin.email, demo.admin.password);
  const result = await page.evaluate(() => (globalThis as unknown as PageGlobals).sportello.invoke('auth.signOut'));
  expect(result).toMatchObject({ ok: true });
  await page.getByRole('navigation', { name: 'Menu del Back Office' }).getByRole('link', { name: 'Utenti' }).click();
  await expect(page.getByRole('heading', signInHeading)).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('La sessione non è più attiva');
});

test('disabling an account ends its open session at once (session.expired event)', async ({ page, host }) => {
  // a second tab is a second window for the host: its own connection, session and event stream
  const operatorPage = await page.context().newPage();
  try {
    await openEcAs(operatorPage, host, demo.operator.email, demo.operator.password);

    await openEcAs(page, host, demo.admin.email, demo.admin.password);
    await goToMenu(page, 'Utenti');
    await page.getByRole('button', { name: 'Disabilita Luca Bianchi' }).click();
    const confirm = page.getByRole('dialog', { name: 'Disabilitare l’utente?' });
    // the safe choice has the focus
    await expect(confirm.getByRole('button', { name: 'Annulla' })).toBeFocused();
    await confirm.getByRole('button', { name: 'Disabilita' }).click();
    await expect(page.getByRole('row', { name: /Luca Bianchi/ })).toContainText('Disabilitato');

    await expect(operatorPage.getByRole('heading', signInHeading)).toBeVisible();
    await expect(operatorPage.getByRole('alert')).toContainText('il tuo account è stato disabilitato');
    await signIn(operatorPage, demo.operator.email, demo.operator.password);
    await expect(operatorPage.getByRole('alert')).toContainText('Questo account è disabilitato.');
    await expect(operatorPage.getByRole('alert')).toContainText('AUTH_DISABLED');

    await page.getByRole('button', { name: 'Riabilita Luca Bianchi' }).click();
    await page.getByRole('dialog', { name: 'Riabilitare l’utente?' }).getByRole('button', { name: 'Riabilita' }).click();
    await expect(page.getByRole('row', { name: /Luca Bianchi/ })).toContainText('Attivo');
    await signIn(operatorPage, demo.operator.email, demo.operator.password);
    await expect(operatorPage.getByRole('heading', { level: 1, name: 'Panoramica' })).toBeVisible();
  } finally {
    await operatorPage.close();
  }
});
