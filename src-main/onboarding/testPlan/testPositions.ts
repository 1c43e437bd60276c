import { addDaysIso } from '../../../src-shared/domain/date';
import { generateNoticeNumber, iuvFromNoticeNumber } from '../../../src-shared/domain/noticeNumber';
import { statusOnPublish } from '../../../src-shared/domain/positionStatus';
import { AppError } from '../../../src-shared/errors';
import type { Db } from '../../db/openDatabase';
import { scenarioNotice } from '../../nodo/scenarios';
import { nowIso, today, type Clock } from '../../platform/clock';
import type { PositionRepository } from '../../positions/positionRepository';
import type { PositionService } from '../../positions/positionService';
import { validatePosition } from '../../positions/positionValidation';
import type { PositionInput } from '../../positions/types';
import type { IbanRepository } from '../../repositories/ibanRepository';
import type { IbanService } from '../../services/ibanService';
import type { Actor } from '../../services/actor';
import type { AuditService } from '../../services/auditService';

/** Prefix of every test position's IUPD: staff, exports and filters can tell them from real debts. */
export const TEST_IUPD_PREFIX = 'COLLAUDO-';
/** Office name printed on test notices. */
export const TEST_OFFICE_NAME = 'Attività di collaudo pagoPA';
export const TEST_AMOUNT_CENTS = 1_000;
const TAXONOMY = '9/0101108TS/';

export interface TestPositionsDeps {
  db: Db;
  clock: Clock;
  audit: AuditService;
  positions: PositionRepository;
  positionService: PositionService;
  ibanRepository: IbanRepository;
  ibanService: IbanService;
}

export interface EcForTest {
  fiscalCode: string;
  name: string;
  segregationCode: string;
}

/** The notices one run works on, with the position each belongs to (null: no position on purpose). */
export interface TestNotices {
  payable: { noticeNumber: string; positionId: number };
  expired: { noticeNumber: string; positionId: number };
  cancelled: { noticeNumber: string; positionId: number };
  timeout: { noticeNumber: string; positionId: number };
  unknown: { noticeNumber: string };
}

type Kind = 'payable' | 'expired' | 'cancelled' | 'timeout';
const kindLabels: Record<Kind, string> = { payable: 'da pagare', expired: 'scaduto', cancelled: 'annullato', timeout: 'timeout della stazione' };

/**
 * Creates the run's own debt positions. They are real positions (the EC station must find them the
 * way it finds any other), marked as tests three ways: IUPD `COLLAUDO-…`, office name "Attività di
 * collaudo pagoPA", and the EC itself as debtor; the run also records their ids (test_run_position).
 * They are kept rather than deleted: a paid one has a receipt, and receipts are never removed.
 */
export class TestPositionFactory {
  constructor(private readonly deps: TestPositionsDeps) {}

  create(actor: Actor, ec: EcForTest, runTag: string): TestNotices {
    const iban = this.treasuryIban();
    const day = today(this.deps.clock);
    const payable = this.insert(actor, ec, iban, runTag, 'payable', day);
    const expired = this.insert(actor, ec, iban, runTag, 'expired', day);
    const cancelledPosition = this.insert(actor, ec, iban, runTag, 'cancelled', day);
    this.deps.positionService.invalidate(actor, cancelledPosition.positionId);
    const timeout = this.insert(actor, ec, iban, runTag, 'timeout', day);
    return { payable, expired, cancelled: cancelledPosition, timeout, unknown: { noticeNumber: this.unknownNotice(ec.segregationCode) } };
  }

  private treasuryIban(): string {
    const active = this.deps.ibanService.list().filter((e) => e.status === 'active');
    const chosen = active.find((e) => !e.isPostal) ?? active[0];
    if (!chosen) throw new AppError('TEST_PLAN_NO_IBAN');
    return chosen.iban;
  }

  private insert(actor: Actor, ec: EcForTest, iban: string, runTag: string, kind: Kind, day: string): { noticeNumber: string; positionId: number } {
    // an expired notice is one issued weeks ago and due ten days ago: validated as of its issue date
    const issuedOn = kind === 'expired' ? addDaysIso(day, -40) : day;
    const dueDate = kind === 'expired' ? addDaysIso(day, -10) : addDaysIso(day, 30);
    const input: PositionInput = {
      iupd: `${TEST_IUPD_PREFIX}${runTag}-${kind}`,
      debtor: { type: 'G', fiscalCode: ec.fiscalCode, fullName: `${ec.name} (collaudo)`.slice(0, 70) },
      officeName: TEST_OFFICE_NAME,
      switchToExpired: kind === 'expired',
      options: [
        {
          kind: 'single',
          amount: TEST_AMOUNT_CENTS,
          dueDate,
          description: `Collaudo pagoPA: avviso di prova (${kindLabels[kind]})`,
          transfers: [{ id: 1, amount: TEST_AMOUNT_CENTS, iban, remittance: 'Collaudo pagoPA', taxonomy: TAXONOMY }],
        },
      ],
    };
    const result = validatePosition(
      input,
      { ecFiscalCode: ec.fiscalCode, ecName: ec.name, today: issuedOn, ibans: this.deps.ibanRepository, catalogueServiceExists: () => false },
      null,
    );
    if (!result.ok) throw new AppError('IPC_INVALID_INPUT', { fieldErrors: result.fieldErrors });
    const valid = result.value;
    const { positions, db, audit } = this.deps;
    const at = nowIso(this.deps.clock);
    return db.transaction(() => {
      const noticeNumber = kind === 'timeout' ? this.timeoutNotice(ec.segregationCode) : this.nextNotice(ec.segregationCode);
      const id = positions.insertWithOptions(
        { ...valid, iupd: valid.iupd ?? input.iupd!, status: statusOnPublish(valid.validityDate, day), origin: 'ec', publishedAt: at },
        [{ ...valid.options[0]!, noticeNumber, iuv: iuvFromNoticeNumber(noticeNumber)! }],
        at,
      );
      audit.record(actor, 'position.testCreated', 'debtPosition', id, { iupd: input.iupd, noticeNumber, testCase: kind });
      return { noticeNumber, positionId: id };
    })();
  }

  private nextNotice(segregationCode: string): string {
    return generateNoticeNumber(segregationCode, String(this.deps.positions.nextNoticeBase(segregationCode)).padStart(13, '0'));
  }

  /** A notice asking the mock Nodo for a station timeout every time (SCENARIOS.md, code 01, T = 0). */
  private timeoutNotice(segregationCode: string): string {
    let serial = 1;
    let notice = scenarioNotice(segregationCode, 'stationTimeout', 0, serial);
    while (this.deps.positions.findOptionByNoticeNumber(notice)) notice = scenarioNotice(segregationCode, 'stationTimeout', 0, ++serial);
    return notice;
  }

  /** A well-formed notice of the EC that no position has: far above the sequence, never a scenario. */
  private unknownNotice(segregationCode: string): string {
    let n = 8_000_000_000_000 + (this.deps.clock.now().getTime() % 999_999_999_999);
    let notice = generateNoticeNumber(segregationCode, String(n).padStart(13, '0'));
    while (this.deps.positions.findOptionByNoticeNumber(notice)) notice = generateNoticeNumber(segregationCode, String(++n).padStart(13, '0'));
    return notice;
  }
}
