import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserWindow, Dialog, Shell } from 'electron';
import { afterEach, describe, expect, it } from 'vitest';
import { createElectronDelivery } from '../../../src-main/hosts/electron/documentDelivery';
import { printWindowOptions } from '../../../src-main/hosts/electron/window';
import type { PrintJobStatusData } from '../../../src-shared/ipc/schemas/print';
import { operator, positionInput, single } from '../../support/positionsFixture';
import { createTestCore, demoOperator, tempDir, type TestCore } from '../../support/testCore';
import * as fake from './support/fakeElectron';

// The desktop delivery (folder dialog + copy, system viewer, printing through a hidden window) on a
// real core, with the recording stand-ins for Electron's dialog, shell and webContents.print.

const PRINTERS: fake.FakePrinter[] = [
  { name: 'Ufficio_Tributi', displayName: 'Ufficio Tributi', description: 'HP LaserJet', options: {} },
  { name: 'Sportello_2', displayName: 'Sportello 2', description: 'Brother', options: {} },
];

let t: TestCore;
let mainWindow: fake.FakeBrowserWindow;
let windowId: string;
let printWindows: Array<{ window: fake.FakeBrowserWindow; allowedUrl: string }>;
const cleanup: string[] = [];

async function setup(kiosk: boolean): Promise<void> {
  fake.resetFake();
  fake.printing.printers = PRINTERS.map((p) => ({ ...p }));
  mainWindow = new fake.FakeBrowserWindow({});
  windowId = String(mainWindow.webContents.id);
  printWindows = [];
  const dataDir = tempDir('sportello-delivery-');
  cleanup.push(dataDir);
  const delivery = createElectronDelivery({
    kiosk,
    filesRoot: path.join(dataDir, 'stampe'),
    dialog: fake.dialog as unknown as Dialog,
    shell: fake.shell as unknown as Shell,
    windowFor: (id) => (id === windowId ? (mainWindow as unknown as BrowserWindow) : null),
    openPrintWindow: (allowedUrl) => {
      const window = new fake.FakeBrowserWindow(printWindowOptions() as Record<string, unknown>);
      printWindows.push({ window, allowedUrl });
      return window as unknown as BrowserWindow;
    },
    defaultPrinterName: async () => 'Ufficio_Tributi',
    viewerSettleMs: 0,
  });
  t = await createTestCore({ demo: true, dataDir, delivery });
  expect((await t.invoke(windowId, 'auth.signIn', demoOperator)).ok).toBe(true);
}

afterEach(async () => {
  await t.close();
  for (const dir of cleanup.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

async function data<T>(channel: string, input?: unknown, from = windowId): Promise<T> {
  const r = await t.invoke(from, channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.data as T;
}

/** A published position's notice, printed by the signed-in window: its id and its bytes. */
async function notice(): Promise<{ ref: { kind: 'document'; documentId: string }; fileName: string; bytes: Buffer }> {
  const positions = t.core.positions.positions;
  const position = positions.publish(operator, positions.create(operator, positionInput({ options: [single({ amount: 12_345 })] })).id);
  const file = await data<{ documentId: string; fileName: string; dataBase64: string }>('print.notice', { positionId: position.id });
  return { ref: { kind: 'document', documentId: file.documentId }, fileName: file.fileName, bytes: Buffer.from(file.dataBase64, 'base64') };
}

async function auditActions(): Promise<Array<{ action: string; entity: string; details: Record<string, unknown> }>> {
  const page = await t.core.services.audit.page({ limit: 50 });
  return page.items.filter((i) => i.action.startsWith('document.'));
}

function outsideFolder(): string {
  const dir = tempDir('sportello-chosen-');
  cleanup.push(dir);
  return dir;
}

describe('desktop delivery', () => {
  it('offers save, open, print with a printer choice and download', async () => {
    await setup(false);
    expect(await data('delivery.capabilities')).toEqual({ download: true, saveToFolder: true, openInViewer: true, print: 'choosePrinter' });
  });

  it('saves a copy of the notice into the chosen folder, never over an existing file, and audits it', async () => {
    await setup(false);
    const doc = await notice();
    const folder = outsideFolder();
    fake.dialogAnswer.canceled = false;
    fake.dialogAnswer.filePaths = [folder];

    const first = await data<{ outcome: string; path: string }>('delivery.saveToFolder', { document: doc.ref });
    expect(first).toEqual({ outcome: 'saved', path: path.join(folder, doc.fileName) });
    expect(fs.readFileSync(first.path).equals(doc.bytes)).toBe(true);
    // the dialog is modal to the window that asked, and picks a folder
    const [parent, options] = fake.dialog.showOpenDialog.mock.calls[0] as [unknown, { properties: string[] }];
    expect(parent).toBe(mainWindow);
    expect(options.properties).toContain('openDirectory');

    const second = await data<{ path: string }>('delivery.saveToFolder', { document: doc.ref });
    expect(path.basename(second.path)).toBe(doc.fileName.replace(/\.pdf$/, ' (2).pdf'));
    expect(fs.readdirSync(folder).sort()).toEqual([doc.fileName, path.basename(second.path)].sort());

    const audit = await auditActions();
    expect(audit.map((a) => a.action)).toEqual(['document.saved', 'document.saved']);
    expect(audit[0]).toMatchObject({ entity: 'notice', details: { folder, fileName: path.basename(second.path) } });
  });

  it('a cancelled folder dialog writes nothing and audits nothing', async () => {
    await setup(false);
    const doc = await notice();
    const folder = outsideFolder();
    fake.dialogAnswer.canceled = true;
    fake.dialogAnswer.filePaths = [folder];
    expect(await data('delivery.saveToFolder', { document: doc.ref })).toEqual({ outcome: 'cancelled' });
    expect(fs.readdirSync(folder)).toEqual([]);
    expect(await auditActions()).toEqual([]);
  });

  it('opens the core’s own file of the document in the system viewer', async () => {
    await setup(false);
    const doc = await notice();
    expect(await data('delivery.open', { document: doc.ref })).toBeNull();
    expect(fake.shell.openPath).toHaveBeenCalledTimes(1);
    const opened = fake.shell.openPath.mock.calls[0]![0];
    expect(path.relative(path.join(t.dataDir, 'stampe'), opened).startsWith('..')).toBe(false);
    expect(path.basename(opened)).toBe(doc.fileName);
    expect(fs.readFileSync(opened).equals(doc.bytes)).toBe(true);

    fake.shellAnswer.openPath = 'No application is associated with the file';
    expect(await t.invoke(windowId, 'delivery.open', { document: doc.ref })).toMatchObject({ ok: false, error: { code: 'DELIVERY_OPEN_FAILED' } });
  });

  it('lists the printers with the system default marked', async () => {
    await setup(false);
    expect(await data('delivery.printers')).toEqual({
      printers: [
        { name: 'Ufficio_Tributi', displayName: 'Ufficio Tributi', isDefault: true },
        { name: 'Sportello_2', displayName: 'Sportello 2', isDefault: false },
      ],
    });
  });

  it('prints the document on the chosen printer from a hidden, locked-down window, then closes it and audits', async () => {
    await setup(false);
    const doc = await notice();
    expect(await data('delivery.print', { document: doc.ref, deviceName: 'Sportello_2' })).toEqual({ printer: 'Sportello 2' });

    expect(printWindows).toHaveLength(1);
    const { window, allowedUrl } = printWindows[0]!;
    expect(window.options.show).toBe(false);
    expect(window.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, devTools: false });
    expect((window.options.webPreferences as Record<string, unknown>).preload).toBeUndefined();
    expect(fake.printing.jobs).toHaveLength(1);
    const job = fake.printing.jobs[0]!;
    // the page it printed is the core's file of this document, and the only one it was allowed to show
    expect(job.url).toBe(allowedUrl);
    const printedFile = new URL(job.url);
    expect(printedFile.protocol).toBe('file:');
    expect(job.url).toBe(pathToFileURL(path.join(t.dataDir, 'stampe', 'documenti', doc.ref.documentId, doc.fileName)).href);
    expect(fs.readFileSync(printedFile).equals(doc.bytes)).toBe(true);
    expect(job.options).toMatchObject({ silent: true, deviceName: 'Sportello_2' });
    expect(window.isDestroyed()).toBe(true);

    const audit = await auditActions();
    expect(audit).toEqual([expect.objectContaining({ action: 'document.printed', entity: 'notice', details: expect.objectContaining({ printer: 'Sportello 2', defaultPrinter: false }) })]);
  });

  it('refuses a printer the system does not have, and reports a failed job, without auditing either', async () => {
    await setup(false);
    const doc = await notice();
    expect(await t.invoke(windowId, 'delivery.print', { document: doc.ref, deviceName: 'Stampante_sparita' })).toMatchObject({
      ok: false,
      error: { code: 'DELIVERY_PRINTER_NOT_FOUND' },
    });
    expect(fake.printing.jobs).toEqual([]);

    fake.printing.outcome = { success: false, failureReason: 'Print job failed' };
    expect(await t.invoke(windowId, 'delivery.print', { document: doc.ref, deviceName: 'Sportello_2' })).toMatchObject({ ok: false, error: { code: 'PRINT_FAILED' } });
    expect(printWindows.every((p) => p.window.isDestroyed())).toBe(true);
    expect(await auditActions()).toEqual([]);
  });

  it('prints a file of a batch job by its job id and index', async () => {
    await setup(false);
    const positions = t.core.positions.positions;
    const ids = [1_000, 2_000].map((amount) => positions.publish(operator, positions.create(operator, positionInput({ options: [single({ amount })] })).id).id);
    const started = await data<PrintJobStatusData>('print.batchStart', { positionIds: ids });
    await t.core.print.jobs.whenDone(started.jobId);
    const status = await data<PrintJobStatusData>('print.batchStatus', { jobId: started.jobId });
    expect(status.files).toHaveLength(1);

    await data('delivery.print', { document: { kind: 'batchFile', jobId: started.jobId, index: 0 } });
    const printed = new URL(fake.printing.jobs[0]!.url);
    expect(path.basename(printed.pathname)).toBe(status.files[0]!.name);
    expect(fake.printing.jobs[0]!.options).not.toHaveProperty('deviceName');
    expect(await t.invoke(windowId, 'delivery.print', { document: { kind: 'batchFile', jobId: started.jobId, index: 1 } })).toMatchObject({
      ok: false,
      error: { code: 'DELIVERY_DOCUMENT_NOT_FOUND' },
    });
  });
});

describe('kiosk delivery', () => {
  it('offers only printing to the default printer, and prints silently there whatever printer is asked for', async () => {
    await setup(true);
    expect(await data('delivery.capabilities')).toEqual({ download: false, saveToFolder: false, openInViewer: false, print: 'defaultPrinter' });
    const doc = await notice();
    expect(await data('delivery.print', { document: doc.ref, deviceName: 'Sportello_2' })).toEqual({ printer: 'Ufficio Tributi' });
    expect(fake.printing.jobs).toHaveLength(1);
    expect(fake.printing.jobs[0]!.options.silent).toBe(true);
    expect(fake.printing.jobs[0]!.options).not.toHaveProperty('deviceName');
    expect((await auditActions())[0]).toMatchObject({ action: 'document.printed', details: { defaultPrinter: true } });
  });

  it('refuses the folder dialog, the viewer and the printer list', async () => {
    await setup(true);
    const doc = await notice();
    for (const [channel, input] of [
      ['delivery.saveToFolder', { document: doc.ref }],
      ['delivery.open', { document: doc.ref }],
      ['delivery.printers', undefined],
    ] as const) {
      expect(await t.invoke(windowId, channel, input)).toMatchObject({ ok: false, error: { code: 'DELIVERY_NOT_SUPPORTED' } });
    }
    expect(fake.dialog.showOpenDialog).not.toHaveBeenCalled();
    expect(fake.shell.openPath).not.toHaveBeenCalled();
  });
});

describe('who may deliver what', () => {
  it('refuses a window without a session before touching the system', async () => {
    await setup(false);
    const doc = await notice();
    fake.dialogAnswer.canceled = false;
    fake.dialogAnswer.filePaths = [outsideFolder()];
    for (const channel of ['delivery.saveToFolder', 'delivery.open', 'delivery.print']) {
      expect(await t.invoke('w-signed-out', channel, { document: doc.ref })).toMatchObject({ ok: false, error: { code: 'AUTH_REQUIRED' } });
    }
    expect(await t.invoke('w-signed-out', 'delivery.printers')).toMatchObject({ ok: false, error: { code: 'AUTH_REQUIRED' } });
    expect(fake.dialog.showOpenDialog).not.toHaveBeenCalled();
    expect(fake.shell.openPath).not.toHaveBeenCalled();
    expect(fake.printing.jobs).toEqual([]);
  });

  it('a document is found only by its id, and only from the window that printed it', async () => {
    await setup(false);
    const doc = await notice();
    const other = 'w-other';
    expect((await t.invoke(other, 'auth.signIn', demoOperator)).ok).toBe(true);
    expect(await t.invoke(other, 'delivery.open', { document: doc.ref })).toMatchObject({ ok: false, error: { code: 'DELIVERY_DOCUMENT_NOT_FOUND' } });
    expect(await t.invoke(windowId, 'delivery.open', { document: { kind: 'document', documentId: 'f'.repeat(32) } })).toMatchObject({
      ok: false,
      error: { code: 'DELIVERY_DOCUMENT_NOT_FOUND' },
    });
    // a path is not an id
    expect(await t.invoke(windowId, 'delivery.open', { document: { kind: 'document', documentId: '../../sportello.db' } })).toMatchObject({
      ok: false,
      error: { code: 'IPC_INVALID_INPUT' },
    });
    expect(await t.invoke(windowId, 'delivery.print', { document: { kind: 'file', path: '/etc/passwd' } })).toMatchObject({ ok: false, error: { code: 'IPC_INVALID_INPUT' } });
    expect(fake.shell.openPath).not.toHaveBeenCalled();
    expect(fake.printing.jobs).toEqual([]);
  });
});
