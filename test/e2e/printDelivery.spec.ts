import type { Page, Route } from '@playwright/test';
import { test, expect, demo, goToMenu, openEcAs } from './support/fixtures';
import { seedPositions } from './support/positions';

/**
 * The positions page as the desktop app and the kiosk show it. The web host offers only the download,
 * so these tests answer the delivery.* channels the way the Electron host would (its own behaviour is
 * unit-tested with a stand-in for Electron); every other call, print.notice included, goes to the real host.
 */

type Answer = (input: unknown) => unknown;

interface DeliveryStub {
  calls: Array<{ channel: string; input: unknown }>;
}

async function stubDelivery(page: Page, answers: Record<string, Answer>): Promise<DeliveryStub> {
  const stub: DeliveryStub = { calls: [] };
  await page.route('**/__sportello/ipc', async (route: Route) => {
    const body = route.request().postDataJSON() as { channel: string; input: unknown };
    const answer = answers[body.channel];
    if (!answer) return route.continue();
    stub.calls.push(body);
    return route.fulfill({ json: { ok: true, data: answer(body.input) } });
  });
  return stub;
}

const printers = [
  { name: 'Ufficio_Tributi', displayName: 'Ufficio Tributi', isDefault: true },
  { name: 'Sportello_2', displayName: 'Sportello 2', isDefault: false },
];

async function openPositions(page: Page, host: Parameters<typeof openEcAs>[1]): Promise<string> {
  await host.stop();
  await seedPositions(host.dataDir, [12_345]);
  await host.start();
  await openEcAs(page, host, demo.operator.email, demo.operator.password);
  await goToMenu(page, 'Posizioni debitorie');
  const row = page.getByRole('table', { name: 'Elenco delle posizioni debitorie' }).getByRole('row', { name: /123,45/ });
  return (await row.getByRole('rowheader').textContent())!.trim();
}

test('desktop: a printed notice can be saved to a folder, printed on a chosen printer or downloaded', async ({ page, host }) => {
  const stub = await stubDelivery(page, {
    'delivery.capabilities': () => ({ download: true, saveToFolder: true, openInViewer: true, print: 'choosePrinter' }),
    'delivery.printers': () => ({ printers }),
    'delivery.print': (input) => ({ printer: printers.find((p) => p.name === (input as { deviceName?: string }).deviceName)?.displayName ?? null }),
    'delivery.saveToFolder': () => ({ outcome: 'saved', path: '/home/ufficio/Documenti/avviso.pdf' }),
    'delivery.open': () => null,
  });
  const iupd = await openPositions(page, host);
  await page.getByRole('button', { name: `Stampa l’avviso della posizione ${iupd}` }).click();

  const ready = page.getByRole('dialog', { name: 'Documento pronto' });
  await expect(ready).toBeVisible();
  const fileName = /avviso-[^ ]+\.pdf/.exec((await ready.textContent()) ?? '')![0];
  // the first action has the focus, so the keyboard alone can go on
  await expect(ready.getByRole('button', { name: `Salva ${fileName} in una cartella` })).toBeFocused();
  await expect(ready.getByRole('button', { name: `Apri ${fileName} nel visualizzatore PDF` })).toBeVisible();
  await expect(ready.getByRole('button', { name: `Scarica ${fileName}` })).toBeVisible();

  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Documento salvato: /home/ufficio/Documenti/avviso.pdf' })).toBeVisible();

  await ready.getByRole('button', { name: `Stampa ${fileName}` }).click();
  const chooser = page.getByRole('dialog', { name: `Stampa ${fileName}` });
  await expect(chooser.getByRole('radio', { name: 'Ufficio Tributi (predefinita)' })).toBeChecked();
  await chooser.getByRole('radio', { name: 'Sportello 2' }).check();
  await chooser.getByRole('button', { name: 'Stampa', exact: true }).click();
  await expect(chooser).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Documento inviato alla stampante Sportello 2.' })).toBeVisible();

  const printCall = stub.calls.find((c) => c.channel === 'delivery.print')!;
  expect(printCall.input).toEqual({ document: { kind: 'document', documentId: expect.stringMatching(/^[a-f0-9]{32}$/) }, deviceName: 'Sportello_2' });
  const saveCall = stub.calls.find((c) => c.channel === 'delivery.saveToFolder')!;
  // both acted on the document print.notice just produced, named by its id
  expect(saveCall.input).toEqual({ document: (printCall.input as { document: unknown }).document });

  const download = page.waitForEvent('download');
  await ready.getByRole('button', { name: `Scarica ${fileName}` }).click();
  expect((await download).suggestedFilename()).toBe(fileName);
  await ready.getByRole('button', { name: 'Chiudi' }).click();
  await expect(ready).toBeHidden();
});

test('kiosk: “Stampa avviso” prints at once on the default printer and says so', async ({ page, host }) => {
  const stub = await stubDelivery(page, {
    'delivery.capabilities': () => ({ download: false, saveToFolder: false, openInViewer: false, print: 'defaultPrinter' }),
    'delivery.print': () => ({ printer: 'Ufficio Tributi' }),
  });
  const iupd = await openPositions(page, host);
  let downloaded = false;
  page.on('download', () => (downloaded = true));
  await page.getByRole('button', { name: `Stampa l’avviso della posizione ${iupd}` }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Documento inviato alla stampante predefinita (Ufficio Tributi).' })).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  expect(stub.calls.filter((c) => c.channel === 'delivery.print')).toEqual([
    { channel: 'delivery.print', input: { document: { kind: 'document', documentId: expect.stringMatching(/^[a-f0-9]{32}$/) } } },
  ]);
  expect(downloaded).toBe(false);
});
