import { cents, date, digits, flag, instant, maxLen, text } from './sqlChecks';
import type { Migration } from './types';

/**
 * Debt positions (GPD model) with their payment options and transfers, the service catalogue, the
 * receipts the Nodo delivers, and the notice-number sequence.
 *
 * Indexes are sized for about 1,000,000 positions. Each list query walks one index in sort order
 * (keyset pagination: `(sortKey, id) > (?, ?)`), so a page costs the same on page 1 and page 10,000:
 * - lookups: notice number and IUV (unique, the station's hot path and reconciliation), IUPD
 *   (unique), debtor fiscal code;
 * - lists: one index per (filter, sort) pair that matters at scale: status x {due date, amount,
 *   creation}, service x due date, due date, amount; creation order is the rowid. A debtor filter is
 *   selective enough that its few rows are sorted in memory;
 * - the daily sweep: partial indexes that hold only the positions that may change status by date.
 */
export const migration0002: Migration = {
  version: 2,
  name: 'positions_catalogue_receipts',
  up(db) {
    db.exec(`
      CREATE TABLE catalogue_service (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 16 AND code NOT GLOB '*[^A-Z0-9_-]*'),
        name TEXT NOT NULL CHECK (${text('name', 140)}),
        description TEXT NOT NULL DEFAULT '' CHECK (${maxLen('description', 500)}),
        taxonomy TEXT NOT NULL CHECK (${text('taxonomy', 140)}),
        iban TEXT NOT NULL CHECK (length(iban) BETWEEN 15 AND 34),
        spontaneous INTEGER NOT NULL CHECK (${flag('spontaneous')}),
        min_amount INTEGER CHECK (min_amount IS NULL OR ${cents('min_amount')}),
        max_amount INTEGER CHECK (max_amount IS NULL OR ${cents('max_amount')}),
        payer_instructions TEXT NOT NULL DEFAULT '' CHECK (${maxLen('payer_instructions', 2000)}),
        active INTEGER NOT NULL DEFAULT 1 CHECK (${flag('active')}),
        version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
        created_at TEXT NOT NULL CHECK (${instant('created_at')}),
        updated_at TEXT NOT NULL CHECK (${instant('updated_at')}),
        CHECK (min_amount IS NULL OR max_amount IS NULL OR min_amount <= max_amount)
      ) STRICT;

      CREATE TABLE debt_position (
        id INTEGER PRIMARY KEY,
        iupd TEXT NOT NULL UNIQUE CHECK (${text('iupd', 35)}),
        status TEXT NOT NULL CHECK (status IN
          ('DRAFT', 'PUBLISHED', 'VALID', 'PARTIALLY_PAID', 'PAID', 'REPORTED', 'INVALID', 'EXPIRED')),
        origin TEXT NOT NULL CHECK (origin IN ('ec', 'spontaneous')),
        debtor_type TEXT NOT NULL CHECK (debtor_type IN ('F', 'G')),
        debtor_fiscal_code TEXT NOT NULL CHECK (length(debtor_fiscal_code) IN (11, 16)),
        debtor_full_name TEXT NOT NULL CHECK (${text('debtor_full_name', 70)}),
        debtor_address TEXT CHECK (${maxLen('debtor_address', 70)}),
        debtor_civic_number TEXT CHECK (${maxLen('debtor_civic_number', 16)}),
        debtor_postal_code TEXT CHECK (${maxLen('debtor_postal_code', 16)}),
        debtor_city TEXT CHECK (${maxLen('debtor_city', 35)}),
        debtor_province TEXT CHECK (${maxLen('debtor_province', 35)}),
        debtor_country TEXT CHECK (debtor_country IS NULL OR length(debtor_country) = 2),
        debtor_email TEXT CHECK (${maxLen('debtor_email', 256)}),
        debtor_phone TEXT CHECK (${maxLen('debtor_phone', 20)}),
        company_name TEXT NOT NULL CHECK (${text('company_name', 140)}),
        office_name TEXT CHECK (${maxLen('office_name', 140)}),
        catalogue_service_id INTEGER REFERENCES catalogue_service (id),
        validity_date TEXT CHECK (validity_date IS NULL OR ${date('validity_date')}),
        switch_to_expired INTEGER NOT NULL CHECK (${flag('switch_to_expired')}),
        -- kept in step with the options so lists can filter and sort on one row
        min_due_date TEXT NOT NULL CHECK (${date('min_due_date')}),
        max_due_date TEXT NOT NULL CHECK (${date('max_due_date')} AND max_due_date >= min_due_date),
        total_amount INTEGER NOT NULL CHECK (total_amount >= 1),
        published_at TEXT CHECK (published_at IS NULL OR ${instant('published_at')}),
        created_at TEXT NOT NULL CHECK (${instant('created_at')}),
        updated_at TEXT NOT NULL CHECK (${instant('updated_at')}),
        version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
        -- a legal entity is identified by 11 digits only
        CHECK (debtor_type = 'F' OR ${digits('debtor_fiscal_code', 11)})
      ) STRICT;
      CREATE INDEX debt_position_debtor ON debt_position (debtor_fiscal_code, min_due_date);
      CREATE INDEX debt_position_status_due ON debt_position (status, min_due_date);
      CREATE INDEX debt_position_status_amount ON debt_position (status, total_amount);
      CREATE INDEX debt_position_status_created ON debt_position (status);
      CREATE INDEX debt_position_service_due ON debt_position (catalogue_service_id, min_due_date);
      CREATE INDEX debt_position_due ON debt_position (min_due_date);
      CREATE INDEX debt_position_amount ON debt_position (total_amount);
      CREATE INDEX debt_position_to_validate ON debt_position (validity_date) WHERE status = 'PUBLISHED';
      CREATE INDEX debt_position_to_expire ON debt_position (max_due_date)
        WHERE status = 'VALID' AND switch_to_expired = 1;

      CREATE TABLE payment_option (
        id INTEGER PRIMARY KEY,
        position_id INTEGER NOT NULL REFERENCES debt_position (id) ON DELETE CASCADE,
        notice_number TEXT NOT NULL UNIQUE CHECK (${digits('notice_number', 18)}),
        iuv TEXT NOT NULL UNIQUE CHECK (length(iuv) BETWEEN 15 AND 35),
        amount INTEGER NOT NULL CHECK (${cents('amount')}),
        due_date TEXT NOT NULL CHECK (${date('due_date')}),
        description TEXT NOT NULL CHECK (${text('description', 140)}),
        kind TEXT NOT NULL CHECK (kind IN ('single', 'instalment', 'rataUnica')),
        instalment_number INTEGER CHECK (instalment_number IS NULL OR instalment_number >= 1),
        status TEXT NOT NULL DEFAULT 'unpaid' CHECK (status IN ('unpaid', 'paid', 'reported')),
        paid_at TEXT CHECK (paid_at IS NULL OR ${instant('paid_at')}),
        -- the receipt that paid the option (receipts name their option too: two-way, set after both exist)
        paid_receipt_id INTEGER REFERENCES receipt (id),
        CHECK ((kind = 'instalment') = (instalment_number IS NOT NULL)),
        CHECK ((status = 'unpaid') = (paid_at IS NULL)),
        CHECK (status = 'unpaid' OR paid_receipt_id IS NOT NULL)
      ) STRICT;
      -- options of a position; also one single/rata unica each and unique instalment numbers
      CREATE UNIQUE INDEX payment_option_position ON payment_option (position_id, kind, ifnull(instalment_number, 0));

      CREATE TABLE transfer (
        option_id INTEGER NOT NULL REFERENCES payment_option (id) ON DELETE CASCADE,
        transfer_index INTEGER NOT NULL CHECK (transfer_index BETWEEN 1 AND 5),
        amount INTEGER NOT NULL CHECK (${cents('amount')}),
        ec_fiscal_code TEXT NOT NULL CHECK (${digits('ec_fiscal_code', 11)}),
        iban TEXT NOT NULL CHECK (length(iban) BETWEEN 15 AND 34),
        remittance TEXT NOT NULL CHECK (${text('remittance', 140)}),
        taxonomy TEXT NOT NULL CHECK (${text('taxonomy', 140)}),
        PRIMARY KEY (option_id, transfer_index)
      ) STRICT;

      CREATE TABLE receipt (
        id INTEGER PRIMARY KEY,
        -- the payment token: one receipt per token, whatever the Nodo re-sends
        receipt_id TEXT NOT NULL UNIQUE CHECK (${text('receipt_id', 35)}),
        option_id INTEGER NOT NULL REFERENCES payment_option (id),
        notice_number TEXT NOT NULL CHECK (${digits('notice_number', 18)}),
        iuv TEXT NOT NULL CHECK (${text('iuv', 35)}),
        ec_fiscal_code TEXT NOT NULL CHECK (${digits('ec_fiscal_code', 11)}),
        outcome TEXT NOT NULL CHECK (outcome IN ('OK', 'KO')),
        payment_amount INTEGER NOT NULL CHECK (${cents('payment_amount')}),
        fee INTEGER NOT NULL CHECK (fee >= 0),
        primary_ci_incurred_fee INTEGER CHECK (primary_ci_incurred_fee IS NULL OR primary_ci_incurred_fee >= 0),
        id_psp TEXT NOT NULL CHECK (${maxLen('id_psp', 35)}),
        psp_fiscal_code TEXT CHECK (${maxLen('psp_fiscal_code', 16)}),
        psp_company_name TEXT NOT NULL CHECK (${maxLen('psp_company_name', 70)}),
        id_channel TEXT NOT NULL CHECK (${maxLen('id_channel', 35)}),
        id_bundle TEXT CHECK (${maxLen('id_bundle', 70)}),
        payer_type TEXT CHECK (payer_type IS NULL OR payer_type IN ('F', 'G')),
        payer_fiscal_code TEXT CHECK (${maxLen('payer_fiscal_code', 16)}),
        payer_full_name TEXT CHECK (${maxLen('payer_full_name', 70)}),
        payment_method TEXT NOT NULL CHECK (${maxLen('payment_method', 35)}),
        payment_date_time TEXT NOT NULL,
        application_date TEXT NOT NULL CHECK (${date('application_date')}),
        transfer_date TEXT NOT NULL CHECK (${date('transfer_date')}),
        stand_in INTEGER NOT NULL CHECK (${flag('stand_in')}),
        -- the ctReceiptV2 exactly as delivered: what the EC received is evidence
        payload TEXT NOT NULL CHECK (json_valid(payload)),
        received_at TEXT NOT NULL CHECK (${instant('received_at')}),
        -- money taken that did not settle a debt normally; DOUBLE_PAYMENT is the double-payment flag
        anomaly TEXT CHECK (anomaly IS NULL OR anomaly IN ('DOUBLE_PAYMENT', 'NOT_PAYABLE', 'AMOUNT_MISMATCH'))
      ) STRICT;
      CREATE INDEX receipt_option ON receipt (option_id);
      -- settlement flows name payments by IUV (+ IUR = receipt_id)
      CREATE INDEX receipt_iuv ON receipt (iuv);
      CREATE INDEX receipt_anomalies ON receipt (received_at) WHERE anomaly IS NOT NULL;

      CREATE TABLE notice_sequence (
        segregation_code TEXT PRIMARY KEY CHECK (${digits('segregation_code', 2)}),
        -- the 13-digit base of the last notice number handed out
        last_value INTEGER NOT NULL CHECK (last_value BETWEEN 1 AND 9999999999999)
      ) STRICT;
    `);
  },
};
