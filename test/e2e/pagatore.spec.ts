import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { formatNoticeNumber } from '../../src-shared/domain/noticeNumber';
import { activationCodeIn, readOutbox } from '../support/mailbox';
import { test, expect, openApp, snap } from './support/fixtures';
import { seedPaidPosition } from './support/positions';

const citizen = { fiscalCode: 'RCCMNL83S18D969H', firstName: 'Emanuele', lastName: 'Rocca', email: 'emanuele.rocca@esempio.it', password: 'Quietanza2026' };

test('a citizen registers, activates with the e-mailed code, sees a paid notice, prints its receipt and revokes the consent', async ({ page, host }) => {
  test.setTimeout(90_000);
  await host.stop();
  const notice = await seedPaidPosition(host.dataDir, { fiscalCode: citizen.fiscalCode, fullName: 'Emanuele Rocca' });
  await host.start();
  const grouped = formatNoticeNumber(notice);

  await openApp(page, host);
  await page.getByRole('link', { name: 'Apri l’area Pagatore' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Pagatore' })).toBeVisible();
  await expect(page).toHaveTitle('Pagatore – Sportello');
  await snap(page, '50-pagatore-home');

  await page.getByRole('link', { name: 'Registrati' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Registrati al Pagatore' })).toBeVisible();
  const form = page.getByRole('form', { name: 'Registrazione al Pagatore' });
  const fiscalCode = form.getByRole('textbox', { name: 'Codice fiscale' });
  // the check letter is wrong: said as soon as the 16th character is typed
  await fiscalCode.pressSequentially('mrarss80a01h501u');
  await expect(fiscalCode).toHaveValue('MRARSS80A01H501U');
  await expect(fiscalCode).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByText('Codice fiscale non valido: l\'ultimo carattere di controllo non corrisponde.')).toBeVisible();
  await form.getByRole('button', { name: 'Registrati' }).click();
  await expect(form.getByText('Inserisci il nome.')).toBeVisible();
  await expect(form.getByText('Per registrarti devi accettare l’informativa sul trattamento dei dati personali.')).toBeVisible();
  await expect(fiscalCode).toBeFocused();
  await snap(page, '51-registrazione-errori');

  await fiscalCode.fill(citizen.fiscalCode);
  await expect(form.getByText('Codice fiscale corretto.')).toBeVisible();
  await form.getByRole('textbox', { name: 'Nome', exact: true }).fill(citizen.firstName);
  await form.getByRole('textbox', { name: 'Cognome', exact: true }).fill(citizen.lastName);
  await form.getByRole('textbox', { name: 'E-mail' }).fill(citizen.email);
  await form.getByLabel(/^Password/).fill(citizen.password);
  await form.getByLabel(/^Ripeti la password/).fill(citizen.password);
  await expect(form.getByRole('heading', { level: 2, name: 'Informativa sul trattamento dei dati personali' })).toBeVisible();
  await form.getByRole('checkbox', { name: /Ho letto l’informativa/ }).check();
  await form.getByRole('button', { name: 'Registrati' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Attiva l’account' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Registrazione completata' })).toContainText('@esempio.it');
  const activation = page.getByRole('form', { name: 'Attivazione dell’account' });
  await expect(activation.getByRole('textbox', { name: 'Codice fiscale' })).toHaveValue(citizen.fiscalCode);
  await snap(page, '52-attivazione');

  // the activation e-mail waits in the pickup folder of the host's data dir
  const mails = await readOutbox(host.dataDir);
  expect(mails).toHaveLength(1);
  expect(mails[0]!.headers.to).toBe(`"Emanuele Rocca" <${citizen.email}>`);
  const code = activationCodeIn(mails[0]!);
  await activation.getByRole('textbox', { name: 'Codice di attivazione' }).fill('0000 0000' === code ? '1111 1111' : '0000 0000');
  await activation.getByRole('button', { name: 'Attiva l’account' }).click();
  await expect(page.getByRole('alert')).toContainText('Codice fiscale o codice di attivazione non corretti.');
  await activation.getByRole('textbox', { name: 'Codice di attivazione' }).fill(code);
  await activation.getByRole('button', { name: 'Attiva l’account' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Accedi al Pagatore' })).toBeVisible();
  await expect(page.getByRole('status')).toContainText('Account attivato.');
  const signIn = page.getByRole('form', { name: 'Accesso al Pagatore' });
  await expect(signIn.getByRole('textbox', { name: 'Codice fiscale' })).toHaveValue(citizen.fiscalCode);
  await signIn.getByLabel(/^Password/).fill(citizen.password);
  await signIn.getByRole('button', { name: 'Accedi' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'I miei pagamenti' })).toBeVisible();
  await expect(page.getByText(`Emanuele Rocca · ${citizen.fiscalCode}`)).toBeVisible();
  const table = page.getByRole('table', { name: 'Pagamenti effettuati' });
  await expect(table.getByRole('columnheader', { name: 'Codice avviso' })).toBeVisible();
  const row = table.getByRole('row', { name: /Mensa scolastica - novembre/ });
  await expect(row).toContainText(grouped);
  await expect(row).toContainText('45,60 €');
  await expect(row).toContainText('Comune di Test');
  await expect(page.getByText('Non hai avvisi da pagare.')).toBeVisible();
  await snap(page, '53-miei-pagamenti');

  const downloadPromise = page.waitForEvent('download');
  await row.getByRole('button', { name: `Stampa la ricevuta dell’avviso ${grouped}` }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe(`ricevuta-${notice}.pdf`);
  const file = path.join(host.dataDir, download.suggestedFilename());
  await download.saveAs(file);
  expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
  const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
  expect(text).toContain(grouped);
  expect(text).toContain('Emanuele Rocca');
  await expect(page.getByText(`Ricevuta pronta: ricevuta-${notice}.pdf`)).toBeVisible();

  await page.getByRole('navigation', { name: 'Menu del Pagatore' }).getByRole('link', { name: 'Privacy' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Privacy' })).toBeVisible();
  const revoke = page.getByRole('form', { name: 'Revoca del consenso' });
  await revoke.getByLabel(/^Password/).fill('sbagliata123');
  await revoke.getByRole('button', { name: 'Revoca il consenso' }).click();
  let dialog = page.getByRole('dialog', { name: 'Revocare il consenso e chiudere l’account?' });
  await dialog.getByRole('button', { name: 'Revoca e chiudi l’account' }).click();
  await expect(revoke.getByLabel(/^Password/)).toHaveAccessibleDescription('La password non è corretta.');
  await expect(revoke.getByLabel(/^Password/)).toHaveAttribute('aria-invalid', 'true');

  await revoke.getByLabel(/^Password/).fill(citizen.password);
  await revoke.getByRole('button', { name: 'Revoca il consenso' }).click();
  dialog = page.getByRole('dialog', { name: 'Revocare il consenso e chiudere l’account?' });
  // the safe choice has the focus
  await expect(dialog.getByRole('button', { name: 'Annulla' })).toBeFocused();
  await snap(page, '54-revoca-consenso');
  await dialog.getByRole('button', { name: 'Revoca e chiudi l’account' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Accedi al Pagatore' })).toBeVisible();
  await expect(page.getByRole('status')).toContainText('l’account è chiuso e i tuoi dati personali sono stati cancellati');
  await snap(page, '55-account-chiuso');
  const again = page.getByRole('form', { name: 'Accesso al Pagatore' });
  await again.getByRole('textbox', { name: 'Codice fiscale' }).fill(citizen.fiscalCode);
  await again.getByLabel(/^Password/).fill(citizen.password);
  await again.getByRole('button', { name: 'Accedi' }).click();
  await expect(page.getByRole('alert')).toContainText('Codice fiscale o password non corretti.');
});

test.describe('the demo citizen', () => {
  test.use({ hostOptions: { demoPayer: true } });

  test('signs in with the README’s credentials, sees a paid notice and one to pay, and signs out', async ({ page, host }) => {
    await openApp(page, host, '/pagatore/accedi');
    await expect(page.getByRole('heading', { level: 1, name: 'Accedi al Pagatore' })).toBeVisible();
    const form = page.getByRole('form', { name: 'Accesso al Pagatore' });
    await form.getByRole('textbox', { name: 'Codice fiscale' }).fill('RSSMRA80A01H501U');
    await form.getByLabel(/^Password/).fill('Cittadino2026!');
    await form.getByRole('button', { name: 'Accedi' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'I miei pagamenti' })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Pagamenti effettuati' }).getByRole('row', { name: /TARI/ })).toContainText('184,50 €');
    await expect(page.getByRole('table', { name: 'Avvisi da pagare' }).getByRole('row', { name: /Mensa scolastica/ })).toContainText('96,00 €');
    await snap(page, '56-cittadino-dimostrativo');

    await page.getByRole('button', { name: 'Esci' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Accedi al Pagatore' })).toBeVisible();
    await expect(page.getByRole('status')).toContainText('Sei uscito dal Pagatore.');
    // the payer's pages are behind the sign-in again
    await page.evaluate(() => {
      (globalThis as unknown as { location: { hash: string } }).location.hash = '#/pagatore/pagamenti';
    });
    await expect(page.getByRole('heading', { level: 1, name: 'Accedi al Pagatore' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: 'I miei pagamenti' })).toHaveCount(0);
  });
});
