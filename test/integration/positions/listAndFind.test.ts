import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DebtPosition, PositionListInput } from '../../../src-main/positions/types';
import { createPositionsTest, instalment, operator, positionInput, single, type PositionsTest } from '../../support/positionsFixture';

let p: PositionsTest;
beforeEach(async () => {
  p = await createPositionsTest();
});
afterEach(() => p.close());

const DEBTORS = ['RCCMNL83S18D969H', 'JHNDOE00A01F205N', '01234567897'];

/** 40 positions with few distinct due dates and amounts, so sorting meets many ties. */
function seed(): DebtPosition[] {
  const service = p.catalogue.create(operator, {
    code: '08',
    name: 'MENSA SCOLASTICA',
    taxonomy: '9/0101108TS/',
    iban: 'IT60X0542811101000000123456',
    spontaneous: false,
  });
  const created: DebtPosition[] = [];
  for (let i = 0; i < 40; i++) {
    const dueDate = `2026-12-${String(10 + (i % 4)).padStart(2, '0')}`;
    const amount = 1_000 * (1 + (i % 3));
    const position = p.positions.create(
      operator,
      positionInput({
        debtor: { type: 'F', fiscalCode: DEBTORS[i % 3]!, fullName: `Debitore ${i}` },
        catalogueServiceId: i % 5 === 0 ? service.id : null,
        options: [single({ dueDate, amount })],
      }),
    );
    created.push(i % 2 === 0 ? p.positions.publish(operator, position.id) : position);
  }
  return created;
}

/** Every page of a listing, following the cursors. */
function walk(input: PositionListInput): DebtPosition[][] {
  const pages: DebtPosition[][] = [];
  let cursor: string | null = null;
  do {
    const page = p.positions.list({ ...input, cursor });
    pages.push(page.items);
    cursor = page.nextCursor;
  } while (cursor !== null && pages.length < 100);
  return pages;
}

function key(x: DebtPosition, sort: PositionListInput['sort']): [string | number, number] {
  return [sort === 'amount' ? x.totalAmount : sort === 'createdAt' ? x.id : x.minDueDate, x.id];
}

describe('keyset pagination', () => {
  it('visits every matching position exactly once, in order, for each sort and direction', () => {
    const all = seed();
    for (const sort of ['dueDate', 'amount', 'createdAt'] as const) {
      for (const direction of ['asc', 'desc'] as const) {
        for (const filter of [{}, { status: 'VALID' as const }, { debtorFiscalCode: DEBTORS[1] }]) {
          const pages = walk({ ...filter, sort, direction, limit: 7 });
          const flat = pages.flat();
          const expected = all
            .filter((x) => !('status' in filter) || x.status === filter.status)
            .filter((x) => !('debtorFiscalCode' in filter) || x.debtor.fiscalCode === filter.debtorFiscalCode)
            .sort((a, b) => {
              const [ka, ia] = key(a, sort);
              const [kb, ib] = key(b, sort);
              const c = ka < kb ? -1 : ka > kb ? 1 : ia - ib;
              return direction === 'asc' ? c : -c;
            })
            .map((x) => x.id);
          expect(flat.map((x) => x.id), `${sort} ${direction} ${JSON.stringify(filter)}`).toEqual(expected);
          expect(pages.slice(0, -1).every((page) => page.length === 7)).toBe(true);
        }
      }
    }
  });

  it('is not thrown off by positions created while paging', () => {
    seed();
    const first = p.positions.list({ sort: 'dueDate', limit: 10 });
    // a new position due before everything seen so far does not shift the next page
    p.positions.create(operator, positionInput({ options: [single({ dueDate: '2026-11-30' })] }));
    const second = p.positions.list({ sort: 'dueDate', limit: 10, cursor: first.nextCursor });
    const ids = [...first.items, ...second.items].map((x) => x.id);
    expect(new Set(ids).size).toBe(20);
    expect(second.items[0]!.minDueDate >= first.items[9]!.minDueDate).toBe(true);
  });

  it('filters by status, service, due date range and debtor, and returns options with transfers', () => {
    const all = seed();
    const service = p.catalogue.list()[0]!;
    const byService = walk({ catalogueServiceId: service.id, limit: 100 }).flat();
    expect(byService.map((x) => x.id).sort((a, b) => a - b)).toEqual(all.filter((x) => x.catalogueServiceId === service.id).map((x) => x.id));
    const range = p.positions.list({ dueDateFrom: '2026-12-11', dueDateTo: '2026-12-12', limit: 100 }).items;
    expect(range.length).toBe(20);
    expect(range.every((x) => x.minDueDate >= '2026-12-11' && x.minDueDate <= '2026-12-12')).toBe(true);
    const drafts = p.positions.list({ status: 'DRAFT', limit: 100 }).items;
    expect(drafts).toHaveLength(20);
    expect(drafts[0]!.options[0]!.transfers).toHaveLength(1);
    // the debtor filter accepts the code as typed
    expect(p.positions.list({ debtorFiscalCode: ' rccmnl83s18d969h ', limit: 100 }).items).toHaveLength(14);
  });

  it('refuses page sizes over 100, bad filters and foreign cursors, in Italian', () => {
    seed();
    expect(() => p.positions.list({ limit: 101 })).toThrow(
      expect.objectContaining({ code: 'IPC_INVALID_INPUT', fieldErrors: { limit: ['Si possono chiedere da 1 a 100 posizioni per pagina.'] } }),
    );
    expect(() => p.positions.list({ dueDateFrom: '2026-12-31', dueDateTo: '2026-12-01', status: 'PAGATA' as 'PAID' })).toThrow(
      expect.objectContaining({ fieldErrors: { status: [expect.any(String)], dueDateTo: ['La data finale non può precedere quella iniziale.'] } }),
    );
    const byAmount = p.positions.list({ sort: 'amount', limit: 5 }).nextCursor!;
    for (const cursor of [byAmount, 'non-un-cursore', Buffer.from('[1,2]').toString('base64url')]) {
      expect(() => p.positions.list({ sort: 'dueDate', limit: 5, cursor })).toThrow(expect.objectContaining({ fieldErrors: { cursor: [expect.stringMatching(/prima pagina/)] } }));
    }
    expect(() => p.positions.list({ sort: 'amount', direction: 'desc', cursor: byAmount })).toThrow(expect.objectContaining({ code: 'IPC_INVALID_INPUT' }));
  });

  it('returns an empty last page without a cursor', () => {
    expect(p.positions.list()).toEqual({ items: [], nextCursor: null });
  });
});

describe('lookups', () => {
  it('finds a position by notice number (printed form too), IUV, IUPD and debtor fiscal code', () => {
    const created = p.positions.create(
      operator,
      positionInput({ iupd: 'TARI-2026-42', options: [instalment(1, '2026-12-31'), instalment(2, '2027-01-31')] }),
    );
    p.positions.create(operator, positionInput({ debtor: { type: 'G', fiscalCode: '00743110157', fullName: 'ACME S.p.A.' } }));
    const second = created.options[1]!;
    expect(p.positions.findByNoticeNumber(second.noticeNumber)?.id).toBe(created.id);
    expect(p.positions.findByNoticeNumber(second.noticeNumber.replace(/(.{4})(?=.)/g, '$1 '))?.id).toBe(created.id);
    expect(p.positions.findByIuv(second.iuv)?.id).toBe(created.id);
    expect(p.positions.findByIupd('TARI-2026-42')?.id).toBe(created.id);
    expect(p.positions.findByDebtorFiscalCode('RCCMNL83S18D969H').map((x) => x.id)).toEqual([created.id]);
    expect(p.positions.findByNoticeNumber('301000000000099999')).toBeNull();
    expect(p.positions.findByIuv('nope')).toBeNull();
    expect(p.positions.findByIupd('nope')).toBeNull();
    expect(() => p.positions.get(9999)).toThrow(expect.objectContaining({ code: 'POSITION_NOT_FOUND' }));
  });
});
