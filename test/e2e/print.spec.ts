import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test, expect, demo, goToMenu, openEcAs, snap } from './support/fixtures';
import { seedPositions } from './support/positions';

test('the Referente Tecnico prints a payment notice from the positions page and downloads it', async ({ page, host }) => {
  await host.stop();
  const [notice] = await seedPositions(host.dataDir);
  await host.start();
  await openEcAs(page, host, demo.operator.email, demo.operator.password);
  await goToMenu(page, 'Posizioni debitorie');

  const table = page.getByRole('table', { name: 'Elenco delle posizioni debitorie' });
  await expect(table.getByRole('row')).toHaveCount(3);
  await expect(table.getByRole('row', { name: /123,45/ })).toContainText('Emanuele Rocca');
  await snap(page, '30-posizioni-debitorie');

  const row = table.getByRole('row', { name: /123,45/ });
  const iupd = (await row.getByRole('rowheader').textContent())!.trim();
  const downloadPromise = page.waitForEvent('download');
  await row.getByRole('button', { name: `Stampa l’avviso della posizione ${iupd}` }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/^avviso-.*\.pdf$/);
  const file = path.join(host.dataDir, download.suggestedFilename());
  await download.saveAs(file);
  expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
  const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
  expect(text).toContain('123,45 Euro');
  expect(text).toContain(notice!.replace(/(.{4})(?=.)/g, '$1 '));
  await expect(page.getByRole('alert').or(page.getByRole('status')).filter({ hasText: 'Documento pronto' })).toBeVisible();

  // a batch of everything filtered: progress, then the file to download
  await page.getByRole('button', { name: 'Stampa avvisi (tutte quelle filtrate)' }).click();
  await expect(page.getByText('Stampa completata: 2 avvisi, 4 pagine in 1 file.')).toBeVisible();
  const batchDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Scarica avvisi-001.pdf' }).click();
  expect((await batchDownload).suggestedFilename()).toBe('avvisi-001.pdf');
  await snap(page, '31-stampa-massiva');
});

test('the Referente dei Pagamenti edits the notice settings', async ({ page, host }) => {
  await openEcAs(page, host, demo.admin.email, demo.admin.password);
  await goToMenu(page, 'Impostazioni avvisi');
  await page.getByRole('textbox', { name: 'Codice CBILL dell’Ente' }).fill('A0EDT');
  await page.getByRole('textbox', { name: 'Settore, area o ufficio' }).fill('Settore Tributi');
  await page.getByRole('combobox', { name: 'Si può pagare sul sito o sull’app dell’Ente?' }).click();
  await page.getByRole('option', { name: 'Sì, sul sito dell’Ente' }).click();
  await page.getByRole('textbox', { name: 'Sportello dell’Ente dove si può pagare' }).fill('Presso Lo Sportello Tributi');
  await page.getByRole('button', { name: 'Salva' }).click();
  await expect(page.getByText('Impostazioni degli avvisi salvate.')).toBeVisible();
  await goToMenu(page, 'Panoramica');
  await goToMenu(page, 'Impostazioni avvisi');
  await expect(page.getByRole('textbox', { name: 'Codice CBILL dell’Ente' })).toHaveValue('A0EDT');
  await expect(page.getByRole('combobox', { name: 'Si può pagare sul sito o sull’app dell’Ente?' })).toHaveText('Sì, sul sito dell’Ente');
  await expect(page.getByRole('textbox', { name: 'Sportello dell’Ente dove si può pagare' })).toHaveValue('Presso Lo Sportello Tributi');
  await snap(page, '32-impostazioni-avvisi');
});
