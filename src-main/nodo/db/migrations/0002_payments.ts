import type { Migration } from '../../../db/migrations/types';

/**
 * Payments: tokens (activations), the receipts built from an OK outcome, their delivery queue (one
 * row per EC in the transfer list) and the transfers waiting to be settled. The partial unique
 * indexes are the last line of defence against a double payment.
 */
export const nodoMigration0002: Migration = {
  version: 2,
  name: 'payments',
  up(db) {
    db.exec(`
      -- simulation state that must survive a restart (the seeded RNG's position)
      CREATE TABLE sim_state (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL CHECK (json_valid(value))
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE payment_token (
        token TEXT PRIMARY KEY CHECK (length(token) = 32),
        ec_fiscal_code TEXT NOT NULL CHECK (length(ec_fiscal_code) = 11),
        notice_number TEXT NOT NULL CHECK (length(notice_number) = 18),
        station_code TEXT NOT NULL,
        id_psp TEXT NOT NULL,
        id_channel TEXT NOT NULL,
        idempotency_key TEXT,
        amount INTEGER NOT NULL CHECK (amount > 0),
        payment_method TEXT NOT NULL,
        touch_point TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('ACTIVE', 'EXPIRED', 'PAID', 'KO')),
        -- the EC's paGetPaymentV2 data, as received
        payment_data TEXT NOT NULL CHECK (json_valid(payment_data)),
        activated_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        closed_at TEXT
      ) STRICT;
      CREATE UNIQUE INDEX payment_token_one_live ON payment_token (ec_fiscal_code, notice_number) WHERE status = 'ACTIVE';
      CREATE UNIQUE INDEX payment_token_one_paid ON payment_token (ec_fiscal_code, notice_number) WHERE status = 'PAID';

      CREATE TABLE idempotency_key (
        id_psp TEXT NOT NULL,
        idempotency_key TEXT NOT NULL,
        request_hash TEXT NOT NULL CHECK (length(request_hash) = 64),
        token TEXT NOT NULL REFERENCES payment_token (token),
        expires_at TEXT NOT NULL,
        PRIMARY KEY (id_psp, idempotency_key)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE receipt (
        receipt_id TEXT PRIMARY KEY REFERENCES payment_token (token),
        ec_fiscal_code TEXT NOT NULL,
        notice_number TEXT NOT NULL,
        id_psp TEXT NOT NULL,
        payment_amount INTEGER NOT NULL CHECK (payment_amount > 0),
        fee INTEGER NOT NULL CHECK (fee >= 0),
        payment_date_time TEXT NOT NULL,
        -- calendar day in Italy, the day the payment is settled for
        payment_day TEXT NOT NULL,
        body TEXT NOT NULL CHECK (json_valid(body))
      ) STRICT;

      CREATE TABLE receipt_delivery (
        receipt_id TEXT NOT NULL REFERENCES receipt (receipt_id),
        ec_fiscal_code TEXT NOT NULL CHECK (length(ec_fiscal_code) = 11),
        -- the station that served the payment (primary EC); NULL: route when delivering
        station_code TEXT,
        status TEXT NOT NULL CHECK (status IN ('PENDING', 'DELIVERED')),
        attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        next_attempt_at TEXT NOT NULL,
        last_attempt_at TEXT,
        last_error TEXT,
        delivered_at TEXT,
        PRIMARY KEY (receipt_id, ec_fiscal_code)
      ) STRICT;
      CREATE INDEX receipt_delivery_due ON receipt_delivery (next_attempt_at) WHERE status = 'PENDING';

      CREATE TABLE receipt_transfer (
        receipt_id TEXT NOT NULL REFERENCES receipt (receipt_id),
        transfer_index INTEGER NOT NULL CHECK (transfer_index BETWEEN 1 AND 5),
        ec_fiscal_code TEXT NOT NULL CHECK (length(ec_fiscal_code) = 11),
        iban TEXT NOT NULL,
        amount INTEGER NOT NULL CHECK (amount > 0),
        iuv TEXT NOT NULL,
        id_psp TEXT NOT NULL,
        payment_date_time TEXT NOT NULL,
        payment_day TEXT NOT NULL,
        outcome_code INTEGER NOT NULL CHECK (outcome_code IN (0, 3, 4, 8, 9)),
        -- identificativoFlusso once settled
        flow_id TEXT,
        PRIMARY KEY (receipt_id, transfer_index)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX receipt_transfer_unsettled ON receipt_transfer (payment_day) WHERE flow_id IS NULL;
    `);
  },
};
