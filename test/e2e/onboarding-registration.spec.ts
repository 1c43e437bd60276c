import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect, goToMenu, openApp, signIn, signOut, snap } from './support/fixtures';
import type { PageGlobals } from './support/browser';

/**
 * Onboarding part A on a fresh installation, through the web host: the Referente dei Pagamenti
 * registers the EC on the Nodo, the Referente Tecnico generates, reveals, copies and regenerates the
 * Nodo API key, the Referente dei Pagamenti adds an IBAN (sent on to the Nodo), and the home page
 * shows the steps done. Each role sees and may call only its own part.
 */
test.use({ hostOptions: { noDemo: true } });

const ec = { name: 'Comune di Roccaverde', fiscalCode: '80215430580', segregationCode: '12' };
const admin = { firstName: 'Giulia', lastName: 'Verdi', email: 'giulia.verdi@roccaverde.it', password: 'Roccaverde2026' };
const operator = { firstName: 'Paolo', lastName: 'Neri', email: 'paolo.neri@roccaverde.it', password: 'Stazioni2026x' };
const HEX_KEY = /^[0-9a-f]{32}$/;

type Globals = PageGlobals & { navigator: { clipboard: { readText(): Promise<string> } } };

function menu(page: Page) {
  return page.getByRole('navigation', { name: 'Menu del Back Office' });
}

function step(page: Page, title: string) {
  return page.getByRole('region', { name: 'Attivazione su pagoPA' }).getByRole('listitem').filter({ has: page.getByRole('heading', { name: title }) });
}

async function invoke(page: Page, channel: string, input?: unknown) {
  return page.evaluate(([c, i]) => (globalThis as unknown as PageGlobals).sportello.invoke(c as string, i), [channel, input] as const);
}

test('onboarding: register on the Nodo, Nodo API key, IBAN, with each role seeing only its part', async ({ page, host, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(host.launchUrl).origin });

  await test.step('a fresh EC with its Referente dei Pagamenti and a Referente Tecnico', async () => {
    await openApp(page, host);
    const setup = await invoke(page, 'setup.complete', { ec, admin: { ...admin, passwordConfirm: admin.password } });
    expect(setup.ok).toBe(true);
    const created = await invoke(page, 'staff.create', { ...operator, role: 'ecOperator', passwordConfirm: operator.password });
    expect(created.ok).toBe(true);
    // a new page load: the app reads the finished setup from main (only the hash would not reload)
    await page.goto('about:blank');
    await page.goto(host.launchUrl);
    await page.getByRole('link', { name: 'Apri il Back Office EC' }).click();
    await signIn(page, admin.email, admin.password);
    await expect(page.getByRole('heading', { level: 1, name: 'Panoramica' })).toBeVisible();
  });

  await test.step('home: the four steps in pagoPA’s order, only the registration possible; the menu says why', async () => {
    const region = page.getByRole('region', { name: 'Attivazione su pagoPA' });
    await expect(region.getByRole('heading', { level: 3 })).toHaveText([
      '1. Registra l’Ente sul Nodo dei Pagamenti',
      '2. Genera la chiave API per il Nodo',
      '3. Crea una stazione',
      '4. Registra gli IBAN di accredito',
    ]);
    await expect(region.getByRole('status')).toHaveText('0 di 4 passi completati');
    await expect(step(page, '4. Registra gli IBAN di accredito')).toContainText('Non ancora disponibile');
    await expect(step(page, '4. Registra gli IBAN di accredito')).toContainText('Prima registra l’Ente sul Nodo dei Pagamenti (passo 1).');
    await expect(step(page, '2. Genera la chiave API per il Nodo')).toContainText('A cura del Referente Tecnico.');
    const iban = menu(page).getByRole('link', { name: 'IBAN', exact: true });
    await expect(iban).toHaveAttribute('aria-disabled', 'true');
    await expect(iban).toHaveAccessibleDescription('Prima registra l’Ente sul Nodo dei Pagamenti (passo 1).');
    await expect(iban).toBeDisabled();
    // still reachable with the keyboard, so its reason can be read; Enter goes nowhere
    await iban.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Panoramica' })).toBeVisible();
    await expect(menu(page).getByRole('link', { name: 'Registrazione sul Nodo' })).not.toHaveAttribute('aria-disabled', 'true');
    await snap(page, '13-onboarding-ente-da-registrare');
  });

  await test.step('registration: wrong fields are refused by main, in Italian, on the field', async () => {
    await step(page, '1. Registra l’Ente sul Nodo dei Pagamenti').getByRole('link', { name: 'Registra l’Ente' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Registrazione sul Nodo' })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'Ente non ancora registrato' })).toBeVisible();
    await page.getByRole('textbox', { name: 'Indirizzo' }).fill('Piazza Garibaldi 3');
    await page.getByRole('textbox', { name: 'Comune' }).fill('Roccaverde');
    const province = page.getByRole('textbox', { name: 'Provincia' });
    await province.fill('P1');
    const cap = page.getByRole('textbox', { name: 'CAP' });
    await cap.fill('6100');
    await page.getByRole('radio', { name: 'Tramite partner tecnologico' }).check();
    const partner = page.getByRole('textbox', { name: 'Codice fiscale del partner tecnologico' });
    await partner.fill('77777777777');
    await page.getByRole('button', { name: 'Invia la registrazione' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'IPC_INVALID_INPUT' })).toBeVisible();
    await expect(province).toHaveAttribute('aria-invalid', 'true');
    await expect(province).toHaveAccessibleDescription('Provincia: indicare la sigla di due lettere (es. RM).');
    await expect(cap).toHaveAccessibleDescription('Il CAP è di 5 cifre.');
    await expect(partner).toHaveAccessibleDescription('Codice fiscale non valido: la cifra di controllo non corrisponde.');
    await snap(page, '14-registrazione-errori');
  });

  await test.step('registration: sent to the Nodo, status shown, step 1 done', async () => {
    await page.getByRole('textbox', { name: 'Provincia' }).fill('pg');
    await page.getByRole('textbox', { name: 'CAP' }).fill('06100');
    await page.getByRole('radio', { name: 'Diretto' }).check();
    await page.getByRole('button', { name: 'Invia la registrazione' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Ente registrato sul Nodo dei Pagamenti.' }).first()).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'Intermediario: 80215430580. Ambiente: Collaudo.' })).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Provincia' })).toHaveValue('PG');
    await expect(page.getByRole('button', { name: 'Aggiorna la registrazione' })).toBeDisabled();
    await expect(menu(page).getByRole('link', { name: 'IBAN', exact: true })).not.toHaveAttribute('aria-disabled', 'true');
    await snap(page, '15-registrazione-completata');
  });

  await test.step('the Referente dei Pagamenti cannot reach the API keys, in the menu or through the channel', async () => {
    await expect(menu(page).getByRole('link', { name: 'Chiavi API', exact: true })).toHaveCount(0);
    expect(await invoke(page, 'apiKeys.generate', { product: 'nodauth' })).toMatchObject({ ok: false, error: { code: 'AUTH_FORBIDDEN' } });
  });

  let firstKey = '';
  await test.step('the Referente Tecnico generates the Nodo API key, shows it and copies it', async () => {
    await signOut(page);
    await signIn(page, operator.email, operator.password);
    await expect(page.getByRole('heading', { level: 1, name: 'Panoramica' })).toBeVisible();
    await expect(menu(page).getByRole('link')).toHaveText(['Panoramica', 'Chiavi API', /^Stazioni.*passo 2/, 'Attività di collaudo', 'Posizioni debitorie']);
    expect(await invoke(page, 'registration.submit', { address: 'x', city: 'y', province: 'RM', postalCode: '00100', connectionType: 'direct' })).toMatchObject({
      ok: false,
      error: { code: 'AUTH_FORBIDDEN' },
    });
    await expect(step(page, '1. Registra l’Ente sul Nodo dei Pagamenti')).toContainText('Completato');
    await expect(step(page, '1. Registra l’Ente sul Nodo dei Pagamenti')).toContainText('A cura del Referente dei Pagamenti.');
    await snap(page, '16-panoramica-referente-tecnico');
    await step(page, '2. Genera la chiave API per il Nodo').getByRole('link', { name: 'Genera la chiave API' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Chiavi API' })).toBeVisible();
    const nodauth = page.getByRole('region', { name: 'Connessione con Nodo' });
    await expect(page.getByRole('region')).toHaveCount(9);
    await nodauth.getByRole('button', { name: 'Genera le chiavi per Connessione con Nodo' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Chiavi primaria e secondaria generate per Connessione con Nodo.' })).toBeVisible();
    // masked until asked for: no key in the page
    await expect(nodauth.getByText(HEX_KEY)).toHaveCount(0);
    await expect(nodauth.getByText('Nascosta: usa «Mostra» per vederla')).toHaveCount(2);

    await nodauth.getByRole('button', { name: 'Mostra la chiave primaria di Connessione con Nodo' }).click();
    await expect(nodauth.getByText(HEX_KEY)).toHaveCount(1);
    firstKey = (await nodauth.getByText(HEX_KEY).textContent()) ?? '';
    expect(firstKey).toMatch(HEX_KEY);
    await expect(nodauth.getByRole('button', { name: 'Nascondi la chiave primaria di Connessione con Nodo' })).toHaveAttribute('aria-pressed', 'true');

    await nodauth.getByRole('button', { name: 'Copia la chiave secondaria di Connessione con Nodo' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Copiata negli appunti la chiave secondaria di Connessione con Nodo.' })).toBeVisible();
    const copied = await page.evaluate(() => (globalThis as unknown as Globals).navigator.clipboard.readText());
    expect(copied).toMatch(HEX_KEY);
    expect(copied).not.toBe(firstKey);
    // copying does not reveal the secondary key on screen
    await expect(nodauth.getByText(HEX_KEY)).toHaveCount(1);
    await snap(page, '17-chiavi-api');
  });

  await test.step('"Rigenera" asks first, then replaces the key', async () => {
    const nodauth = page.getByRole('region', { name: 'Connessione con Nodo' });
    await nodauth.getByRole('button', { name: 'Rigenera la chiave primaria di Connessione con Nodo' }).click();
    const dialog = page.getByRole('dialog', { name: 'Rigenerare la chiave primaria di Connessione con Nodo?' });
    await expect(dialog).toContainText('smetterà di funzionare subito');
    await snap(page, '18-chiavi-api-rigenera');
    await dialog.getByRole('button', { name: 'Annulla' }).click();
    await expect(nodauth.getByText(firstKey)).toBeVisible();

    await nodauth.getByRole('button', { name: 'Rigenera la chiave primaria di Connessione con Nodo' }).click();
    await page.getByRole('dialog', { name: 'Rigenerare la chiave primaria di Connessione con Nodo?' }).getByRole('button', { name: 'Rigenera' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Rigenerata la chiave primaria di Connessione con Nodo' })).toBeVisible();
    // the old value is gone from the page; the new one appears only on request
    await expect(nodauth.getByText(HEX_KEY)).toHaveCount(0);
    await nodauth.getByRole('button', { name: 'Mostra la chiave primaria di Connessione con Nodo' }).click();
    const second = (await nodauth.getByText(HEX_KEY).textContent()) ?? '';
    expect(second).toMatch(HEX_KEY);
    expect(second).not.toBe(firstKey);
    firstKey = second;
  });

  await test.step('the Referente dei Pagamenti adds an IBAN: the home page shows steps 1, 2 and 4 done', async () => {
    await signOut(page);
    await signIn(page, admin.email, admin.password);
    await expect(page.getByRole('heading', { level: 1, name: 'Panoramica' })).toBeVisible();
    await goToMenu(page, 'IBAN');
    await page.getByRole('button', { name: 'Aggiungi IBAN' }).click();
    const dialog = page.getByRole('dialog', { name: 'Aggiungi IBAN' });
    await dialog.getByRole('textbox', { name: 'IBAN', exact: true }).fill('IT60X0542811101000000123456');
    await dialog.getByRole('textbox', { name: 'Descrizione' }).fill('Tesoreria comunale');
    await dialog.getByRole('button', { name: 'Aggiungi', exact: true }).click();
    await expect(dialog).toBeHidden();
    await goToMenu(page, 'Panoramica');
    const region = page.getByRole('region', { name: 'Attivazione su pagoPA' });
    await expect(region.getByRole('status')).toHaveText('3 di 4 passi completati');
    for (const title of ['1. Registra l’Ente sul Nodo dei Pagamenti', '2. Genera la chiave API per il Nodo', '4. Registra gli IBAN di accredito']) {
      await expect(step(page, title)).toContainText('Completato');
    }
    await expect(step(page, '3. Crea una stazione')).toContainText('Da fare');
    await expect(step(page, '3. Crea una stazione')).toContainText('A cura del Referente Tecnico.');
    await snap(page, '19-panoramica-passi-completati');
  });

  await test.step('the activity log tells the story, and exports it as CSV without any key', async () => {
    await goToMenu(page, 'Registro attività');
    const table = page.getByRole('table', { name: 'Registro attività' });
    for (const label of ['Registrazione sul Nodo', 'Chiavi API generate', 'Chiave API mostrata', 'Chiave API copiata', 'Chiave API rigenerata', 'IBAN inviati al Nodo']) {
      await expect(table.getByRole('rowheader', { name: label, exact: true }).first()).toBeVisible();
    }
    await expect(table.getByRole('row').filter({ hasText: 'IBAN inviati al Nodo' }).first()).toContainText('1 IBAN sul Nodo – aggiunti: IT60 X054 2811 1010 0000 0123 456');
    await snap(page, '20-registro-attivita-onboarding');

    await page.getByRole('combobox', { name: 'Filtra per attività' }).click();
    await page.getByRole('option', { name: 'Chiave API rigenerata' }).click();
    await expect(table.getByRole('row')).toHaveCount(2);
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Esporta CSV' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^registro-attivita-80215430580-apiKey_regenerated-\d{8}-\d{4}\.csv$/);
    const csv = fs.readFileSync((await download.path())!, 'utf8');
    expect(csv.startsWith('\uFEFFData e ora (ora italiana);Istante (UTC);Attività;Eseguita da;Oggetto;Identificativo;Dettagli\r\n')).toBe(true);
    const lines = csv.trim().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(';apiKey.regenerated;Paolo Neri (paolo.neri@roccaverde.it);apiKey;');
    expect(csv).not.toContain(firstKey);
    await expect(page.getByRole('status').filter({ hasText: 'Registro esportato: 1 attività' })).toBeVisible();
  });
});
