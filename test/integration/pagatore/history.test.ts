import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { formatNoticeNumber } from '../../../src-shared/domain/noticeNumber';
import type { ChannelName, ChannelOutput, IpcResult } from '../../../src-shared/ipc/contract';
import type { DeliverableFile, DocumentDelivery } from '../../../src-main/delivery/documentDelivery';
import { createPositionsModule, type PositionsModule } from '../../../src-main/positions';
import { address, operator, positionInput, receiptFor, STATION } from '../../support/positionsFixture';
import { createTestCore, demoOperator, tempDir, type TestCore } from '../../support/testCore';
import { requireTools } from '../print/pdfTools';
import { CITIZEN, registerAndSignIn } from './support';

/** A desktop-like host: every delivery is recorded instead of reaching the OS. */
function recordingDelivery(): DocumentDelivery & { opened: DeliverableFile[]; printed: DeliverableFile[] } {
  const opened: DeliverableFile[] = [];
  const printed: DeliverableFile[] = [];
  return {
    capabilities: { download: true, saveToFolder: true, openInViewer: true, print: 'choosePrinter' },
    opened,
    printed,
    saveToFolder: async (_w, file) => path.join(tempDir(), file.fileName),
    openInViewer: async (file) => {
      opened.push(file);
    },
    listPrinters: async () => [{ name: 'sportello', displayName: 'Stampante dello sportello', isDefault: true }],
    print: async (file) => {
      printed.push(file);
      return { printer: 'Stampante dello sportello' };
    },
  };
}

let t: TestCore;
let module: PositionsModule;
let delivery: ReturnType<typeof recordingDelivery>;
const KIOSK = 'w-kiosk';
const OTHER_CF = 'JHNDOE00A01F205N';

beforeAll(() => requireTools());
beforeEach(async () => {
  delivery = recordingDelivery();
  t = await createTestCore({ demo: true, delivery });
  // the EC accepts the receipts these tests deliver through its station
  module = createPositionsModule({ db: t.core.db, clock: t.clock, audit: t.core.services.audit, acceptedStationIds: () => [STATION] });
});
afterEach(() => t.close());

/** The router's answer, typed by the contract (the router has checked it against the output schema). */
async function call<C extends ChannelName>(windowId: string, channel: C, input?: unknown): Promise<IpcResult<ChannelOutput<C>>> {
  return (await t.invoke(windowId, channel, input)) as IpcResult<ChannelOutput<C>>;
}

/** A published position for `debtor`, paid with a receipt naming `payer` (if given): its option and receipt. */
async function paidPosition(debtor: string, amount: number, payer?: string) {
  const position = module.positions.publish(
    operator,
    module.positions.create(operator, positionInput({ debtor: { type: 'F', fiscalCode: debtor, fullName: 'Intestatario Prova' }, options: [{ kind: 'single', amount, dueDate: '2026-12-31', description: `Servizio da ${amount}`, transfers: [{ id: 1, amount, iban: 'IT60X0542811101000000123456', remittance: 'Prova', taxonomy: '9/0101108TS/' }] }] })).id,
  );
  const option = position.options[0]!;
  const receipt = receiptFor(option, {
    debtor: { uniqueIdentifier: { entityUniqueIdentifierType: 'F', entityUniqueIdentifierValue: debtor }, fullName: 'Intestatario Prova' },
    ...(payer ? { payer: { uniqueIdentifier: { entityUniqueIdentifierType: 'F', entityUniqueIdentifierValue: payer }, fullName: 'Chi ha pagato' } } : {}),
  });
  expect(await module.station.paSendRTV2({ ...address, receipt })).toEqual({ outcome: 'OK' });
  module.station.flushWrites();
  const row = t.core.positions.repositories.receipts.findByReceiptId(receipt.receiptId)!;
  return { position, option, receipt, rowId: row.id };
}

describe('the payer’s history', () => {
  it('lists the receipts naming the account’s fiscal code as debtor or payer, newest first, in keyset pages; not anyone else’s', async () => {
    const own = await paidPosition(CITIZEN.fiscalCode, 10_000);
    const paidForSomeoneElse = await paidPosition(OTHER_CF, 20_000, CITIZEN.fiscalCode);
    await paidPosition(OTHER_CF, 30_000);
    const third = await paidPosition(CITIZEN.fiscalCode, 40_000, CITIZEN.fiscalCode);
    await registerAndSignIn(t, KIOSK);

    const first = await call(KIOSK, 'payer.history', { limit: 2 });
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(first.data.items.map((i) => i.amount)).toEqual([40_000, 20_000]);
    expect(first.data.items[0]).toEqual({
      id: third.rowId,
      ecName: 'Comune di Test',
      ecFiscalCode: '80012345676',
      description: 'Servizio da 40000',
      noticeNumber: third.option.noticeNumber,
      amount: 40_000,
      fee: 150,
      paidAt: '2026-11-22T10:15:00.000Z',
      pspName: 'Banca di Prova',
      relation: 'both',
    });
    expect(first.data.items[1]!.relation).toBe('payer');
    expect(first.data.nextCursor).toBe(String(paidForSomeoneElse.rowId));

    const second = await t.invoke(KIOSK, 'payer.history', { limit: 2, cursor: first.data.nextCursor });
    expect(second).toMatchObject({ ok: true, data: { items: [{ id: own.rowId, relation: 'debtor' }], nextCursor: null } });
  });

  it('lists the notices still to pay', async () => {
    await paidPosition(CITIZEN.fiscalCode, 10_000);
    const open = module.positions.publish(operator, module.positions.create(operator, positionInput()).id);
    module.positions.create(operator, positionInput()); // a draft is not payable
    await registerAndSignIn(t, KIOSK);
    const result = await t.invoke(KIOSK, 'payer.openNotices');
    expect(result).toMatchObject({ ok: true, data: [{ positionId: open.id, noticeNumber: open.options[0]!.noticeNumber, amount: 10_000, dueDate: '2026-12-31', ecName: 'Comune di Test' }] });
  });

  it('prints the receipt of one of the payer’s own payments: a PDF with its notice number, deliverable from that window only', async () => {
    const own = await paidPosition(CITIZEN.fiscalCode, 12_345);
    await registerAndSignIn(t, KIOSK);
    const printed = await call(KIOSK, 'payer.printReceipt', { receiptId: own.rowId });
    expect(printed.ok).toBe(true);
    if (!printed.ok) return;
    expect(printed.data.fileName).toBe(`ricevuta-${own.option.noticeNumber}.pdf`);
    const pdf = path.join(tempDir(), printed.data.fileName);
    fs.writeFileSync(pdf, Buffer.from(printed.data.dataBase64, 'base64'));
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain(formatNoticeNumber(own.option.noticeNumber));
    expect(text).toContain('123,45 €');

    // the delivery channels serve a payer for the documents of their own window
    const document = { kind: 'document', documentId: printed.data.documentId };
    expect(await t.invoke(KIOSK, 'delivery.open', { document })).toEqual({ ok: true, data: null });
    expect(await t.invoke(KIOSK, 'delivery.printers')).toMatchObject({ ok: true });
    expect(await t.invoke(KIOSK, 'delivery.print', { document, deviceName: 'sportello' })).toEqual({ ok: true, data: { printer: 'Stampante dello sportello' } });
    expect(delivery.opened.map((f) => f.fileName)).toEqual([printed.data.fileName]);
    expect(delivery.printed).toHaveLength(1);
    const entry = t.core.db.prepare<[], { actor_name: string; entity: string }>("SELECT actor_name, entity FROM audit_log WHERE action = 'document.printed'").get();
    expect(entry).toEqual({ actor_name: `Cittadino ${CITIZEN.fiscalCode}`, entity: 'receipt' });
    expect(await t.invoke('w-elsewhere', 'delivery.open', { document })).toMatchObject({ ok: false, error: { code: 'AUTH_REQUIRED' } });

    // signing out forgets the window's documents: the next person at the kiosk cannot deliver them
    await t.invoke(KIOSK, 'payer.signOut');
    expect((await t.invoke(KIOSK, 'auth.signIn', demoOperator)).ok).toBe(true);
    expect(await t.invoke(KIOSK, 'delivery.open', { document })).toMatchObject({ ok: false, error: { code: 'DELIVERY_DOCUMENT_NOT_FOUND' } });
  });

  it('someone else’s receipt, or one that does not exist, is "not found" and nothing is produced', async () => {
    const foreign = await paidPosition(OTHER_CF, 10_000);
    await registerAndSignIn(t, KIOSK);
    for (const receiptId of [foreign.rowId, 999_999]) {
      expect(await t.invoke(KIOSK, 'payer.printReceipt', { receiptId })).toMatchObject({ ok: false, error: { code: 'PAYER_RECEIPT_NOT_FOUND', message: 'Ricevuta non trovata tra i tuoi pagamenti.' } });
    }
    expect(fs.existsSync(path.join(t.dataDir, 'stampe', 'documenti')) ? fs.readdirSync(path.join(t.dataDir, 'stampe', 'documenti')) : []).toEqual([]);
  });

  it('a payer cannot deliver a batch file, nor a staff document made on another window', async () => {
    const staffWindow = 'w-staff';
    expect((await t.invoke(staffWindow, 'auth.signIn', demoOperator)).ok).toBe(true);
    const own = await paidPosition(CITIZEN.fiscalCode, 10_000);
    const staffDoc = await call(staffWindow, 'print.receipt', { positionId: own.position.id });
    expect(staffDoc.ok).toBe(true);
    await registerAndSignIn(t, KIOSK);
    expect(await t.invoke(KIOSK, 'delivery.open', { document: { kind: 'batchFile', jobId: 'qualsiasi', index: 0 } })).toMatchObject({ ok: false, error: { code: 'AUTH_FORBIDDEN' } });
    if (staffDoc.ok) {
      expect(await t.invoke(KIOSK, 'delivery.open', { document: { kind: 'document', documentId: staffDoc.data.documentId } })).toMatchObject({ ok: false, error: { code: 'DELIVERY_DOCUMENT_NOT_FOUND' } });
    }
  });
});
