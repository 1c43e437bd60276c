import { test, expect, goToMenu, openApp, signIn, signOut, snap } from './support/fixtures';
import type { PageGlobals } from './support/browser';

/**
 * The product's main path on an empty installation: setup wizard, sign-in, IBAN registry with main
 * as the authority on validation, a second role that cannot reach the IBANs, and data that survives
 * a restart of the host on the same data dir.
 */
test.use({ hostOptions: { noDemo: true } });

const ec = { name: 'Comune di Roccaverde', fiscalCode: '80215430580', segregationCode: '12' };
const admin = { firstName: 'Giulia', lastName: 'Verdi', email: 'giulia.verdi@roccaverde.it', password: 'Roccaverde2026' };
const operator = { firstName: 'Paolo', lastName: 'Neri', email: 'paolo.neri@roccaverde.it', password: 'Stazioni2026x' };
const validIban = 'IT60X0542811101000000123456';
const validIbanShown = 'IT60 X054 2811 1010 0000 0123 456';
const invalidIban = 'IT02L1234512345123456789012';

test('first run: setup, IBANs, roles, persistence across a restart', async ({ page, host }) => {
  await test.step('the EC workspace opens on the setup wizard', async () => {
    await openApp(page, host);
    await expect(page.getByRole('heading', { level: 1, name: 'Benvenuto in Sportello' })).toBeVisible();
    await page.getByRole('link', { name: 'Apri il Back Office EC' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Configurazione iniziale' })).toBeVisible();
    await expect(page).toHaveTitle('Configurazione iniziale – Sportello');
  });

  await test.step('step 1: EC profile, with instant checks', async () => {
    await page.getByRole('button', { name: 'Avanti' }).click();
    const fiscalCode = page.getByRole('textbox', { name: 'Codice fiscale dell’Ente' });
    await expect(fiscalCode).toHaveAttribute('aria-invalid', 'true');
    await page.getByRole('textbox', { name: 'Denominazione' }).fill(ec.name);
    await fiscalCode.fill(ec.fiscalCode);
    await page.getByRole('textbox', { name: 'Codice di segregazione' }).fill(ec.segregationCode);
    await expect(fiscalCode).toHaveAttribute('aria-invalid', 'false');
    await snap(page, '02-setup-step1-ente');
    await page.getByRole('button', { name: 'Avanti' }).click();
  });

  await test.step('step 2: first Referente dei Pagamenti, then signed in automatically', async () => {
    await expect(page.getByRole('heading', { level: 2, name: 'Referente dei Pagamenti' })).toBeVisible();
    await page.getByRole('textbox', { name: 'Nome', exact: true }).fill(admin.firstName);
    await page.getByRole('textbox', { name: 'Cognome' }).fill(admin.lastName);
    await page.getByRole('textbox', { name: 'E-mail' }).fill(admin.email);
    await page.getByLabel(/^Password/).fill(admin.password);
    await page.getByLabel(/^Conferma password/).fill(admin.password);
    await snap(page, '03-setup-step2-referente');
    await page.getByRole('button', { name: 'Completa la configurazione' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Panoramica' })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'Configurazione completata' })).toBeVisible();
    const header = page.getByRole('banner');
    await expect(header.getByText(ec.name)).toBeVisible();
    await expect(header.getByText('Giulia Verdi')).toBeVisible();
    await expect(header.getByText('Collaudo')).toBeVisible();
  });

  await test.step('sign out, then sign in again', async () => {
    await signOut(page);
    await expect(page.getByRole('status').filter({ hasText: 'Sei uscito dal Back Office.' })).toBeVisible();
    await signIn(page, admin.email, admin.password);
    await expect(page.getByRole('heading', { level: 1, name: 'Panoramica' })).toBeVisible();
  });

  await test.step('the IBANs wait for the registration on the Nodo, which comes first', async () => {
    const nav = page.getByRole('navigation', { name: 'Menu del Back Office' });
    const ibanEntry = nav.getByRole('link', { name: 'IBAN', exact: true });
    await expect(ibanEntry).toBeDisabled();
    await expect(ibanEntry).toHaveAccessibleDescription('Prima registra l’Ente sul Nodo dei Pagamenti (passo 1).');
    await nav.getByRole('link', { name: 'Registrazione sul Nodo' }).click();
    await page.getByRole('textbox', { name: 'Indirizzo' }).fill('Via del Comune 1');
    await page.getByRole('textbox', { name: 'Comune' }).fill('Roccaverde');
    await page.getByRole('textbox', { name: 'Provincia' }).fill('PG');
    await page.getByRole('textbox', { name: 'CAP' }).fill('06100');
    await page.getByRole('button', { name: 'Invia la registrazione' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Ente registrato sul Nodo dei Pagamenti.' }).first()).toBeVisible();
    await expect(ibanEntry).not.toHaveAttribute('aria-disabled', 'true');
  });

  await test.step('add a valid IBAN', async () => {
    await goToMenu(page, 'IBAN');
    await expect(page.getByText('Nessun IBAN registrato')).toBeVisible();
    await page.getByRole('button', { name: 'Aggiungi IBAN' }).click();
    const dialog = page.getByRole('dialog', { name: 'Aggiungi IBAN' });
    await dialog.getByRole('textbox', { name: 'IBAN', exact: true }).fill(validIban);
    await expect(dialog.getByRole('textbox', { name: 'IBAN', exact: true })).toHaveAccessibleDescription('IBAN valido');
    await dialog.getByRole('textbox', { name: 'Descrizione' }).fill('Tesoreria comunale');
    await dialog.getByRole('button', { name: 'Aggiungi', exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('status').filter({ hasText: `IBAN ${validIbanShown} aggiunto.` })).toBeVisible();
    const row = page.getByRole('row', { name: new RegExp(validIbanShown) });
    await expect(row.getByRole('cell', { name: 'Tesoreria comunale' })).toBeVisible();
    await expect(row.getByText('Attivo')).toBeVisible();
  });

  await test.step('an invalid IBAN is refused by main with an Italian message on the IBAN field', async () => {
    await page.getByRole('button', { name: 'Aggiungi IBAN' }).click();
    const dialog = page.getByRole('dialog', { name: 'Aggiungi IBAN' });
    const ibanField = dialog.getByRole('textbox', { name: 'IBAN', exact: true });
    await ibanField.fill(invalidIban);
    await dialog.getByRole('button', { name: 'Aggiungi', exact: true }).click();
    await expect(dialog.getByRole('alert')).toContainText('Alcuni dati non sono validi');
    await expect(dialog.getByRole('alert')).toContainText('IPC_INVALID_INPUT');
    await expect(ibanField).toHaveAttribute('aria-invalid', 'true');
    await expect(ibanField).toHaveAccessibleDescription(/^IBAN non valido: /);
    await snap(page, '07-iban-dialog-errore-campo');
    // typed data is never dropped silently: closing asks first
    await dialog.getByRole('button', { name: 'Annulla' }).click();
    await page.getByRole('dialog', { name: 'Modifiche non salvate' }).getByRole('button', { name: 'Chiudi senza salvare' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('row')).toHaveCount(2);
  });

  await test.step('create a Referente Tecnico from Utenti', async () => {
    await goToMenu(page, 'Utenti');
    await page.getByRole('button', { name: 'Nuovo utente' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nuovo utente' });
    await dialog.getByRole('textbox', { name: 'Nome', exact: true }).fill(operator.firstName);
    await dialog.getByRole('textbox', { name: 'Cognome' }).fill(operator.lastName);
    await dialog.getByRole('textbox', { name: 'E-mail' }).fill(operator.email);
    await expect(dialog.getByRole('combobox', { name: 'Ruolo' })).toHaveText('Referente Tecnico');
    await dialog.getByLabel(/^Password/).fill(operator.password);
    await dialog.getByLabel(/^Conferma password/).fill(operator.password);
    await dialog.getByRole('button', { name: 'Crea utente' }).click();
    await expect(dialog).toBeHidden();
    const row = page.getByRole('row', { name: /Paolo Neri/ });
    await expect(row.getByRole('cell', { name: 'Referente Tecnico' })).toBeVisible();
    await expect(row.getByText('Attivo')).toBeVisible();
    await snap(page, '08-utenti');
  });

  await test.step('the Referente Tecnico cannot reach the IBANs, in the UI or through the channel', async () => {
    await signOut(page);
    await signIn(page, operator.email, operator.password);
    await expect(page.getByRole('heading', { level: 1, name: 'Panoramica' })).toBeVisible();
    const nav = page.getByRole('navigation', { name: 'Menu del Back Office' });
    await expect(nav.getByRole('link', { name: 'Panoramica' })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'IBAN', exact: true })).toHaveCount(0);
    await expect(nav.getByRole('link', { name: 'Utenti', exact: true })).toHaveCount(0);
    await page.evaluate(() => {
      (globalThis as unknown as PageGlobals).location.hash = '#/ec/iban';
    });
    await expect(page.getByRole('heading', { level: 1, name: 'Accesso non consentito' })).toBeVisible();
    await expect(page.getByRole('table')).toHaveCount(0);
    await snap(page, '10-accesso-negato-referente-tecnico');
    const result = await page.evaluate(() => (globalThis as unknown as PageGlobals).sportello.invoke('iban.list'));
    expect(result).toMatchObject({ ok: false, error: { code: 'AUTH_FORBIDDEN' } });
  });

  await test.step('after a restart on the same data dir everything is still there', async () => {
    const url = await host.restart();
    await page.goto(url);
    await expect(page.getByRole('heading', { level: 1, name: 'Benvenuto in Sportello' })).toBeVisible();
    await page.getByRole('link', { name: 'Apri il Back Office EC' }).click();
    // setup is done: straight to sign-in, no wizard
    await expect(page.getByRole('heading', { level: 1, name: 'Accedi al Back Office EC' })).toBeVisible();
    await expect(page.getByText(`Inserisci le credenziali del tuo account per ${ec.name}.`)).toBeVisible();
    await signIn(page, admin.email, admin.password);
    await goToMenu(page, 'IBAN');
    await expect(page.getByRole('row', { name: new RegExp(validIbanShown) })).toBeVisible();
    await goToMenu(page, 'Utenti');
    await expect(page.getByRole('row', { name: /Paolo Neri/ })).toBeVisible();
  });
});
