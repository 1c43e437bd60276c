import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test as base, expect, demo, openEcAs, signIn, signOut, snap } from './support/fixtures';
import type { PageGlobals } from './support/browser';

/** The demo EC starts registered on the Nodo (onboarding step 1); this test goes on from step 2. */
const test = base;

const menu = (page: Page) => page.getByRole('navigation', { name: 'Menu del Back Office' });
const header = (page: Page) => page.getByRole('banner');

async function openMenu(page: Page, entry: string, heading = entry): Promise<void> {
  await menu(page).getByRole('link', { name: entry, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
}

async function goTo(page: Page, hash: string): Promise<void> {
  await page.evaluate((h) => {
    (globalThis as unknown as PageGlobals).location.hash = h;
  }, hash);
}

test('onboarding: station, Verifica URL, test plan, esercizio and back, each role seeing only its part', async ({ page, host }) => {
  test.setTimeout(120_000);

  await test.step('the Referente Tecnico generates the Nodo API key: only then can stations be created', async () => {
    await openEcAs(page, host, demo.operator.email, demo.operator.password);
    // Stazioni is shown disabled, with the reason, until the Nodo API key exists
    await expect(menu(page).getByRole('link')).toHaveText(['Panoramica', 'Chiavi API', /^Stazioni.*passo 2/, 'Attività di collaudo', 'Posizioni debitorie']);
    await openMenu(page, 'Chiavi API');
    const nodauth = page.getByRole('region', { name: 'Connessione con Nodo' });
    await nodauth.getByRole('button', { name: 'Genera le chiavi per Connessione con Nodo' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Chiavi primaria e secondaria generate per Connessione con Nodo.' })).toBeVisible();
  });

  await test.step('the Referente Tecnico sees stations and test activities, not the IBANs nor the switch to esercizio', async () => {
    await expect(menu(page).getByRole('link')).toHaveText(['Panoramica', 'Chiavi API', 'Stazioni', 'Attività di collaudo', 'Posizioni debitorie']);
    await goTo(page, '#/ec/environment');
    await expect(page.getByRole('heading', { level: 1, name: 'Accesso non consentito' })).toBeVisible();
    const refused = await page.evaluate(() => (globalThis as unknown as PageGlobals).sportello.invoke('environment.set', { environment: 'esercizio' }));
    expect(refused).toMatchObject({ ok: false, error: { code: 'AUTH_FORBIDDEN' } });
  });

  await test.step('creates a station: field errors in Italian first, then the generated code, Attiva', async () => {
    await openMenu(page, 'Stazioni');
    await expect(page.getByText('Nessuna stazione: creane una per collegare l’Ente al Nodo.')).toBeVisible();
    await expect(page.getByText('La prossima stazione avrà il codice 80012345676_01.')).toBeVisible();
    await snap(page, '40-stazioni-vuoto');

    await page.getByRole('button', { name: 'Nuova stazione' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nuova stazione' });
    await expect(dialog.getByRole('textbox', { name: 'Codice stazione' })).toHaveValue('80012345676_01');
    const port = dialog.getByRole('textbox', { name: 'Porta' });
    await port.fill('443a');
    await dialog.getByRole('button', { name: 'Crea stazione' }).click();
    await expect(port).toHaveAttribute('aria-invalid', 'true');
    await expect(port).toHaveAccessibleDescription('Inserisci un numero intero.');
    await port.fill('443');
    await dialog.getByRole('button', { name: 'Crea stazione' }).click();
    const hostField = dialog.getByRole('textbox', { name: 'Host', exact: true });
    await expect(hostField).toHaveAttribute('aria-invalid', 'true');
    await expect(hostField).toHaveAccessibleDescription('Host obbligatorio.');
    await expect(dialog.getByLabel(/^Password della stazione/)).toHaveAccessibleDescription('La password della stazione deve avere almeno 8 caratteri.');
    await expect(dialog.getByRole('alert')).toContainText('IPC_INVALID_INPUT');
    // the message and the first fields are what the person sees first: shoot from the top
    await dialog.getByRole('alert').scrollIntoViewIfNeeded();
    await snap(page, '41-stazione-errori-campo');

    await hostField.fill('pagopa.comune-di-test.it');
    await dialog.getByRole('textbox', { name: 'Percorso' }).fill('/sportello/nodo/v2');
    await dialog.getByLabel(/^Password della stazione/).fill('Stazione-Segreta-2026');
    await dialog.getByRole('button', { name: 'Crea stazione' }).click();
    await expect(dialog).toBeHidden();
    const row = page.getByRole('row', { name: /80012345676_01/ });
    await expect(row).toContainText('https://pagopa.comune-di-test.it:443/sportello/nodo/v2');
    await expect(row).toContainText('Attiva');
    await expect(row).toContainText('Aux digit 3, segregazione 01');
  });

  await test.step('a second station with a wrong path is "Da correggere", with the reason; filters and disabling', async () => {
    await page.getByRole('button', { name: 'Nuova stazione' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nuova stazione' });
    await dialog.getByRole('textbox', { name: 'Host', exact: true }).fill('pagopa.comune-di-test.it');
    await dialog.getByRole('textbox', { name: 'Percorso' }).fill('senza-barra');
    await dialog.getByLabel(/^Password della stazione/).fill('Stazione-Segreta-2026');
    await dialog.getByRole('textbox', { name: 'Codice di segregazione' }).fill('02');
    await dialog.getByRole('button', { name: 'Crea stazione' }).click();
    await expect(dialog).toBeHidden();
    const second = page.getByRole('row', { name: /80012345676_02/ });
    await expect(second).toContainText('Da correggere');
    await expect(second).toContainText('Percorso non valido: deve iniziare con /');

    await page.getByRole('combobox', { name: 'Stato' }).click();
    await page.getByRole('option', { name: 'Da correggere' }).click();
    const table = page.getByRole('table', { name: 'Stazioni dell’Ente' });
    await expect(table.getByRole('row')).toHaveCount(2);
    await expect(table).toContainText('80012345676_02');
    await snap(page, '42-stazioni-da-correggere');

    // the fix: edit the path; the Nodo tests the connection again and the station becomes Attiva
    await page.getByRole('button', { name: 'Modifica la stazione 80012345676_02' }).click();
    const editDialog = page.getByRole('dialog', { name: 'Modifica la stazione 80012345676_02' });
    await expect(editDialog.getByLabel(/^Password della stazione/)).toHaveAccessibleDescription('Lascia vuoto per mantenere la password attuale.');
    await editDialog.getByRole('textbox', { name: 'Percorso' }).fill('/sportello/nodo/v2');
    await editDialog.getByRole('button', { name: 'Salva modifiche' }).click();
    await expect(editDialog).toBeHidden();
    await expect(page.getByText('Nessuna stazione corrisponde ai filtri.')).toBeVisible();
    await page.getByRole('combobox', { name: 'Stato' }).click();
    await page.getByRole('option', { name: 'Attiva' }).click();
    await expect(page.getByRole('row', { name: /80012345676_02/ })).toContainText('https://pagopa.comune-di-test.it:443/sportello/nodo/v2');

    await page.getByRole('button', { name: 'Disabilita la stazione 80012345676_02' }).click();
    const confirm = page.getByRole('dialog', { name: 'Disabilitare la stazione 80012345676_02?' });
    await confirm.getByRole('button', { name: 'Disabilita' }).click();
    await expect(confirm).toBeHidden();
    await expect(page.getByRole('row', { name: /80012345676_02/ })).toContainText('Disabilitata');

    await page.getByRole('combobox', { name: 'Stato' }).click();
    await page.getByRole('option', { name: 'Tutte' }).click();
    await expect(table.getByRole('row')).toHaveCount(3);
  });

  await test.step('Verifica URL on the active station', async () => {
    await page.getByRole('button', { name: 'Verifica l’URL della stazione 80012345676_01' }).click();
    await expect(page.getByText('Verifica riuscita: la stazione 80012345676_01 è attiva.')).toBeVisible();
    await snap(page, '43-stazioni-elenco');
  });

  await test.step('runs the test plan: every case passes, with the messages exchanged', async () => {
    await openMenu(page, 'Attività di collaudo');
    await expect(page.getByText('Nessuna esecuzione: avvia il collaudo quando la stazione è attiva.')).toBeVisible();
    await page.getByRole('button', { name: 'Avvia il collaudo' }).click();
    await expect(page.getByText('Superato: 8 casi obbligatori su 8 riusciti.')).toBeVisible({ timeout: 30_000 });
    const cases = page.getByRole('table', { name: 'Casi del piano di collaudo' });
    await expect(cases.getByRole('row')).toHaveCount(10);
    await expect(cases.getByRole('row', { name: /Avviso scaduto/ })).toContainText('KO PPT_ERRORE_EMESSO_DA_PAA (PAA_PAGAMENTO_SCADUTO)');
    await expect(cases.getByRole('row', { name: /Timeout della stazione/ })).toContainText('Facoltativo');
    await expect(cases.getByText('Non riuscito')).toHaveCount(0);
    await snap(page, '44-collaudo-esito');

    await page.getByRole('button', { name: /^Messaggi del caso 2 \(4\)/ }).click();
    const messages = page.getByRole('region', { name: /^Messaggi del caso 2/ });
    await expect(messages.getByText('Nodo → Stazione EC: paGetPaymentV2 (richiesta)')).toBeVisible();
    await expect(messages).toContainText('"creditorReferenceId"');
    await expect(messages).toContainText('"transferList"');
    await messages.scrollIntoViewIfNeeded();
    await snap(page, '45-collaudo-messaggi');
  });

  await test.step('saves the report as PDF', async () => {
    const history = page.getByRole('table', { name: 'Esecuzioni del collaudo' });
    await expect(history.getByRole('row', { name: /n\. 1/ })).toContainText('Superato (8/8)');
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Scarica il rapporto PDF dell’esecuzione n. 1' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^collaudo-80012345676-\d{4}-\d{2}-\d{2}-n1\.pdf$/);
    const file = path.join(host.dataDir, download.suggestedFilename());
    await download.saveAs(file);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Rapporto delle attività di collaudo pagoPA');
    expect(text).toContain('Esito: SUPERATO - 8 casi obbligatori su 8 riusciti');
    expect(fs.statSync(file).size).toBeGreaterThan(2_000);
  });

  await test.step('the Referente dei Pagamenti moves the EC to esercizio: the Collaudo chip disappears', async () => {
    await signOut(page);
    await signIn(page, demo.admin.email, demo.admin.password);
    await expect(page.getByRole('heading', { level: 1, name: 'Panoramica' })).toBeVisible();
    await expect(menu(page).getByRole('link', { name: 'Stazioni', exact: true })).toHaveCount(0);
    await expect(menu(page).getByRole('link', { name: 'Attività di collaudo', exact: true })).toHaveCount(0);
    await goTo(page, '#/ec/stations');
    await expect(page.getByRole('heading', { level: 1, name: 'Accesso non consentito' })).toBeVisible();
    const refused = await page.evaluate(() => (globalThis as unknown as PageGlobals).sportello.invoke('testActivities.run'));
    expect(refused).toMatchObject({ ok: false, error: { code: 'AUTH_FORBIDDEN' } });

    await expect(header(page).getByText('Collaudo', { exact: true })).toBeVisible();
    await openMenu(page, 'Esercizio', 'Passaggio in esercizio');
    await expect(page.getByText('Superato: 8 casi obbligatori su 8 riusciti.')).toBeVisible();
    await snap(page, '46-esercizio-collaudo-superato');
    await page.getByRole('button', { name: 'Passa in esercizio' }).click();
    const confirm = page.getByRole('dialog', { name: 'Passare in esercizio?' });
    await confirm.getByRole('button', { name: 'Passa in esercizio' }).click();
    await expect(confirm).toBeHidden();
    await expect(page.getByText('L’Ente è passato in esercizio.')).toBeVisible();
    await expect(header(page).getByText('Collaudo', { exact: true })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Torna in collaudo' })).toBeVisible();
    await snap(page, '47-esercizio-attivo');
  });

  await test.step('and back to collaudo, audited both ways', async () => {
    await page.getByRole('button', { name: 'Torna in collaudo' }).click();
    const confirm = page.getByRole('dialog', { name: 'Tornare in collaudo?' });
    await confirm.getByRole('button', { name: 'Torna in collaudo' }).click();
    await expect(confirm).toBeHidden();
    await expect(header(page).getByText('Collaudo', { exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Passa in esercizio' })).toBeEnabled();

    const audit = await page.evaluate(() => (globalThis as unknown as PageGlobals).sportello.invoke('audit.list', { limit: 50 }));
    expect(audit.ok).toBe(true);
    const actions = (audit as { ok: true; data: { items: Array<{ action: string }> } }).data.items.map((i) => i.action);
    expect(actions.filter((a) => a === 'ec.environmentChanged')).toHaveLength(2);
    for (const a of ['station.created', 'station.verified', 'station.disabled', 'testPlan.run']) expect(actions).toContain(a);

    await openMenu(page, 'Registro attività');
    const log = page.getByRole('table', { name: 'Registro attività' });
    await expect(log.getByRole('row', { name: /Ambiente dell’Ente cambiato/ }).first()).toContainText('Esercizio → Collaudo – collaudo n. 1');
    await expect(log.getByRole('row', { name: /Collaudo eseguito/ })).toContainText('Esecuzione n. 1 superata (8/8 casi obbligatori) sulla stazione 80012345676_01');
    await expect(log.getByRole('row', { name: /Stazione disabilitata/ })).toContainText('80012345676_02');
    await snap(page, '48-registro-attivita-collaudo');
  });
});
