import { describe, it, expect } from 'vitest';
import * as domain from '../../../src-shared/domain';

describe('domain index', () => {
  it('re-exports the public API of every module', () => {
    for (const name of [
      'validateIban', 'normalizeIban', 'formatIban', 'postalAccountFromIban', 'ibanInvalidMessages',
      'validateFiscalCode', 'validateLegalFiscalCode', 'normalizeFiscalCode', 'fiscalCodeCheckLetter', 'luhnCheckDigit',
      'fiscalCodeInvalidMessages',
      'parseNoticeNumber', 'noticeCheckDigits', 'generateNoticeNumber', 'formatNoticeNumber', 'iuvFromNoticeNumber',
      'isAllowedSegregationCode', 'noticeCheckWarning', 'noticeInvalidMessages',
      'formatEuro', 'parseEuro', 'isValidAmountCents', 'MIN_AMOUNT_CENTS', 'MAX_AMOUNT_CENTS', 'amountInvalidMessages',
      'isIsoDate', 'formatItalianDate', 'parseItalianDate', 'compareIsoDate', 'isExpired', 'todayIso',
      'parseTransferCategory', 'taxonomyInvalidMessages',
      'buildQrPayload', 'parseQrPayload', 'qrInvalidMessages',
      'buildPosteDataMatrixPayload', 'parsePosteDataMatrixPayload', 'posteDataMatrixInvalidMessages',
      'nextStationCode', 'parseStationCode', 'stationCodeInvalidMessages',
    ]) {
      expect(domain, name).toHaveProperty(name);
    }
  });

  it('has a non-empty Italian message for every reason of every module', () => {
    const tables = [
      domain.ibanInvalidMessages,
      domain.fiscalCodeInvalidMessages,
      domain.noticeInvalidMessages,
      domain.amountInvalidMessages,
      domain.taxonomyInvalidMessages,
      domain.qrInvalidMessages,
      domain.posteDataMatrixInvalidMessages,
      domain.stationCodeInvalidMessages,
    ];
    for (const table of tables) {
      for (const [reason, message] of Object.entries(table)) {
        expect(reason).toMatch(/^[A-Z_]+$/);
        expect(message.length, reason).toBeGreaterThan(10);
      }
    }
  });
});
