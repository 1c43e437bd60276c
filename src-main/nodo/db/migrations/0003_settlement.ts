import type { Migration } from '../../../db/migrations/types';

/** Settlement flows (FdR): one per PSP, settlement day and credited IBAN, with one line per transfer. */
export const nodoMigration0003: Migration = {
  version: 3,
  name: 'settlement',
  up(db) {
    db.exec(`
      CREATE TABLE flow (
        id TEXT PRIMARY KEY CHECK (length(id) <= 35),
        id_psp TEXT NOT NULL,
        psp_name TEXT NOT NULL,
        id_broker_psp TEXT NOT NULL,
        receiver_fiscal_code TEXT NOT NULL CHECK (length(receiver_fiscal_code) = 11),
        receiver_name TEXT NOT NULL,
        iban TEXT NOT NULL,
        settlement_date TEXT NOT NULL,
        flow_date_time TEXT NOT NULL,
        regulation_id TEXT NOT NULL UNIQUE,
        regulation_date TEXT NOT NULL,
        total_payments INTEGER NOT NULL CHECK (total_payments > 0),
        total_amount INTEGER NOT NULL CHECK (total_amount > 0),
        revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1),
        CHECK (substr(id, 1, 10) = settlement_date)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX flow_receiver_date ON flow (receiver_fiscal_code, settlement_date);

      CREATE TABLE flow_line (
        flow_id TEXT NOT NULL REFERENCES flow (id),
        line_no INTEGER NOT NULL CHECK (line_no >= 1),
        iuv TEXT NOT NULL,
        iur TEXT NOT NULL,
        transfer_index INTEGER NOT NULL CHECK (transfer_index BETWEEN 1 AND 5),
        amount INTEGER NOT NULL CHECK (amount > 0),
        outcome_code INTEGER NOT NULL CHECK (outcome_code IN (0, 3, 4, 8, 9)),
        outcome_date TEXT NOT NULL,
        PRIMARY KEY (flow_id, line_no),
        -- a transfer is settled once
        UNIQUE (iur, transfer_index)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
