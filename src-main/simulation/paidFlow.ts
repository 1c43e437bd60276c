import type { Core } from '../core/createCore';
import { today } from '../platform/clock';
import { toSanpTransfer } from '../positions/ecStation';
import type { SettlementFlow } from '../reconciliation';
import type { CtReceiptV2 } from '../../src-shared/sanp/messages';
import { ecAccounts } from './catalogue';

const PSP = { idPSP: 'BCITITMM', name: 'Banca di Prova', fiscalCode: '00799960158', channel: 'BCITITMM_01' };

/**
 * Pays VALID positions (seeded, of an onboarded EC) one receipt at a time through the EC station,
 * as the Nodo would (paSendRTV2), until their transfers to the EC's treasury IBAN make `lines`
 * settlement lines; then the flow a PSP would send for them. For the reconciliation bench and tests.
 */
export async function payForFlow(core: Core, lines: number, station: string): Promise<{ flow: SettlementFlow; receipts: number }> {
  const ec = core.ecProfile.get();
  if (!ec) throw new Error('payForFlow: the EC is not set up');
  // the flow credits one IBAN, the treasury account most services pay into: its transfers are the lines
  const iban = ecAccounts(core).treasury;
  const day = today(core.clock);
  const address = { idPA: ec.fiscalCode, idBrokerPA: ec.fiscalCode, idStation: station };
  const flowLines: SettlementFlow['lines'] = [];
  let cursor: string | null = null;
  let receipts = 0;
  do {
    const page = core.positions.positions.list({ status: 'VALID', limit: 100, cursor });
    for (const position of page.items) {
      if (flowLines.length >= lines) break;
      const option = position.options.find((o) => o.status === 'unpaid' && o.transfers.some((t) => t.iban === iban && t.ecFiscalCode === ec.fiscalCode));
      if (!option) continue;
      const receiptId = `BENCH${String(++receipts).padStart(10, '0')}`;
      const receipt: CtReceiptV2 = {
        receiptId,
        noticeNumber: option.noticeNumber,
        fiscalCode: ec.fiscalCode,
        outcome: 'OK',
        creditorReferenceId: option.iuv,
        paymentAmount: option.amount,
        description: option.description,
        companyName: ec.name,
        debtor: { uniqueIdentifier: { entityUniqueIdentifierType: position.debtor.type, entityUniqueIdentifierValue: position.debtor.fiscalCode }, fullName: position.debtor.fullName },
        transferList: option.transfers.map(toSanpTransfer),
        idPSP: PSP.idPSP,
        pspFiscalCode: PSP.fiscalCode,
        PSPCompanyName: PSP.name,
        idChannel: PSP.channel,
        channelDescription: 'app',
        paymentMethod: 'CP',
        fee: 100,
        paymentDateTime: core.clock.now().toISOString(),
        applicationDate: day,
        transferDate: day,
        standIn: false,
      };
      const answer = await core.positions.station.paSendRTV2({ ...address, receipt });
      if (answer.outcome !== 'OK') throw new Error(`payForFlow: receipt refused: ${JSON.stringify(answer)}`);
      for (const t of option.transfers) {
        if (t.iban !== iban || t.ecFiscalCode !== ec.fiscalCode || flowLines.length >= lines) continue;
        flowLines.push({ iuv: option.iuv, iur: receiptId, transferIndex: t.index, amount: t.amount, outcomeCode: 0, outcomeDate: day });
      }
    }
    cursor = page.nextCursor;
  } while (cursor && flowLines.length < lines);
  if (flowLines.length < lines) throw new Error(`payForFlow: only ${flowLines.length} lines could be built`);

  const id = `${day}${PSP.idPSP}-BENCH00001`;
  const total = flowLines.reduce((s, l) => s + l.amount, 0);
  const flow: SettlementFlow = {
    identificativoFlusso: id,
    revision: 1,
    dataOraFlusso: core.clock.now().toISOString(),
    dataRegolamento: day,
    identificativoUnivocoRegolamento: `RIVBENCH${day.replaceAll('-', '')}`,
    idPSP: PSP.idPSP,
    pspName: PSP.name,
    receiverFiscalCode: ec.fiscalCode,
    iban,
    totalPayments: flowLines.length,
    totalAmount: total,
    bankTransfer: { iban, amount: total, date: day, remittanceInformation: `/PUR/LGPE-RIVERSAMENTO/URI/${id}` },
    lines: flowLines,
  };
  return { flow, receipts };
}
