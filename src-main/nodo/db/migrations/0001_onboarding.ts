import type { Migration } from '../../../db/migrations/types';

/** The Nodo's registry: ECs (censimento), their IBANs, stations and their EC links, API key hashes. */
export const nodoMigration0001: Migration = {
  version: 1,
  name: 'onboarding',
  up(db) {
    db.exec(`
      CREATE TABLE ec (
        fiscal_code TEXT PRIMARY KEY CHECK (length(fiscal_code) = 11),
        name TEXT NOT NULL,
        address TEXT NOT NULL,
        city TEXT NOT NULL,
        province TEXT NOT NULL CHECK (length(province) = 2),
        postal_code TEXT NOT NULL CHECK (length(postal_code) = 5),
        fiscal_domicile TEXT,
        -- NULL when the EC is connected directly (it is then its own broker)
        partner_fiscal_code TEXT CHECK (partner_fiscal_code IS NULL OR length(partner_fiscal_code) = 11),
        broker_fiscal_code TEXT NOT NULL CHECK (length(broker_fiscal_code) = 11),
        environment TEXT NOT NULL DEFAULT 'collaudo' CHECK (environment IN ('collaudo', 'esercizio')),
        registered_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE ec_iban (
        ec_fiscal_code TEXT NOT NULL REFERENCES ec (fiscal_code),
        iban TEXT NOT NULL CHECK (length(iban) BETWEEN 15 AND 34),
        registered_at TEXT NOT NULL,
        PRIMARY KEY (ec_fiscal_code, iban)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE station (
        code TEXT PRIMARY KEY CHECK (code GLOB '[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]_[0-9][0-9]'),
        broker_fiscal_code TEXT NOT NULL CHECK (length(broker_fiscal_code) = 11),
        enabled INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
        version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
        primitive_version INTEGER NOT NULL CHECK (primitive_version IN (1, 2)),
        protocol TEXT NOT NULL CHECK (protocol IN ('http', 'https')),
        host TEXT NOT NULL,
        port INTEGER NOT NULL CHECK (port BETWEEN 0 AND 65535),
        path TEXT NOT NULL,
        -- salt:sha256(salt + password), hex; the password itself is never stored
        password_hash TEXT NOT NULL,
        timeout_verify_ms INTEGER NOT NULL CHECK (timeout_verify_ms > 0),
        timeout_get_payment_ms INTEGER NOT NULL CHECK (timeout_get_payment_ms > 0),
        timeout_send_receipt_ms INTEGER NOT NULL CHECK (timeout_send_receipt_ms > 0),
        flag_stand_in INTEGER NOT NULL CHECK (flag_stand_in IN (0, 1)),
        state TEXT NOT NULL CHECK (state IN ('In revisione', 'Attiva', 'Da correggere')),
        state_reason TEXT,
        verified_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK (substr(code, 1, 11) = broker_fiscal_code)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE station_ec (
        station_code TEXT NOT NULL REFERENCES station (code),
        ec_fiscal_code TEXT NOT NULL REFERENCES ec (fiscal_code),
        aux_digit INTEGER NOT NULL CHECK (aux_digit = 3),
        segregation_code TEXT NOT NULL CHECK (length(segregation_code) = 2),
        broadcast INTEGER NOT NULL CHECK (broadcast IN (0, 1)),
        PRIMARY KEY (station_code, ec_fiscal_code)
      ) STRICT, WITHOUT ROWID;
      -- the Nodo routes an aux-3 notice by EC + segregation code: each pair names one station
      CREATE UNIQUE INDEX station_ec_route ON station_ec (ec_fiscal_code, segregation_code);

      CREATE TABLE api_key (
        ec_fiscal_code TEXT NOT NULL REFERENCES ec (fiscal_code),
        product TEXT NOT NULL CHECK (product IN ('nodauth', 'gpd', 'gpdrep', 'gpdpay', 'biz', 'fdrorg', 'printnotice', 'aca', 'mbd')),
        slot TEXT NOT NULL CHECK (slot IN ('primary', 'secondary')),
        -- sha-256 of the key, hex: the key itself is shown once and never stored
        key_hash TEXT NOT NULL UNIQUE CHECK (length(key_hash) = 64),
        created_at TEXT NOT NULL,
        PRIMARY KEY (ec_fiscal_code, product, slot)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
