import { test, expect, demo, goToMenu, openEcAs, snap } from './support/fixtures';
import type { PageGlobals } from './support/browser';

test('overview for each role', async ({ page, host }) => {
  await openEcAs(page, host, demo.admin.email, demo.admin.password);
  await expect(page).toHaveTitle('Panoramica – Sportello');
  const ecData = page.getByRole('region', { name: 'Dati dell’Ente' });
  await expect(ecData).toContainText('Comune di Test');
  await expect(ecData).toContainText('80012345676');
  await expect(ecData).toContainText('01');
  await expect(ecData).toContainText('Collaudo');
  const next = page.getByRole('region', { name: 'Prossimi passi' });
  // the demo EC is registered on the Nodo with its IBANs: step 4 of the onboarding leads to them
  await expect(page.getByRole('region', { name: 'Attivazione su pagoPA' }).getByRole('link', { name: 'Vai agli IBAN' })).toBeVisible();
  await expect(next.getByRole('link', { name: 'Vai agli utenti' })).toBeVisible();
  await snap(page, '05-panoramica-referente-pagamenti');

  await page.getByRole('button', { name: 'Esci' }).click();
  await page.getByRole('textbox', { name: 'E-mail' }).fill(demo.operator.email);
  await page.getByLabel(/^Password/).fill(demo.operator.password);
  await page.getByRole('button', { name: 'Accedi', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Panoramica' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Prossimi passi' }).getByRole('link')).toHaveCount(0);
  await expect(page.getByRole('navigation', { name: 'Menu del Back Office' }).getByRole('link')).toHaveText(['Panoramica', 'Chiavi API', /^Stazioni.*passo 2/, 'Attività di collaudo', 'Posizioni debitorie']);
});

test('users: main refuses self-disable, and a taken e-mail on its field', async ({ page, host }) => {
  await openEcAs(page, host, demo.admin.email, demo.admin.password);
  await goToMenu(page, 'Utenti');
  await expect(page.getByRole('table', { name: 'Utenti dell’Ente' }).getByRole('columnheader')).toHaveText([
    'Nome',
    'E-mail',
    'Ruolo',
    'Stato',
    'Ultimo accesso',
    'Azioni',
  ]);
  await page.getByRole('button', { name: 'Disabilita Maria Rossi' }).click();
  await page.getByRole('dialog', { name: 'Disabilitare l’utente?' }).getByRole('button', { name: 'Disabilita' }).click();
  await expect(page.getByRole('alert')).toContainText('Non puoi disabilitare il tuo stesso account.');
  await expect(page.getByRole('alert')).toContainText('STAFF_SELF_DISABLE');

  await page.getByRole('button', { name: 'Nuovo utente' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nuovo utente' });
  await dialog.getByRole('textbox', { name: 'Nome', exact: true }).fill('Luca');
  await dialog.getByRole('textbox', { name: 'Cognome' }).fill('Bianchi');
  const email = dialog.getByRole('textbox', { name: 'E-mail' });
  await email.fill(demo.operator.email);
  await dialog.getByLabel(/^Password/).fill('Abcdefghi12');
  await dialog.getByLabel(/^Conferma password/).fill('Abcdefghi13');
  await dialog.getByRole('button', { name: 'Crea utente' }).click();
  await expect(dialog.getByLabel(/^Conferma password/)).toHaveAccessibleDescription('Le due password non coincidono.');
  await dialog.getByLabel(/^Conferma password/).fill('Abcdefghi12');
  await dialog.getByRole('button', { name: 'Crea utente' }).click();
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(email).toHaveAccessibleDescription('Esiste già un utente con questo indirizzo e-mail.');
  await expect(dialog.getByRole('alert')).toContainText('STAFF_USERNAME_TAKEN');
});

test('activity log: readable labels, newest first, filter, "Carica altri"', async ({ page, host }) => {
  await openEcAs(page, host, demo.admin.email, demo.admin.password);
  // some varied history: an edit, a planned deletion and its cancellation
  await page.evaluate(async () => {
    const list = await (globalThis as unknown as PageGlobals).sportello.invoke('iban.list');
    if (!list.ok) throw new Error('iban.list');
    const first = (list.data as { id: number; validFrom: string }[])[0]!;
    await (globalThis as unknown as PageGlobals).sportello.invoke('iban.update', { id: first.id, description: 'Tesoreria – conto principale', validFrom: first.validFrom, validTo: null });
  });
  await goToMenu(page, 'Registro attività');
  const table = page.getByRole('table', { name: 'Registro attività' });
  await expect(table.getByRole('columnheader')).toHaveText(['Data e ora', 'Attività', 'Eseguita da', 'Dettagli']);
  const firstRow = table.getByRole('row').nth(1);
  await expect(firstRow).toContainText('IBAN modificato');
  await expect(firstRow).toContainText('Descrizione: Tesoreria comunale → Tesoreria – conto principale');
  await expect(firstRow.getByRole('cell', { name: 'Maria Rossi referente.pagamenti@comune-test.it' })).toBeVisible();
  await expect(table).toContainText('Ente registrato');
  await expect(table).toContainText('Accesso');
  await snap(page, '09-registro-attivita');

  await page.getByRole('combobox', { name: 'Filtra per attività' }).click();
  await page.getByRole('option', { name: 'Utente creato' }).click();
  await expect(table.getByRole('row')).toHaveCount(3);
  await expect(table.getByRole('row').nth(1)).toContainText('Luca Bianchi');

  // 5 seeded + 2 of the demo's Nodo registration (registered, IBANs sent) + 1 sign-in + 1 edit + 60 edits = 69 entries: a second page is needed
  await page.evaluate(async () => {
    const list = await (globalThis as unknown as PageGlobals).sportello.invoke('iban.list');
    if (!list.ok) throw new Error('iban.list');
    const first = (list.data as { id: number; validFrom: string }[])[0]!;
    for (let i = 0; i < 60; i++) {
      await (globalThis as unknown as PageGlobals).sportello.invoke('iban.update', { id: first.id, description: `Descrizione ${i}`, validFrom: first.validFrom, validTo: null });
    }
  });
  await page.getByRole('combobox', { name: 'Filtra per attività' }).click();
  await page.getByRole('option', { name: 'Tutte le attività' }).click();
  await expect(table.getByRole('row')).toHaveCount(51);
  await expect(page.getByText('50 attività mostrate')).toBeVisible();
  await page.getByRole('button', { name: 'Carica altri' }).click();
  await expect(table.getByRole('row')).toHaveCount(1 + 69);
  await expect(page.getByRole('button', { name: 'Carica altri' })).toHaveCount(0);
  await expect(table.getByRole('row').last()).toContainText('Ente registrato');
});
