import { afterEach, describe, expect, it } from 'vitest';
import { flowIdFromRemittance, parseFlowIdentifier } from '../../../src-main/nodo/settlement';
import { drainAndCheck } from './support/consistency';
import { createHarness, EC, notice, payNotice, SECONDARY_EC, SECONDARY_IBAN, type Harness } from './support/harness';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function open(): Promise<Harness> {
  h = await createHarness();
  return h;
}

/** A fixed day of business: payments by two PSP methods, one with a second EC's transfer. */
async function businessDay(harness: Harness): Promise<string[]> {
  const tokens: string[] = [];
  for (let i = 1; i <= 6; i++) {
    const n = notice(i);
    harness.ec.addPosition(n, 1_000 * i, i === 3 ? { secondary: { fiscalCode: SECONDARY_EC, iban: SECONDARY_IBAN, amount: 500 } } : {});
    const r = await payNotice(harness, n, 1_000 * i, i % 2 === 0 ? 'conto' : 'carta');
    if (r.step !== 'pay' || r.payment.outcome !== 'OK') throw new Error(`payment ${i}`);
    tokens.push(r.payment.receiptId);
    harness.clock.advance(60_000);
  }
  return tokens;
}

describe('settlement flows (FdR)', () => {
  it('builds one flow per PSP, receiving EC and IBAN with lines for every transfer', async () => {
    const h = await open();
    const tokens = await businessDay(h);
    const flows = await h.nodo.settle('2026-11-22');
    expect(flows.map((f) => [f.receiverFiscalCode, f.iban, f.totalPayments, f.totalAmount])).toEqual([
      // Banca Esempio's flow for the secondary EC first (sorted by PSP, receiver, IBAN)
      [SECONDARY_EC, SECONDARY_IBAN, 1, 500],
      [EC, 'IT60X0542811101000000123456', 6, 21_000 - 500],
    ]);
    const flow = await h.nodo.getFlow(flows[1]!.identificativoFlusso);
    expect(parseFlowIdentifier(flow.identificativoFlusso)).toMatchObject({ settlementDate: '2026-11-22', idPSP: 'BESMIT01' });
    expect(flow).toMatchObject({
      dataRegolamento: '2026-11-22',
      dataOraFlusso: '2026-11-22T09:06:00.000Z',
      identificativoUnivocoRegolamento: expect.stringMatching(/^RIV20261122\d{12}$/),
      sender: { idPSP: 'BESMIT01', name: 'Banca Esempio S.p.A.' },
      receiver: { fiscalCode: EC, name: 'Comune di Prova' },
      bankTransfer: { iban: 'IT60X0542811101000000123456', amount: 20_500, date: '2026-11-22' },
    });
    expect(flowIdFromRemittance(flow.bankTransfer.remittanceInformation)).toBe(flow.identificativoFlusso);
    expect(flow.lines.map((l) => [l.iur, l.transferIndex, l.amount, l.outcomeCode])).toEqual(tokens.map((t, i) => [t, 1, 1_000 * (i + 1) - (i === 2 ? 500 : 0), 0]));
    expect(flow.lines[0]).toMatchObject({ iuv: notice(1).slice(1), outcomeDate: '2026-11-22' });
    expect(flow.lines.reduce((s, l) => s + l.amount, 0)).toBe(flow.totalAmount);
    await drainAndCheck(h);
  });

  it('settles each transfer once: a second run adds only new payments', async () => {
    const h = await open();
    await businessDay(h);
    expect(await h.nodo.settle('2026-11-22')).toHaveLength(2);
    expect(await h.nodo.settle('2026-11-22')).toEqual([]);
    h.clock.set('2026-11-23T10:00:00.000Z');
    h.ec.addPosition(notice(50), 999);
    await payNotice(h, notice(50), 999);
    // a payment of the 23rd is not part of the 22nd
    expect(await h.nodo.settle('2026-11-22')).toEqual([]);
    const next = await h.nodo.settle('2026-11-23');
    expect(next).toMatchObject([{ totalPayments: 1, totalAmount: 999, dataRegolamento: '2026-11-23' }]);
  });

  it('lists flows like the FdR API, by receiver and date range', async () => {
    const h = await open();
    await businessDay(h);
    await h.nodo.settle('2026-11-22');
    expect(await h.nodo.listFlows({ ecFiscalCode: EC })).toHaveLength(1);
    expect(await h.nodo.listFlows({ ecFiscalCode: SECONDARY_EC, from: '2026-11-22', to: '2026-11-22' })).toHaveLength(1);
    expect(await h.nodo.listFlows({ ecFiscalCode: EC, from: '2026-11-23' })).toEqual([]);
    await expect(h.nodo.getFlow('2026-11-22BESMIT01-S000')).rejects.toMatchObject({ code: 'NODO_FLOW_NOT_FOUND' });
    await expect(h.nodo.settle('22/11/2026')).rejects.toMatchObject({ code: 'IPC_INVALID_INPUT' });
  });
});

describe('reproducibility', () => {
  async function run(seed: number) {
    const harness = await createHarness({ seed });
    try {
      const tokens = await businessDay(harness);
      const summaries = await harness.nodo.settle('2026-11-22');
      const flows = await Promise.all(summaries.map((s) => harness.nodo.getFlow(s.identificativoFlusso)));
      return { tokens, flows, receipts: [...harness.ec.receipts.values()] };
    } finally {
      await harness.close();
    }
  }

  it('two runs with the same seed produce identical tokens, receipts and flows', async () => {
    const a = await run(2026);
    const b = await run(2026);
    expect(b).toEqual(a);
    const c = await run(2027);
    expect(c.tokens).not.toEqual(a.tokens);
    expect(c.flows.map((f) => f.identificativoFlusso)).not.toEqual(a.flows.map((f) => f.identificativoFlusso));
  });
});
