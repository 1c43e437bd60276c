import { randomBytes } from 'node:crypto';
import { PRIVACY_NOTICE_VERSION } from '../../src-shared/pagatore/privacyNotice';
import type { CtReceiptV2 } from '../../src-shared/sanp/messages';
import { hashPassword } from '../auth/password';
import type { Core } from '../core/createCore';
import { computeFee, DEFAULT_PSP_CATALOGUE } from '../nodo/pspCatalogue';
import { nowIso } from '../platform/clock';
import { createPositionsModule } from '../positions';
import type { Actor } from '../services/actor';
import { payerActor } from '../pagatore';

/** The demo payer the README documents: an active account with one paid notice and one to pay. */
export const demoPayer = {
  fiscalCode: 'RSSMRA80A01H501U',
  firstName: 'Mario',
  lastName: 'Rossi',
  email: 'mario.rossi@esempio.it',
  password: 'Cittadino2026!',
} as const;

const DEMO_IBAN = 'IT60X0542811101000000123456';

/**
 * Seeds the demo payer: the account (already activated), a TARI notice paid last week and a
 * school-canteen notice still to pay. The demo EC has no station on the simulated Nodo yet (its
 * onboarding starts at step 2), so the receipt is handed to the EC's station directly, as the
 * Nodo would have delivered it: what the EC stores is exactly what a real payment leaves.
 */
export async function seedDemoPayer(core: Core, actor: Actor): Promise<void> {
  const ec = core.ecProfile.get();
  if (!ec) return;
  const { positions } = core.positions;
  const debtor = { type: 'F' as const, fiscalCode: demoPayer.fiscalCode, fullName: `${demoPayer.firstName} ${demoPayer.lastName}`, city: 'Roma', province: 'RM', postalCode: '00184' };
  const option = (description: string, amount: number, dueDate: string) => ({
    kind: 'single' as const,
    amount,
    dueDate,
    description,
    transfers: [{ id: 1, amount, iban: DEMO_IBAN, remittance: description, taxonomy: '9/0101108TS/' }],
  });
  const now = core.clock.now();
  const year = now.getUTCFullYear();
  const paid = positions.publish(actor, positions.create(actor, { debtor, officeName: 'Ufficio Tributi', options: [option(`TARI ${year} - saldo`, 18_450, `${year + 1}-01-31`)] }).id);
  positions.publish(actor, positions.create(actor, { debtor, officeName: 'Servizi scolastici', options: [option(`Mensa scolastica ${year} - primo trimestre`, 9_600, `${year + 1}-03-31`)] }).id);

  const paidOption = paid.options[0]!;
  const psp = DEFAULT_PSP_CATALOGUE[0]!;
  const bundle = psp.bundles[0]!;
  const paidAt = new Date(now.getTime() - 7 * 24 * 60 * 60 * 1000);
  const receipt: CtReceiptV2 = {
    receiptId: randomBytes(16).toString('hex'),
    noticeNumber: paidOption.noticeNumber,
    fiscalCode: ec.fiscalCode,
    outcome: 'OK',
    creditorReferenceId: paidOption.iuv,
    paymentAmount: paidOption.amount,
    description: paidOption.description,
    companyName: ec.name,
    officeName: 'Ufficio Tributi',
    debtor: { uniqueIdentifier: { entityUniqueIdentifierType: 'F', entityUniqueIdentifierValue: debtor.fiscalCode }, fullName: debtor.fullName },
    payer: { uniqueIdentifier: { entityUniqueIdentifierType: 'F', entityUniqueIdentifierValue: debtor.fiscalCode }, fullName: debtor.fullName },
    transferList: [
      { idTransfer: 1, transferAmount: paidOption.amount, fiscalCodePA: ec.fiscalCode, IBAN: DEMO_IBAN, remittanceInformation: paidOption.description, transferCategory: '9/0101108TS/' },
    ],
    idPSP: psp.idPSP,
    pspFiscalCode: psp.pspFiscalCode,
    PSPCompanyName: psp.name,
    idChannel: psp.idChannel,
    channelDescription: psp.channelDescription,
    paymentMethod: 'CP',
    fee: computeFee(bundle, paidOption.amount),
    idBundle: bundle.idBundle,
    paymentDateTime: paidAt.toISOString(),
    applicationDate: paidAt.toISOString().slice(0, 10),
    transferDate: new Date(paidAt.getTime() + 24 * 60 * 60 * 1000).toISOString().slice(0, 10),
    standIn: false,
  };
  const station = `${ec.fiscalCode}_01`;
  const deliverer = createPositionsModule({ db: core.db, clock: core.clock, audit: core.services.audit, acceptedStationIds: () => [station] }).station;
  const answer = await deliverer.paSendRTV2({ idPA: ec.fiscalCode, idBrokerPA: ec.fiscalCode, idStation: station, receipt });
  deliverer.flushWrites();
  if (answer.outcome !== 'OK') throw new Error(`ricevuta dimostrativa rifiutata: ${answer.fault.faultCode}`);

  // the account as if registered and activated at the counter
  const passwordHash = await hashPassword(demoPayer.password);
  const at = nowIso(core.clock);
  const accounts = core.pagatore.accounts;
  core.db.transaction(() => {
    // a pending account always has a code; activate() clears it in this same transaction
    const id = accounts.insert(
      { ...demoPayer, passwordHash, privacyVersion: PRIVACY_NOTICE_VERSION, activationCodeHash: passwordHash, activationExpiresAt: at },
      at,
    );
    accounts.activate(id, at);
    core.services.audit.record(payerActor(demoPayer.fiscalCode), 'payer.registered', 'payerAccount', id, { privacyVersion: PRIVACY_NOTICE_VERSION, demo: true });
    core.services.audit.record(actor, 'payer.activated', 'payerAccount', id, { demo: true });
  })();
}
