import type { Migration } from './types';

/**
 * Whether an option is reported follows from the settlement flows: it is once its paying receipt
 * has transfers reported and none of the transfers it credits to the EC is left unreported
 * (`reported_transfer`). 0002 also stored it as a third option status, a second copy of that fact
 * which reconciliation rewrote option row by option row (for a large flow, tens of thousands of
 * rows and their pages). The copy goes: the stored status is 'unpaid' or 'paid' (0002's CHECK still
 * admits 'reported'; nothing writes it any more), and every read of options goes through
 * `payment_option_now`, which adds the reported status from the facts.
 */
export const migration0009: Migration = {
  version: 9,
  name: 'option_reported_derived',
  up(db) {
    db.exec(`
      UPDATE payment_option SET status = 'paid' WHERE status = 'reported';
      CREATE VIEW payment_option_now AS
        SELECT payment_option.id, payment_option.position_id, payment_option.notice_number, payment_option.iuv,
               payment_option.amount, payment_option.due_date, payment_option.description, payment_option.kind,
               payment_option.instalment_number,
               CASE WHEN payment_option.status = 'paid'
                     AND EXISTS (SELECT 1 FROM reported_transfer rt WHERE rt.receipt_row = payment_option.paid_receipt_id)
                     AND NOT EXISTS (
                           SELECT 1 FROM transfer t
                            WHERE t.option_id = payment_option.id
                              AND t.ec_fiscal_code = (SELECT fiscal_code FROM ec_profile WHERE id = 1)
                              AND NOT EXISTS (SELECT 1 FROM reported_transfer rt
                                               WHERE rt.receipt_row = payment_option.paid_receipt_id
                                                 AND rt.transfer_index = t.transfer_index))
                    THEN 'reported' ELSE payment_option.status END AS status,
               payment_option.paid_at, payment_option.paid_receipt_id
          FROM payment_option;
    `);
  },
};
