import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DebtPosition } from '../../../src-main/positions/types';
import { toSanpTransfer } from '../../../src-main/positions/ecStation';
import type { z } from 'zod';
import type { settlementFlow } from '../../../src-main/reconciliation/flowSchema';
import {
  EC,
  EC_IBAN,
  EC_POSTAL_IBAN,
  address,
  createPositionsTest,
  instalment,
  operator,
  positionInput,
  receiptFor,
  single,
  transfer,
  type PositionsTest,
} from '../../support/positionsFixture';
import { dumpDatabase } from '../../support/testCore';

let p: PositionsTest;
beforeEach(async () => {
  p = await createPositionsTest();
});
afterEach(async () => {
  await p.t.close();
});

type FlowInput = z.input<typeof settlementFlow>;
type Line = FlowInput['lines'][number];

async function publishedPosition(input = positionInput()): Promise<DebtPosition> {
  const created = p.positions.create(operator, input);
  return p.positions.publish(operator, created.id, created.version);
}

/** Pays an option through the EC station, as the Nodo would; returns the receipt id (IUR). */
async function pay(position: DebtPosition, optionIndex = 0): Promise<string> {
  const option = position.options[optionIndex]!;
  const receipt = receiptFor(option, { transferList: option.transfers.map(toSanpTransfer) });
  const answer = await p.station.paSendRTV2({ ...address, receipt });
  expect(answer).toEqual({ outcome: 'OK' });
  return receipt.receiptId;
}

function line(position: DebtPosition, iur: string, over: Partial<Line> = {}, optionIndex = 0): Line {
  const option = position.options[optionIndex]!;
  return { iuv: option.iuv, iur, transferIndex: 1, amount: option.transfers[0]!.amount, outcomeCode: 0, outcomeDate: '2026-11-23', ...over };
}

let flowSerial = 0;
function flow(lines: Line[], over: Partial<FlowInput> = {}): FlowInput {
  const id = over.identificativoFlusso ?? `2026-11-24BCITITMM-${String(++flowSerial).padStart(4, '0')}`;
  const total = lines.reduce((s, l) => s + l.amount, 0);
  return {
    identificativoFlusso: id,
    revision: 1,
    dataOraFlusso: '2026-11-24T08:00:00.000Z',
    dataRegolamento: '2026-11-24',
    identificativoUnivocoRegolamento: `BONIFICO-${id}`,
    idPSP: 'BCITITMM',
    pspName: 'Banca di Prova',
    receiverFiscalCode: EC.fiscalCode,
    iban: EC_IBAN,
    totalPayments: lines.length,
    totalAmount: total,
    bankTransfer: { iban: EC_IBAN, amount: total, date: '2026-11-24', remittanceInformation: `/PUR/LGPE-RIVERSAMENTO/URI/${id}` },
    lines,
    ...over,
  };
}

const rec = () => p.t.core.reconciliation;

describe('reconciliation of a settlement flow', () => {
  it('matches every line, marks options and positions REPORTED, and records one audit entry', async () => {
    const a = await publishedPosition();
    const plan = await publishedPosition(positionInput({ options: [instalment(1, '2026-12-31'), instalment(2, '2027-01-31')] }));
    const lines = [line(a, await pay(a)), line(plan, await pay(plan, 0), {}, 0), line(plan, await pay(plan, 1), {}, 1)];

    const report = rec().importFlow(operator, flow(lines));
    expect(report).toMatchObject({
      alreadyImported: false,
      lineIssues: [],
      issueCounts: {},
      flow: { status: 'reconciled', lineCount: 3, matchedLines: 3, matchedAmount: 20_000, positionsReported: 2, headerIssues: [] },
    });
    expect(p.positions.get(a.id).status).toBe('REPORTED');
    expect(p.positions.get(plan.id).options.map((o) => o.status)).toEqual(['reported', 'reported']);
    expect(p.positions.get(plan.id).status).toBe('REPORTED');
    const audit = p.t.core.services.audit.page({ limit: 5, action: 'reconciliation.flowImported' }).items;
    expect(audit).toHaveLength(1);
    expect(audit[0]!.details).toMatchObject({ matchedLines: 3, positionsReported: 2 });
  });

  it('reports a plan whose instalments are settled in different batches of the same flow, once', async () => {
    const plan = await publishedPosition(positionInput({ options: [instalment(1, '2026-12-31'), instalment(2, '2027-01-31')] }));
    const first = line(plan, await pay(plan, 0), {}, 0);
    const second = line(plan, await pay(plan, 1), {}, 1);
    // the first batch settles half the plan: the position is decided again when the second half comes
    const filler = Array.from({ length: 2_500 }, (_, i) => ({ ...first, iur: `IUR-IGNOTO-${i}`, iuv: `99${String(i).padStart(15, '0')}` }));
    const report = rec().importFlow(operator, flow([first, ...filler, second]));
    expect(report.flow).toMatchObject({ matchedLines: 2, positionsReported: 1 });
    expect(p.positions.get(plan.id).status).toBe('REPORTED');
  });

  it('keeps line numbers, duplicates and matches right in a flow longer than one lookup batch', async () => {
    const a = await publishedPosition();
    const b = await publishedPosition();
    const iurA = await pay(a);
    const iurB = await pay(b);
    // thousands of lines of unknown IUVs push the second real line and the duplicate into later batches
    const filler = Array.from({ length: 4_500 }, (_, i) => ({ ...line(a, `IUR-IGNOTO-${i}`), iuv: `99${String(i).padStart(15, '0')}` }));
    const lines = [line(a, iurA), ...filler.slice(0, 2_500), line(b, iurB), ...filler.slice(2_500), line(a, iurA)];
    const report = rec().importFlow(operator, flow(lines));
    expect(report.flow).toMatchObject({ lineCount: 4_503, matchedLines: 2, positionsReported: 2, status: 'withIssues' });
    expect(report.issueCounts).toEqual({ UNKNOWN_IUV: 4_500, DUPLICATE_LINE: 1 });
    expect(report.lineIssues[0]).toMatchObject({ lineNo: 2, result: 'UNKNOWN_IUV' });
    // every line is kept as received, in flow order, each with its result
    const stored = rec().flowLines(report.flow.id, { offset: 0, limit: 5_000 });
    expect(stored).toHaveLength(4_503);
    expect(stored.filter((l) => l.result !== 'UNKNOWN_IUV').map((l) => [l.lineNo, l.iur, l.result])).toEqual([
      [1, iurA, 'MATCHED'],
      [2_502, iurB, 'MATCHED'],
      [4_503, iurA, 'DUPLICATE_LINE'],
    ]);
    expect(stored[1]).toEqual({ ...filler[0], lineNo: 2, result: 'UNKNOWN_IUV', expectedAmount: null });
    expect(stored[0]).toEqual({ ...lines[0], lineNo: 1, result: 'MATCHED', expectedAmount: lines[0]!.amount });
    expect(rec().flowLines(report.flow.id, { offset: 2_501, limit: 2 }).map((l) => l.lineNo)).toEqual([2_502, 2_503]);
    expect(p.positions.get(a.id).status).toBe('REPORTED');
    expect(p.positions.get(b.id).status).toBe('REPORTED');
  });

  it('reports an option only when all its EC transfers are reported, across flows per IBAN', async () => {
    const split = await publishedPosition(
      positionInput({
        options: [
          single({
            amount: 10_000,
            transfers: [transfer({ id: 1, amount: 6_000 }), transfer({ id: 2, amount: 4_000, iban: EC_POSTAL_IBAN })],
          }),
        ],
      }),
    );
    const iur = await pay(split);
    const first = rec().importFlow(operator, flow([line(split, iur, { transferIndex: 1, amount: 6_000 })]));
    expect(first.flow.status).toBe('reconciled');
    expect(p.positions.get(split.id).status).toBe('PAID');

    const second = rec().importFlow(operator, flow([line(split, iur, { transferIndex: 2, amount: 4_000 })], { iban: EC_POSTAL_IBAN, bankTransfer: undefined }));
    expect(second.flow).toMatchObject({ status: 'reconciled', positionsReported: 1 });
    expect(p.positions.get(split.id).status).toBe('REPORTED');
  });

  it('reports an option with two transfers to one IBAN only when the flow names both, and leaves a part-paid plan part-paid', async () => {
    const twoTransfers = () =>
      publishedPosition(
        positionInput({
          options: [single({ amount: 10_000, transfers: [transfer({ id: 1, amount: 7_000 }), transfer({ id: 2, amount: 3_000 })] })],
        }),
      );
    const both = await twoTransfers();
    const half = await twoTransfers();
    const plan = await publishedPosition(positionInput({ options: [instalment(1, '2026-12-31'), instalment(2, '2027-01-31')] }));
    const iurBoth = await pay(both);
    const iurHalf = await pay(half);
    const iurPlan = await pay(plan, 0);

    const report = rec().importFlow(
      operator,
      flow([
        line(both, iurBoth, { transferIndex: 1, amount: 7_000 }),
        line(both, iurBoth, { transferIndex: 2, amount: 3_000 }),
        line(half, iurHalf, { transferIndex: 1, amount: 7_000 }),
        line(plan, iurPlan, {}, 0),
      ]),
    );
    expect(report.flow).toMatchObject({ matchedLines: 4, positionsReported: 1 });
    expect(p.positions.get(both.id)).toMatchObject({ status: 'REPORTED', options: [{ status: 'reported' }] });
    expect(p.positions.get(half.id)).toMatchObject({ status: 'PAID', options: [{ status: 'paid' }] });
    const planAfter = p.positions.get(plan.id);
    expect(planAfter.status).toBe('PARTIALLY_PAID');
    expect(planAfter.options.map((o) => o.status)).toEqual(['reported', 'unpaid']);
  });

  it('does not report an option through the receipt of a second, double payment', async () => {
    const a = await publishedPosition();
    const first = await pay(a);
    const second = await pay(a);
    const report = rec().importFlow(operator, flow([line(a, second)]));
    // the line is money the PSP settled: it matches its receipt, but that receipt did not pay the debt
    expect(report.flow).toMatchObject({ matchedLines: 1, positionsReported: 0 });
    expect(p.positions.get(a.id)).toMatchObject({ status: 'PAID', options: [{ status: 'paid' }] });

    const next = rec().importFlow(operator, flow([line(a, first)]));
    expect(next.flow.positionsReported).toBe(1);
    expect(p.positions.get(a.id).status).toBe('REPORTED');
  });

  it('lists every kind of mismatch with an Italian message and reports nothing for them', async () => {
    const mismatched = await publishedPosition();
    const mismatchedIur = await pay(mismatched);
    const revoked = await publishedPosition();
    const revokedIur = await pay(revoked);
    const paid = await publishedPosition();
    const iur = await pay(paid);
    const unpaid = await publishedPosition();
    const other = await publishedPosition();
    const otherIur = await pay(other);
    rec().importFlow(operator, flow([line(other, otherIur)]));

    const lines: Line[] = [
      line(mismatched, mismatchedIur, { amount: 9_999 }), // AMOUNT_MISMATCH
      line(mismatched, mismatchedIur, { transferIndex: 2 }), // UNKNOWN_TRANSFER
      line(unpaid, 'tok-never-paid'), // MISSING_RECEIPT
      { ...line(unpaid, 'tok-x'), iuv: '01999999999999999' }, // UNKNOWN_IUV
      line(other, otherIur), // ALREADY_REPORTED by the first flow
      line(revoked, revokedIur, { outcomeCode: 3 }), // REVOKED
      line(paid, iur), // MATCHED
      line(paid, iur), // DUPLICATE_LINE: same IUV, IUR and transfer index as the line before
    ];
    const report = rec().importFlow(operator, flow(lines));
    expect(report.lineIssues.map((i) => [i.lineNo, i.result])).toEqual([
      [1, 'AMOUNT_MISMATCH'],
      [2, 'UNKNOWN_TRANSFER'],
      [3, 'MISSING_RECEIPT'],
      [4, 'UNKNOWN_IUV'],
      [5, 'ALREADY_REPORTED'],
      [6, 'REVOKED'],
      [8, 'DUPLICATE_LINE'],
    ]);
    expect(report.lineIssues[0]).toMatchObject({ amount: 9_999, expectedAmount: 10_000, message: expect.stringMatching(/Importo diverso/) });
    expect(report.flow).toMatchObject({ status: 'withIssues', matchedLines: 1, lineCount: 8 });
    expect(report.issueCounts).toEqual({
      AMOUNT_MISMATCH: 1,
      UNKNOWN_TRANSFER: 1,
      MISSING_RECEIPT: 1,
      UNKNOWN_IUV: 1,
      ALREADY_REPORTED: 1,
      REVOKED: 1,
      DUPLICATE_LINE: 1,
    });
    expect(p.positions.get(paid.id).status).toBe('REPORTED');
    for (const position of [mismatched, revoked]) expect(p.positions.get(position.id).status).toBe('PAID');
    expect(p.positions.get(unpaid.id).status).toBe('VALID');
  });

  it('flags a transfer credited to another IBAN than the flow’s', async () => {
    const a = await publishedPosition();
    const report = rec().importFlow(operator, flow([line(a, await pay(a))], { iban: EC_POSTAL_IBAN, bankTransfer: undefined }));
    expect(report.lineIssues.map((i) => i.result)).toEqual(['IBAN_MISMATCH']);
    expect(p.positions.get(a.id).status).toBe('PAID');
  });

  it('checks the header against its lines and its bank transfer', async () => {
    const a = await publishedPosition();
    const l = line(a, await pay(a));
    const report = rec().importFlow(
      operator,
      flow([l], {
        totalPayments: 2,
        totalAmount: 20_000,
        iban: 'IT17L0200801600000012345678',
        bankTransfer: { iban: EC_IBAN, amount: 15_000, date: '2026-11-24', remittanceInformation: 'BONIFICO GENERICO' },
      }),
    );
    expect(report.flow.headerIssues.map((h) => h.code)).toEqual([
      'COUNT_MISMATCH',
      'TOTAL_MISMATCH',
      'BANK_TRANSFER_REFERENCE',
      'BANK_TRANSFER_AMOUNT',
      'BANK_TRANSFER_IBAN',
      'IBAN_NOT_REGISTERED',
    ]);
    expect(report.flow.headerIssues[1]!.message).toBe('Il flusso dichiara un totale di 200,00 € ma le sue righe sommano 100,00 €.');
    expect(report.flow.status).toBe('withIssues');
  });

  it('imports a flow revision once: a repeat changes nothing, a newer revision re-matches the same transfers', async () => {
    const a = await publishedPosition();
    const f = flow([line(a, await pay(a))]);
    rec().importFlow(operator, f);
    const before = dumpDatabase(p.t.core.db);
    const again = rec().importFlow(operator, f);
    expect(again.alreadyImported).toBe(true);
    expect(dumpDatabase(p.t.core.db)).toBe(before);

    const revised = rec().importFlow(operator, { ...f, revision: 2 });
    expect(revised.flow).toMatchObject({ revision: 2, status: 'reconciled', matchedLines: 1 });
    expect(revised.lineIssues).toEqual([]);
  });

  it('refuses an older revision than the latest imported', async () => {
    const a = await publishedPosition();
    const f = flow([line(a, await pay(a))], { revision: 3 });
    rec().importFlow(operator, f);
    expect(() => rec().importFlow(operator, { ...f, revision: 2 })).toThrow(expect.objectContaining({ code: 'RECON_STALE_REVISION' }));
  });

  it('refuses a flow addressed to another EC, or malformed, and writes nothing', async () => {
    const a = await publishedPosition();
    const iur = await pay(a);
    const before = dumpDatabase(p.t.core.db);
    expect(() => rec().importFlow(operator, flow([line(a, iur)], { receiverFiscalCode: '80215430580' }))).toThrow(
      expect.objectContaining({ code: 'RECON_WRONG_RECEIVER' }),
    );
    let caught: unknown;
    try {
      rec().importFlow(operator, { ...flow([line(a, iur)]), lines: [{ iuv: 'x', iur, transferIndex: 9, amount: 1, outcomeCode: 5, outcomeDate: 'ieri' }] });
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({ code: 'IPC_INVALID_INPUT' });
    const fields = Object.keys((caught as { fieldErrors: Record<string, string[]> }).fieldErrors);
    expect(fields).toEqual(expect.arrayContaining(['lines.0.transferIndex', 'lines.0.outcomeCode', 'lines.0.outcomeDate']));
    expect(dumpDatabase(p.t.core.db)).toBe(before);
  });

  it('leaves nothing half-done when a write fails midway', async () => {
    const a = await publishedPosition();
    const b = await publishedPosition();
    const lines = [line(a, await pay(a)), line(b, await pay(b))];
    const before = dumpDatabase(p.t.core.db);
    // the last write of an import: the second position marked REPORTED, after everything else
    p.t.core.db.exec(`CREATE TEMP TRIGGER fail_second AFTER UPDATE OF status ON debt_position WHEN NEW.id = ${b.id}
      BEGIN SELECT RAISE(ABORT, 'disco pieno'); END`);
    expect(() => rec().importFlow(operator, flow(lines))).toThrow(/disco pieno/);
    p.t.core.db.exec('DROP TRIGGER fail_second');
    expect(dumpDatabase(p.t.core.db)).toBe(before);
    expect(rec().importFlow(operator, flow(lines)).flow.status).toBe('reconciled');
  });
});
