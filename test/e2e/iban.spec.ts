import { addDaysIso, formatItalianDate, todayIso } from '../../src-shared/domain/date';
import { test, expect, demo, goToMenu, openEcAs, snap } from './support/fixtures';

const postalShown = 'IT57 N076 0114 8000 0001 1050 036';
const bankShown = 'IT60 X054 2811 1010 0000 0123 456';

test.beforeEach(async ({ page, host }) => {
  await openEcAs(page, host, demo.admin.email, demo.admin.password);
  await goToMenu(page, 'IBAN');
});

test('postal IBANs are labelled, in the list and while typing', async ({ page }) => {
  const table = page.getByRole('table', { name: 'IBAN dell’Ente' });
  await expect(table.getByRole('columnheader')).toHaveText(['IBAN', 'Descrizione', 'Validità', 'Stato', 'Azioni']);
  await expect(table.getByRole('row', { name: new RegExp(postalShown) }).getByText('Postale', { exact: true })).toBeVisible();
  await expect(table.getByRole('row', { name: new RegExp(bankShown) }).getByText('Postale', { exact: true })).toHaveCount(0);

  await page.getByRole('button', { name: 'Aggiungi IBAN' }).click();
  const dialog = page.getByRole('dialog', { name: 'Aggiungi IBAN' });
  const field = dialog.getByRole('textbox', { name: 'IBAN', exact: true });
  await field.pressSequentially('IT57 N076 0114 8000 0001 1050 036');
  await expect(field).toHaveAccessibleDescription('IBAN postale (Poste Italiane)');
  await expect(field).toHaveAttribute('aria-invalid', 'false');
});

test('a duplicate IBAN is refused on the IBAN field', async ({ page }) => {
  await page.getByRole('button', { name: 'Aggiungi IBAN' }).click();
  const dialog = page.getByRole('dialog', { name: 'Aggiungi IBAN' });
  const field = dialog.getByRole('textbox', { name: 'IBAN', exact: true });
  await field.fill('it60x0542811101000000123456');
  await dialog.getByRole('button', { name: 'Aggiungi', exact: true }).click();
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toHaveAccessibleDescription('Questo IBAN è già presente nell’elenco dell’Ente.');
  await expect(dialog.getByRole('alert')).toContainText('IBAN_DUPLICATE');
});

test('validity dates are checked, and main reports an end before the start on its field', async ({ page }) => {
  await page.getByRole('button', { name: 'Aggiungi IBAN' }).click();
  const dialog = page.getByRole('dialog', { name: 'Aggiungi IBAN' });
  await dialog.getByRole('textbox', { name: 'IBAN', exact: true }).fill('IT24 D054 2811 1010 0000 0654 321');
  const validFrom = dialog.getByRole('textbox', { name: 'Inizio validità' });
  await expect(validFrom).toHaveValue(formatItalianDate(todayIso(new Date())));
  await validFrom.fill('31/02/2026');
  await dialog.getByRole('button', { name: 'Aggiungi', exact: true }).click();
  await expect(validFrom).toHaveAttribute('aria-invalid', 'true');
  await expect(validFrom).toHaveAccessibleDescription(/Data non valida/);

  const start = addDaysIso(todayIso(new Date()), 30);
  await validFrom.fill(formatItalianDate(start));
  const validTo = dialog.getByRole('textbox', { name: 'Fine validità' });
  await validTo.fill(formatItalianDate(addDaysIso(start, -1)));
  await dialog.getByRole('button', { name: 'Aggiungi', exact: true }).click();
  await expect(validTo).toHaveAttribute('aria-invalid', 'true');
  await expect(validTo).toHaveAccessibleDescription('La fine validità non può precedere l’inizio.');

  await validTo.fill(formatItalianDate(addDaysIso(start, 365)));
  await dialog.getByRole('button', { name: 'Aggiungi', exact: true }).click();
  await expect(dialog).toBeHidden();
  const row = page.getByRole('row', { name: /IT24 D054 2811 1010 0000 0654 321/ });
  await expect(row).toContainText(formatItalianDate(start));
  await expect(row).toContainText(formatItalianDate(addDaysIso(start, 365)));
  await expect(row).toContainText('Non ancora valido');
});

test('edit an IBAN, schedule its deletion, cancel it, then delete another at once', async ({ page }) => {
  const bankRow = page.getByRole('row', { name: new RegExp(bankShown) });

  await bankRow.getByRole('button', { name: 'Modifica' }).click();
  const edit = page.getByRole('dialog', { name: 'Modifica IBAN' });
  await expect(edit.getByRole('textbox', { name: 'IBAN', exact: true })).toHaveValue(bankShown);
  await edit.getByRole('textbox', { name: 'Descrizione' }).fill('Tesoreria comunale – conto principale');
  await edit.getByRole('button', { name: 'Salva le modifiche' }).click();
  await expect(edit).toBeHidden();
  await expect(bankRow).toContainText('Tesoreria comunale – conto principale');

  const future = addDaysIso(todayIso(new Date()), 10);
  await bankRow.getByRole('button', { name: 'Programma cancellazione' }).click();
  const schedule = page.getByRole('dialog', { name: 'Programma la cancellazione' });
  const date = schedule.getByRole('textbox', { name: 'Data di cancellazione' });
  // today is the default, which deletes at once: the dialog says so and names the button accordingly
  await expect(date).toHaveValue(formatItalianDate(todayIso(new Date())));
  await expect(schedule.getByRole('button', { name: 'Cancella subito' })).toBeVisible();
  await date.fill(formatItalianDate(future));
  await schedule.getByRole('button', { name: 'Programma cancellazione' }).click();
  await expect(schedule).toBeHidden();
  await expect(bankRow).toContainText(`Cancellazione programmata il ${formatItalianDate(future)}`);
  await snap(page, '06-iban-elenco');

  await bankRow.getByRole('button', { name: 'Annulla cancellazione' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Cancellazione dell’IBAN' })).toBeVisible();
  await expect(bankRow).toContainText('Attivo');
  await expect(bankRow.getByRole('button', { name: 'Programma cancellazione' })).toBeVisible();

  const postalRow = page.getByRole('row', { name: new RegExp(postalShown) });
  await postalRow.getByRole('button', { name: 'Programma cancellazione' }).click();
  const now = page.getByRole('dialog', { name: 'Programma la cancellazione' });
  await expect(now.getByText('l’IBAN sarà cancellato subito')).toBeVisible();
  await now.getByRole('button', { name: 'Cancella subito' }).click();
  await expect(page.getByRole('status').filter({ hasText: `IBAN ${postalShown} cancellato.` })).toBeVisible();
  await expect(postalRow).toHaveCount(0);
});

test('a past deletion date is refused by main on the date field', async ({ page }) => {
  await page.getByRole('row', { name: new RegExp(bankShown) }).getByRole('button', { name: 'Programma cancellazione' }).click();
  const dialog = page.getByRole('dialog', { name: 'Programma la cancellazione' });
  const date = dialog.getByRole('textbox', { name: 'Data di cancellazione' });
  await date.fill(formatItalianDate(addDaysIso(todayIso(new Date()), -3)));
  await dialog.getByRole('button', { name: 'Programma cancellazione' }).click();
  await expect(date).toHaveAttribute('aria-invalid', 'true');
  await expect(date).toHaveAccessibleDescription('La data di cancellazione non può essere nel passato.');
});

test('leaving a form with typed data asks first', async ({ page }) => {
  await page.getByRole('button', { name: 'Aggiungi IBAN' }).click();
  const dialog = page.getByRole('dialog', { name: 'Aggiungi IBAN' });
  await dialog.getByRole('textbox', { name: 'Descrizione' }).fill('Conto in preparazione');
  // the back button would otherwise drop the form (beforeEach came here from the overview)
  await page.goBack();
  const ask = page.getByRole('dialog', { name: 'Modifiche non salvate' });
  await ask.getByRole('button', { name: 'Resta nella pagina' }).click();
  await expect(ask).toBeHidden();
  await expect(dialog.getByRole('textbox', { name: 'Descrizione' })).toHaveValue('Conto in preparazione');
  await expect(page).toHaveURL(/#\/ec\/iban$/);

  await page.goBack();
  await page.getByRole('dialog', { name: 'Modifiche non salvate' }).getByRole('button', { name: 'Esci senza salvare' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Panoramica' })).toBeVisible();
});
