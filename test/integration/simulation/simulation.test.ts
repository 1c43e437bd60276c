import { afterEach, describe, expect, it } from 'vitest';
import { validateFiscalCode } from '../../../src-shared/domain/fiscalCode';
import { validateIban } from '../../../src-shared/domain/iban';
import { iuvFromNoticeNumber, parseNoticeNumber } from '../../../src-shared/domain/noticeNumber';
import { parseTransferCategory } from '../../../src-shared/domain/taxonomy';
import type { DebtPosition } from '../../../src-main/positions/types';
import {
  collectStatus,
  onboardForSimulation,
  seedPositions,
  seedScenarioPositions,
  simulatePayments,
  SIMULATED_SERVICES,
} from '../../../src-main/simulation';
import { createTestCore, type TestCore } from '../../support/testCore';

const TODAY = '2026-11-22';
const IN_A_YEAR = '2027-11-22';

let open: TestCore[] = [];
async function demoCore(): Promise<TestCore> {
  const t = await createTestCore({ demo: true });
  open.push(t);
  return t;
}
afterEach(async () => {
  for (const t of open) await t.close();
  open = [];
});

/** Every position of the data dir, through the service's keyset pages. */
function allPositions(t: TestCore): DebtPosition[] {
  const out: DebtPosition[] = [];
  let cursor: string | null = null;
  do {
    const page = t.core.positions.positions.list({ sort: 'createdAt', limit: 100, cursor });
    out.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}

describe('seedPositions', () => {
  it('creates valid, payable positions that follow the domain rules', async () => {
    const t = await demoCore();
    const progress: number[] = [];
    const result = seedPositions(t.core, { count: 200, seed: 5, batchSize: 64, onProgress: (p) => progress.push(p.done) });
    expect(result).toMatchObject({ created: 200, firstId: 1, lastId: 200 });
    expect(progress).toEqual([0, 64, 128, 192, 200]);

    const positions = allPositions(t);
    expect(positions).toHaveLength(200);
    const ec = t.core.ecProfile.get()!;
    const ecIbans = new Set(t.core.services.iban.list().map((e) => e.iban));
    const kinds = new Set<string>();
    for (const p of positions) {
      expect(p.status).toBe('VALID');
      expect(p.publishedAt).not.toBeNull();
      expect(validateFiscalCode(p.debtor.fiscalCode).ok).toBe(true);
      expect(p.debtor.type === 'G').toBe(/^\d{11}$/.test(p.debtor.fiscalCode));
      expect(p.iupd).toBe(`${ec.fiscalCode}-${p.options.map((o) => o.iuv).sort()[0]}`);
      for (const o of p.options) {
        kinds.add(o.kind);
        const notice = parseNoticeNumber(o.noticeNumber);
        expect(notice.ok && notice.value.auxDigit === 3 && notice.value.segregationCode === ec.segregationCode && notice.value.checkDigitsValid).toBe(true);
        expect(o.iuv).toBe(iuvFromNoticeNumber(o.noticeNumber));
        expect(o.dueDate >= TODAY && o.dueDate <= IN_A_YEAR).toBe(true);
        expect(o.transfers.reduce((s, tr) => s + tr.amount, 0)).toBe(o.amount);
        for (const tr of o.transfers) {
          expect(ecIbans.has(tr.iban)).toBe(true);
          expect(tr.ecFiscalCode).toBe(ec.fiscalCode);
          expect(parseTransferCategory(tr.taxonomy).ok).toBe(true);
        }
      }
    }
    // single payments, instalment plans with rata unica, and the postal account both appear
    expect(kinds).toEqual(new Set(['single', 'instalment', 'rataUnica']));
    const ibansUsed = new Set(positions.flatMap((p) => p.options.flatMap((o) => o.transfers.map((tr) => tr.iban))));
    expect([...ibansUsed].some((iban) => validateIban(iban).ok && (validateIban(iban) as { value: { isPostal: boolean } }).value.isPostal)).toBe(true);
    // debtors come back: lookups by fiscal code find several positions for some
    const perDebtor = new Map<string, number>();
    for (const p of positions) perDebtor.set(p.debtor.fiscalCode, (perDebtor.get(p.debtor.fiscalCode) ?? 0) + 1);
    expect(Math.max(...perDebtor.values())).toBeGreaterThan(1);

    // the simulated services are in the catalogue, and each batch left one audit entry
    const codes = t.core.positions.catalogue.list().map((s) => s.code);
    for (const s of SIMULATED_SERVICES) expect(codes).toContain(s.code);
    const audit = t.core.services.audit.page({ limit: 100, action: 'position.seeded' });
    expect(audit.items).toHaveLength(4);
    expect(audit.items.map((e) => e.details)).toContainEqual(expect.objectContaining({ summary: 'seed: 8 posizioni', count: 8 }));
  });

  it('is deterministic from the seed', async () => {
    const a = await demoCore();
    const b = await demoCore();
    seedPositions(a.core, { count: 40, seed: 9 });
    seedPositions(b.core, { count: 40, seed: 9 });
    const shape = (t: TestCore) => allPositions(t).map((p) => [p.iupd, p.debtor, p.options.map((o) => [o.noticeNumber, o.amount, o.dueDate, o.description, o.transfers])]);
    expect(shape(a)).toEqual(shape(b));
    const c = await demoCore();
    seedPositions(c.core, { count: 40, seed: 10 });
    expect(shape(c)).not.toEqual(shape(a));
  });

  it('needs a configured EC with an active IBAN', async () => {
    const t = await createTestCore({ demo: false });
    open.push(t);
    expect(() => seedPositions(t.core, { count: 1 })).toThrow(expect.objectContaining({ code: 'SETUP_REQUIRED' }));
  });
});

describe('onboardForSimulation', () => {
  it('registers the EC, its IBANs and an active station, once', async () => {
    const t = await demoCore();
    const first = await onboardForSimulation(t.core);
    // the demo EC comes registered on the Nodo (onboarding step 1 done): the run keeps that registration
    expect(first).toMatchObject({ ecFiscalCode: '80012345676', brokerFiscalCode: '80012345676', registered: false, station: { code: '80012345676_01', state: 'Attiva', created: true } });
    expect(first.ibans.sort()).toEqual(t.core.services.iban.list().map((e) => e.iban).sort());
    const station = await t.core.nodo.getStation('80012345676_01');
    expect(station).toMatchObject({ primitiveVersion: 2, connection: { protocol: 'https', host: 'pagopa.comune-di-test.it', port: 443 } });

    const again = await onboardForSimulation(t.core);
    expect(again).toMatchObject({ registered: false, station: { code: '80012345676_01', state: 'Attiva', created: false } });
    expect(await t.core.nodo.listStations({ ecFiscalCode: '80012345676' })).toHaveLength(1);
  });
});

describe('simulatePayments', () => {
  it('pays through the mock Nodo, counts the faults and stays consistent', async () => {
    const t = await demoCore();
    await onboardForSimulation(t.core);
    seedPositions(t.core, { count: 200, seed: 3 });
    const scenarios = seedScenarioPositions(t.core, [
      { scenario: 'stationTimeout', times: 1 },
      { scenario: 'stationUnreachable', times: 1 },
      { scenario: 'pspRefuses', times: 1 },
      { scenario: 'tokenExpiry', times: 1 },
      { scenario: 'outcomeLost', times: 1 },
      { scenario: 'duplicateReceipt', times: 1 },
      { scenario: 'receiptUnreachable', times: 1 },
    ]);
    expect(scenarios).toHaveLength(7);

    const progress: number[] = [];
    const r = await simulatePayments(t.core, { count: 50, concurrency: 8, seed: 4, notices: scenarios, onProgress: (p) => progress.push(p.done) });
    expect(r.attempted).toBe(50);
    expect(progress.at(-1)).toBe(50);
    expect(r.faults).toEqual({
      PPT_STAZIONE_INT_PA_TIMEOUT: 1,
      PPT_STAZIONE_INT_PA_IRRAGGIUNGIBILE: 1,
      PSP_RIFIUTO: 1,
      PPT_TOKEN_SCADUTO: 1,
    });
    expect(r.failures.map((f) => f.noticeNumber).sort()).toEqual(scenarios.slice(0, 4).sort());
    expect(r.ok).toBe(46);
    expect(r.amount).toBeGreaterThan(0);
    // the receipt that could not reach the EC waits on the Nodo for its retry: not an inconsistency
    expect(r.consistency).toEqual({ ok: true, receiptsAtEc: 45, receiptsPending: 1, problems: [] });

    // the retries come due: the late receipt arrives and the notice is paid; the receipt whose first
    // delivery timed out after the EC had stored it goes again and changes nothing (PAA_RECEIPT_DUPLICATA)
    t.clock.advance(60_000);
    const report = await t.core.nodo.deliverPendingReceipts();
    expect(report).toMatchObject({ delivered: 2, pending: 0 });
    const lateNotice = scenarios[6]!;
    expect(t.core.positions.positions.findByNoticeNumber(lateNotice)!.status).toBe('PAID');

    // every OK payment left its position PAID or PARTIALLY_PAID, with exactly one receipt
    const status = await collectStatus(t.core);
    expect(status.receipts).toMatchObject({ total: 46, anomalies: 0 });
    expect(status.positions.byStatus.PAID + status.positions.byStatus.PARTIALLY_PAID).toBe(46);
    expect(status.positions.total).toBe(207);

    // the failed notices are still payable, and each fault fired only once
    const retry = await simulatePayments(t.core, { count: 4, seed: 5, notices: scenarios.slice(0, 4) });
    expect(retry).toMatchObject({ ok: 4, faults: {}, consistency: { ok: true, receiptsAtEc: 4 } });
    expect(t.core.positions.repositories.receipts.listAnomalies(10)).toEqual([]);
  });

  it('never picks a notice twice and says when there is nothing to pay', async () => {
    const t = await demoCore();
    await onboardForSimulation(t.core);
    seedPositions(t.core, { count: 30, seed: 8 });
    const r = await simulatePayments(t.core, { count: 100, concurrency: 10, seed: 1 });
    // one option per position and run: at most 30 payments, all OK, none paid twice
    expect(r.attempted).toBe(30);
    expect(r).toMatchObject({ ok: 30, faults: {}, consistency: { ok: true, receiptsAtEc: 30 } });
    // what is left: next instalments of plans paid in part
    const left = await simulatePayments(t.core, { count: 100, concurrency: 10, seed: 2 });
    expect(left.consistency.ok).toBe(true);
    expect(left.faults).toEqual({});
    // bounded: a run that pays nothing must fail the test, not spin forever
    for (let round = 0; ; round++) {
      expect(round, 'the remaining instalments are paid within a few runs').toBeLessThan(20);
      const status = await collectStatus(t.core);
      if (status.positions.byStatus.VALID + status.positions.byStatus.PARTIALLY_PAID === 0) break;
      await simulatePayments(t.core, { count: 100, seed: 3 });
    }
    await expect(simulatePayments(t.core, { count: 5 })).rejects.toMatchObject({ code: 'SIMULATION_NOTHING_TO_PAY' });
  });
});
