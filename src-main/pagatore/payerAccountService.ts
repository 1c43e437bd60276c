import { randomInt } from 'node:crypto';
import { AppError, errorMessages, fieldError } from '../../src-shared/errors';
import type { PayerRegisterInput, PayerRegistration } from '../../src-shared/ipc/schemas/pagatore';
import { ACTIVATION_CODE_LENGTH, ACTIVATION_CODE_TTL_HOURS } from '../../src-shared/pagatore/privacyNotice';
import { decoyPasswordHash, hashPassword, verifyPassword } from '../auth/password';
import type { Db } from '../db/openDatabase';
import type { ComposedMail, PickupOutbox } from '../mail/pickupOutbox';
import type { Clock } from '../platform/clock';
import { nowIso } from '../platform/clock';
import type { EcProfileRepository } from '../repositories/ecProfileRepository';
import type { AuditService } from '../services/auditService';
import { activationMail } from './activationMail';
import { payerActor } from './payerActor';
import type { PayerAccount, PayerAccountRepository } from './payerAccountRepository';

/** Wrong codes an activation code survives before it is void (a new one must be asked for). */
export const MAX_ACTIVATION_ATTEMPTS = 5;
/** A re-send within this time of the last code is refused: the message may simply be on its way. */
export const RESEND_MIN_INTERVAL_MS = 60_000;
/** Codes sent to one account in a day, the first one included. */
export const MAX_CODES_PER_DAY = 5;
const DAY_MS = 24 * 60 * 60 * 1000;
const CODE_TTL_MS = ACTIVATION_CODE_TTL_HOURS * 60 * 60 * 1000;

/** Eight random digits from the OS's CSPRNG. */
function newActivationCode(): string {
  let code = '';
  for (let i = 0; i < ACTIVATION_CODE_LENGTH; i++) code += String(randomInt(10));
  return code;
}

/** "m••••@esempio.it": the person recognises the address, an onlooker at the kiosk learns little. */
export function emailHint(email: string): string {
  const [local = '', domain = ''] = email.split('@');
  return `${local.slice(0, 1)}${'•'.repeat(Math.max(3, local.length - 1))}@${domain}`;
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE';
}

export interface PayerAccountServiceDeps {
  db: Db;
  accounts: PayerAccountRepository;
  ecProfile: EcProfileRepository;
  audit: AuditService;
  clock: Clock;
  outbox: PickupOutbox;
}

/**
 * Self-registration of payers and activation by a code sent by e-mail. Each step writes its row
 * change, its audit entry and (where a code goes out) the message in one transaction: if the
 * message cannot be written, nothing changed. The message is composed before, as composing is
 * asynchronous and a transaction is not.
 */
export class PayerAccountService {
  constructor(private readonly deps: PayerAccountServiceDeps) {}

  async register(input: PayerRegisterInput): Promise<PayerRegistration> {
    const { accounts, db, clock } = this.deps;
    if (accounts.findByFiscalCode(input.fiscalCode)) throw fieldError('PAYER_FISCAL_CODE_TAKEN', 'fiscalCode', errorMessages.PAYER_FISCAL_CODE_TAKEN);
    const code = newActivationCode();
    const [passwordHash, codeHash] = await Promise.all([hashPassword(input.password), hashPassword(code)]);
    const now = clock.now();
    const at = now.toISOString();
    const expiresAt = new Date(now.getTime() + CODE_TTL_MS).toISOString();
    const actor = payerActor(input.fiscalCode);
    const mail = await this.composeCode({ fiscalCode: input.fiscalCode, firstName: input.firstName, lastName: input.lastName, email: input.email }, code, expiresAt, now, false);
    try {
      db.transaction(() => {
        const id = accounts.insert(
          {
            fiscalCode: input.fiscalCode,
            firstName: input.firstName,
            lastName: input.lastName,
            email: input.email,
            passwordHash,
            privacyVersion: input.privacyVersion,
            activationCodeHash: codeHash,
            activationExpiresAt: expiresAt,
          },
          at,
        );
        this.deps.audit.record(actor, 'payer.registered', 'payerAccount', id, { privacyVersion: input.privacyVersion, privacyAcceptedAt: at });
        this.deps.audit.record(actor, 'payer.activationSent', 'payerAccount', id, { messageId: mail.messageId, expiresAt });
        // the message last: once it is in the pickup folder nothing after it can fail and roll back
        this.deps.outbox.write(mail);
      })();
    } catch (error) {
      // another window registered the same code between the check and the insert
      if (isUniqueViolation(error)) throw fieldError('PAYER_FISCAL_CODE_TAKEN', 'fiscalCode', errorMessages.PAYER_FISCAL_CODE_TAKEN);
      throw error;
    }
    return { fiscalCode: input.fiscalCode, emailHint: emailHint(input.email), codeExpiresAt: expiresAt };
  }

  /**
   * A new code for an account awaiting activation; the old one stops working. For a code with no
   * pending account it does nothing and says nothing different, so it cannot be used to probe.
   */
  async resendCode(fiscalCode: string): Promise<null> {
    const account = this.deps.accounts.findByFiscalCode(fiscalCode);
    const code = newActivationCode();
    if (!account || account.status !== 'pending') {
      await hashPassword(code);
      return null;
    }
    const now = this.deps.clock.now();
    if (account.activationSentAt && now.getTime() - new Date(account.activationSentAt).getTime() < RESEND_MIN_INTERVAL_MS) {
      throw new AppError('PAYER_RESEND_TOO_SOON');
    }
    const windowOpen = account.activationWindowStart !== null && now.getTime() - new Date(account.activationWindowStart).getTime() < DAY_MS;
    const sends = windowOpen ? account.activationSends : 0;
    if (sends >= MAX_CODES_PER_DAY) throw new AppError('PAYER_RESEND_LIMIT');
    const codeHash = await hashPassword(code);
    const at = now.toISOString();
    const expiresAt = new Date(now.getTime() + CODE_TTL_MS).toISOString();
    const mail = await this.composeCode(account, code, expiresAt, now, true);
    this.deps.db.transaction(() => {
      this.deps.accounts.replaceActivationCode(
        account.id,
        { codeHash, expiresAt, sends: sends + 1, windowStart: windowOpen ? account.activationWindowStart! : at },
        at,
      );
      this.deps.audit.record(payerActor(account.fiscalCode), 'payer.activationSent', 'payerAccount', account.id, { messageId: mail.messageId, expiresAt, resent: true });
      this.deps.outbox.write(mail);
    })();
    return null;
  }

  async activate(fiscalCode: string, code: string): Promise<null> {
    const { accounts, db, clock } = this.deps;
    const account = accounts.findByFiscalCode(fiscalCode);
    if (!account || account.status !== 'pending' || account.activationCodeHash === null) {
      await verifyPassword(code, await decoyPasswordHash());
      throw new AppError('PAYER_ACTIVATION_INVALID');
    }
    if (account.activationAttempts >= MAX_ACTIVATION_ATTEMPTS) throw new AppError('PAYER_ACTIVATION_EXHAUSTED');
    const now = clock.now();
    if (account.activationExpiresAt !== null && new Date(account.activationExpiresAt) <= now) throw new AppError('PAYER_ACTIVATION_EXPIRED');

    const matches = await verifyPassword(code, account.activationCodeHash);
    // re-read after the await: another window may have tried meanwhile
    const fresh = accounts.findById(account.id);
    if (!fresh || fresh.status !== 'pending') throw new AppError('PAYER_ACTIVATION_INVALID');
    const actor = payerActor(fresh.fiscalCode);
    const at = nowIso(clock);
    if (!matches) {
      const attempts = fresh.activationAttempts + 1;
      db.transaction(() => {
        accounts.recordActivationAttempt(fresh.id, attempts, at);
        this.deps.audit.record(actor, 'payer.activationFailed', 'payerAccount', fresh.id, { attempt: attempts });
      })();
      throw new AppError(attempts >= MAX_ACTIVATION_ATTEMPTS ? 'PAYER_ACTIVATION_EXHAUSTED' : 'PAYER_ACTIVATION_INVALID');
    }
    db.transaction(() => {
      accounts.activate(fresh.id, at);
      this.deps.audit.record(actor, 'payer.activated', 'payerAccount', fresh.id);
    })();
    return null;
  }

  private composeCode(
    to: Pick<PayerAccount, 'fiscalCode' | 'firstName' | 'lastName' | 'email'>,
    code: string,
    expiresAt: string,
    date: Date,
    resent: boolean,
  ): Promise<ComposedMail> {
    const ecName = this.deps.ecProfile.get()?.name ?? 'Sportello';
    return this.deps.outbox.compose(
      activationMail({ ecName, to: { name: `${to.firstName} ${to.lastName}`, address: to.email }, fiscalCode: to.fiscalCode, code, expiresAt, date, resent }),
    );
  }
}
