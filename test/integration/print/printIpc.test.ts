import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PrintJobStatusData } from '../../../src-shared/ipc/schemas/print';
import { createTestCore, demoAdmin, demoOperator, type TestCore } from '../../support/testCore';
import { operator, positionInput, single } from '../../support/positionsFixture';
import { POSTE_AUTH, sampleLogo } from '../../support/printSamples';
import { decodeQrCodes, renderPages, writeTemp } from './pdfTools';

let t: TestCore;
const ADMIN = 'w-admin';
const OPERATOR = 'w-operator';

beforeEach(async () => {
  t = await createTestCore({ demo: true });
  expect((await t.invoke(ADMIN, 'auth.signIn', demoAdmin)).ok).toBe(true);
  expect((await t.invoke(OPERATOR, 'auth.signIn', demoOperator)).ok).toBe(true);
});
afterEach(() => t.close());

async function data<T>(windowId: string, channel: string, input?: unknown): Promise<T> {
  const r = await t.invoke(windowId, channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.data as T;
}

function publish(amount: number) {
  const positions = t.core.positions.positions;
  return positions.publish(operator, positions.create(operator, positionInput({ options: [single({ amount })] })).id);
}

describe('notice settings over IPC', () => {
  it('the Referente dei Pagamenti reads and updates them; the Referente Tecnico may not', async () => {
    const initial = await data<{ settings: { cbill: string; onlineChannel: string; physicalChannel: string }; version: number }>(ADMIN, 'noticeSettings.get');
    expect(initial.version).toBe(0);
    expect(initial.settings).toMatchObject({ onlineChannel: 'none', physicalChannel: '' });
    const settings = { ...initial.settings, cbill: 'a0edt', sector: 'Tributi', logo: sampleLogo(), posteAuthorisation: POSTE_AUTH };
    const saved = await data<{ settings: { cbill: string; logo: unknown }; version: number }>(ADMIN, 'noticeSettings.update', { settings, version: 0 });
    expect(saved).toMatchObject({ version: 1, settings: { cbill: 'A0EDT', logo: sampleLogo() } });
    // a stale version is refused
    expect(await t.invoke(ADMIN, 'noticeSettings.update', { settings, version: 0 })).toMatchObject({ ok: false, error: { code: 'DATA_CONFLICT' } });
    expect(await t.invoke(ADMIN, 'noticeSettings.update', { settings: { ...settings, cbill: '12' }, version: 1 })).toMatchObject({
      ok: false,
      error: { code: 'IPC_INVALID_INPUT', fieldErrors: { 'settings.cbill': [expect.stringContaining('CBILL')] } },
    });
    // "Dove pagare" takes only the guideline's choices: no free text for the site, a counter of at most 50 characters
    expect(
      await t.invoke(ADMIN, 'noticeSettings.update', { settings: { ...settings, onlineChannel: 'sul nostro sito', physicalChannel: 'S'.repeat(51) }, version: 1 }),
    ).toMatchObject({
      ok: false,
      error: { code: 'IPC_INVALID_INPUT', fieldErrors: { 'settings.onlineChannel': [expect.any(String)], 'settings.physicalChannel': [expect.any(String)] } },
    });
    expect(await t.invoke(OPERATOR, 'noticeSettings.update', { settings, version: 1 })).toMatchObject({ ok: false, error: { code: 'AUTH_FORBIDDEN' } });
    const audit = await data<{ items: Array<{ action: string; details: { changed: string[] } }> }>(ADMIN, 'audit.list', { action: 'noticeSettings.updated' });
    expect(audit.items[0]?.details.changed).toEqual(expect.arrayContaining(['logo', 'cbill', 'sector', 'posteAuthorisation']));
  });
});

describe('printing over IPC', () => {
  it('lists positions and prints a notice with the EC settings applied', async () => {
    const position = publish(12_345);
    const page = await data<{ items: Array<{ id: number; iupd: string; hasReceipt: boolean }> }>(OPERATOR, 'positions.list', { limit: 10 });
    expect(page.items.map((i) => i.id)).toContain(position.id);
    const file = await data<{ fileName: string; dataBase64: string }>(OPERATOR, 'print.notice', { positionId: position.id });
    expect(file.fileName).toMatch(/^avviso-.*\.pdf$/);
    const pages = renderPages(writeTemp(Buffer.from(file.dataBase64, 'base64')), 150);
    expect(decodeQrCodes(pages[0]!)).toEqual([`PAGOPA|002|${position.options[0]!.noticeNumber}|80012345676|12345`]);
    expect(await t.invoke(OPERATOR, 'print.receipt', { positionId: position.id })).toMatchObject({ ok: false, error: { code: 'PRINT_NO_RECEIPT' } });
  });

  it('runs a batch job in a worker, pushes progress events to the window, and serves the files', async () => {
    const ids = [publish(1_000).id, publish(2_000).id, t.core.positions.positions.create(operator, positionInput()).id];
    const started = await data<PrintJobStatusData>(OPERATOR, 'print.batchStart', { positionIds: ids });
    expect(started).toMatchObject({ state: 'running', total: 3 });
    expect(await t.invoke(OPERATOR, 'print.batchStart', { positionIds: ids })).toMatchObject({ ok: false, error: { code: 'PRINT_JOB_RUNNING' } });
    await t.core.print.jobs.whenDone(started.jobId);
    const final = await data<PrintJobStatusData>(OPERATOR, 'print.batchStatus', { jobId: started.jobId });
    expect(final).toMatchObject({ state: 'done', notices: 2, read: 3, files: [{ name: 'avvisi-001.pdf', notices: 2 }] });
    expect(final.skipped).toHaveLength(1);
    const events = t.events.filter((e) => e.event === 'print.progress');
    expect(events.every((e) => e.windowId === OPERATOR)).toBe(true);
    expect((events.at(-1)?.payload as PrintJobStatusData).state).toBe('done');
    const file = await data<{ dataBase64: string }>(OPERATOR, 'print.batchFile', { jobId: started.jobId, index: 0 });
    expect(Buffer.from(file.dataBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    expect(await t.invoke(OPERATOR, 'print.batchStart', {})).toMatchObject({ ok: false, error: { code: 'IPC_INVALID_INPUT' } });
  });
});
