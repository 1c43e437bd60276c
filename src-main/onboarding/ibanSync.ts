import type { Logger } from '../platform/logger';
import type { NodoClient } from '../nodo/nodoClient';
import type { EcProfileRepository } from '../repositories/ecProfileRepository';
import type { Actor } from '../services/actor';
import type { AuditService } from '../services/auditService';
import type { IbanService } from '../services/ibanService';

type Nodo = Pick<NodoClient, 'getEcRegistration' | 'listIbans' | 'setIbans'>;

export interface IbanSyncState {
  registered: boolean;
  local: string[];
  onNodo: string[];
  inSync: boolean;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/**
 * Keeps the Nodo's IBAN list equal to Sportello's live IBANs (step 4 of the onboarding): the Nodo
 * refuses a payment whose transfer credits an IBAN it does not know (PPT_IBAN_NON_CENSITO).
 * Live means not deleted: an IBAN not yet valid or expired may still be on positions being paid.
 */
export class IbanSync {
  private tail: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly nodo: Nodo,
    private readonly ecProfile: EcProfileRepository,
    private readonly ibans: IbanService,
    private readonly audit: AuditService,
    private readonly logger: Logger,
  ) {}

  async state(): Promise<IbanSyncState> {
    const local = this.localList();
    const ec = this.ecProfile.get();
    const registered = ec !== null && (await this.nodo.getEcRegistration(ec.fiscalCode)) !== null;
    const onNodo = registered && ec ? await this.nodo.listIbans(ec.fiscalCode) : [];
    return { registered, local, onNodo, inSync: registered && sameList(local, onNodo) };
  }

  /**
   * Sends the list when the Nodo's differs, and audits what changed there. Nothing to do before the
   * EC is registered. One push at a time, so two quick edits cannot land in the wrong order.
   */
  push(actor: Actor): Promise<IbanSyncState> {
    const run = this.tail.then(() => this.pushNow(actor));
    this.tail = run.catch(() => undefined);
    return run;
  }

  /** After an IBAN change: the change itself is saved already, so a Nodo failure is logged, not thrown. */
  async pushAfterChange<T>(actor: Actor, result: T): Promise<T> {
    try {
      await this.push(actor);
    } catch (error) {
      this.logger.warn('onboarding.ibanSync.failed', { error: error instanceof Error ? error.message : String(error) });
    }
    return result;
  }

  private async pushNow(actor: Actor): Promise<IbanSyncState> {
    const current = await this.state();
    const ec = this.ecProfile.get();
    if (!current.registered || current.inSync || !ec) return current;
    const onNodo = await this.nodo.setIbans(ec.fiscalCode, current.local);
    const before = new Set(current.onNodo);
    const after = new Set(onNodo);
    this.audit.record(actor, 'nodo.ibansSent', 'ec', ec.fiscalCode, {
      count: onNodo.length,
      added: onNodo.filter((i) => !before.has(i)),
      removed: current.onNodo.filter((i) => !after.has(i)),
    });
    return { registered: true, local: current.local, onNodo, inSync: sameList(current.local, onNodo) };
  }

  private localList(): string[] {
    return [...new Set(this.ibans.list().map((e) => e.iban))].sort();
  }
}
