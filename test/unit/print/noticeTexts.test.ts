import { describe, expect, it } from 'vitest';
import { planText } from '../../../src-main/print/noticeLayout';
import { instalmentsInfo, NOTICE_TEXT, onlineChannelsText, physicalChannelsText } from '../../../src-main/print/noticeTexts';
import { noticeOf, planPosition, sampleSettings, singlePosition } from '../../support/printSamples';

describe('instalment text of "Quanto e quando pagare?" (guideline: AVVISO.RATE.INFO)', () => {
  it('is printed only with 2 or more instalments, in the guideline\'s two wordings', () => {
    expect(instalmentsInfo(0, false)).toBeNull();
    expect(instalmentsInfo(1, true)).toBeNull();
    expect(instalmentsInfo(3, true)).toBe('Puoi pagare per intero o in 3 rate.');
    expect(instalmentsInfo(3, false)).toBe('Puoi pagare in 3 rate.');
  });

  it('a single payment: its amount and due date in Italian format, no instalment text', () => {
    const plan = planText(noticeOf(singlePosition({ amount: 102_099, dueDate: '2026-12-31' })));
    expect(plan).toEqual({ amount: 102_099, due: 'entro il 31/12/2026', text: '' });
  });

  it('a plan with the rata unica: its amount and due date, "per intero o in N rate"', () => {
    const plan = planText(noticeOf(planPosition(3, { amount: 5_000 })));
    expect(plan.amount).toBe(15_000);
    expect(plan.due).toBe('entro il 31/01/2027');
    expect(plan.text).toMatch(/^Puoi pagare per intero o in 3 rate\. /);
  });

  it('more than 9 instalments: no rata unica, the total and the first due date, the many-instalments text', () => {
    const doc = noticeOf(planPosition(12, { amount: 1_000 }));
    expect(doc.layout).toBe('longPlan');
    const plan = planText(doc);
    expect(plan.amount).toBe(12_000);
    expect(plan.due).toBe('prima rata entro il 28/01/2027');
    expect(plan.text).toBe(`Puoi pagare in 12 rate. ${NOTICE_TEXT.manyInstalments}`);
  });

  it('a plan with paid instalments counts the ones still to pay and says how many are paid', () => {
    const position = planPosition(3, { amount: 5_000 });
    position.options = position.options.map((o) => (o.kind === 'instalment' && o.instalmentNumber === 1 ? { ...o, status: 'paid' as const } : o));
    const plan = planText(noticeOf(position));
    expect(plan.amount).toBe(10_000);
    expect(plan.text).toBe('Puoi pagare in 2 rate. Trovi le rate nelle pagine seguenti. Una rata risulta già pagata.');
  });
});

describe('printed codes', () => {
  it('fiscal codes and CBILL in capitals on the page (guideline), the QR code keeps the position\'s data', () => {
    const position = singlePosition();
    position.debtor = { ...position.debtor, fiscalCode: 'rccmnl83s18d969h' };
    const doc = noticeOf(position, sampleSettings({ cbill: 'a0edt' }));
    expect(doc.debtor.fiscalCode).toBe('RCCMNL83S18D969H');
    expect(doc.ec.cbill).toBe('A0EDT');
    expect(doc.main?.qrPayload).toBe(`PAGOPA|002|${position.options[0]!.noticeNumber}|80012345676|102099`);
  });
});

describe('"Dove pagare": the fixed texts, with only the EC\'s own channels added (ENTE.CANALE.ONLINE / FISICO)', () => {
  it('names the EC\'s site or app inside the digital channels text, and nothing else changes', () => {
    expect(onlineChannelsText('none', 'Comune di Test')).toBe(NOTICE_TEXT.online);
    expect(onlineChannelsText('site', 'Comune di Test')).toBe(
      'oppure sul sito di Comune di Test, dal tuo Home Banking, con la tua app di pagamento o con gli altri canali abilitati.',
    );
    expect(onlineChannelsText('app', 'Comune di Test')).toBe(`oppure sull’app di Comune di Test, ${NOTICE_TEXT.online.slice('oppure '.length)}`);
    expect(onlineChannelsText('siteOrApp', 'Comune di Test')).toMatch(/^oppure sul sito o app di Comune di Test, dal tuo Home Banking/);
  });

  it('puts the EC\'s counter before the physical channels', () => {
    expect(physicalChannelsText('')).toBe(NOTICE_TEXT.physical);
    expect(physicalChannelsText('Presso Lo Sportello Tributi')).toBe(`Presso Lo Sportello Tributi, ${NOTICE_TEXT.physical}`);
  });
});
