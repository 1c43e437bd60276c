import { nextStationCode } from '../../src-shared/domain/stationCode';
import { AppError } from '../../src-shared/errors';
import type {
  StationCreateInput,
  StationList,
  StationListInput,
  StationUpdateInput,
  StationView,
} from '../../src-shared/ipc/schemas/stations';
import type { NodoClient, Station } from '../nodo/nodoClient';
import type { EcProfileRepository } from '../repositories/ecProfileRepository';
import type { Actor } from '../services/actor';
import type { AuditService } from '../services/auditService';
import type { Vault } from '../vault';

export interface StationServiceDeps {
  nodo: NodoClient;
  vault: Pick<Vault, 'put' | 'has'>;
  ecProfile: EcProfileRepository;
  audit: AuditService;
  /** re-reads the EC's stations and lets the EC station answer on each code */
  refreshStations(): Promise<readonly string[]>;
}

/** Vault name of a station's password: the Nodo keeps only a hash, Sportello keeps it sealed. */
export function stationPasswordSecret(code: string): string {
  return `station.${code}.password`;
}
const PASSWORD_PURPOSE = 'station.password';

function url(s: Station): string {
  return `${s.connection.protocol}://${s.connection.host}:${s.connection.port}${s.connection.path}`;
}

/** What the audit log keeps of a station: the configuration, never the password. */
function auditDetails(s: Station): Record<string, unknown> {
  const link = s.ecs[0];
  return {
    code: s.code,
    url: url(s),
    primitiveVersion: s.primitiveVersion,
    timeouts: s.timeouts,
    flagStandIn: s.flagStandIn,
    segregationCode: link?.segregationCode ?? null,
    broadcast: link?.broadcast ?? false,
    state: s.state,
    ...(s.stateReason ? { stateReason: s.stateReason } : {}),
  };
}

/**
 * The Referente Tecnico's stations: the Nodo holds them (code, connection, state), the vault holds
 * their passwords, the audit log holds every change. After each change the EC station is connected
 * on the new code, then "Verifica URL" runs, so a new station can become "Attiva" at once.
 */
export class StationService {
  constructor(private readonly deps: StationServiceDeps) {}

  async list(filters: StationListInput = {}): Promise<StationList> {
    const ec = this.deps.ecProfile.get();
    if (!ec) throw new AppError('SETUP_REQUIRED');
    const registration = await this.deps.nodo.getEcRegistration(ec.fiscalCode);
    if (!registration) return { registered: false, brokerFiscalCode: null, ecSegregationCode: ec.segregationCode, nextCode: null, stations: [] };
    const stations = await this.deps.nodo.listStations({ ecFiscalCode: ec.fiscalCode, ...(filters ?? {}) });
    const ofBroker = await this.deps.nodo.listStations({ brokerFiscalCode: registration.brokerFiscalCode });
    let nextCode: string | null = null;
    try {
      nextCode = nextStationCode(registration.brokerFiscalCode, ofBroker.map((s) => s.code));
    } catch {
      // all 99 codes taken: the form says so, creation would be refused
    }
    return {
      registered: true,
      brokerFiscalCode: registration.brokerFiscalCode,
      ecSegregationCode: ec.segregationCode,
      nextCode,
      stations: stations.map((s) => this.view(s, ec.fiscalCode)),
    };
  }

  async get(code: string): Promise<StationView> {
    const { ec, station } = await this.own(code);
    return this.view(station, ec);
  }

  async create(actor: Actor, input: StationCreateInput): Promise<StationView> {
    const ec = this.requireEc();
    const registration = await this.deps.nodo.getEcRegistration(ec.fiscalCode);
    if (!registration) throw new AppError('NODO_EC_NOT_REGISTERED');
    const created = await this.deps.nodo.createStation({
      brokerFiscalCode: registration.brokerFiscalCode,
      ecFiscalCode: ec.fiscalCode,
      connection: input.connection,
      primitiveVersion: input.primitiveVersion,
      password: input.password,
      timeouts: input.timeouts,
      flagStandIn: input.flagStandIn,
      auxDigit: 3,
      segregationCode: input.segregationCode,
      broadcast: input.broadcast,
    });
    await this.deps.vault.put(stationPasswordSecret(created.code), PASSWORD_PURPOSE, input.password);
    const station = await this.connectAndVerify(created);
    this.deps.audit.record(actor, 'station.created', 'station', station.code, auditDetails(station));
    return this.view(station, ec.fiscalCode);
  }

  async update(actor: Actor, input: StationUpdateInput): Promise<StationView> {
    const { ec, station: before } = await this.own(input.code);
    if (before.version !== input.version) throw new AppError('DATA_CONFLICT');
    const { code, version: _version, password, broadcast, ...rest } = input;
    const changed = await this.deps.nodo.updateStation(code, {
      ...rest,
      ...(password !== undefined ? { password } : {}),
      ...(broadcast !== undefined ? { broadcast } : {}),
    });
    if (password !== undefined) await this.deps.vault.put(stationPasswordSecret(code), PASSWORD_PURPOSE, password);
    const station = await this.connectAndVerify(changed);
    this.deps.audit.record(actor, 'station.updated', 'station', code, {
      ...auditDetails(station),
      previous: auditDetails(before),
      passwordChanged: password !== undefined,
    });
    return this.view(station, ec);
  }

  /** "Verifica URL": the Nodo's connection test, recorded with its verdict. */
  async verify(actor: Actor, code: string): Promise<StationView> {
    const { ec } = await this.own(code);
    await this.deps.refreshStations();
    const station = await this.deps.nodo.verifyStation(code);
    this.deps.audit.record(actor, 'station.verified', 'station', code, {
      state: station.state,
      ...(station.stateReason ? { stateReason: station.stateReason } : {}),
    });
    return this.view(station, ec);
  }

  async setEnabled(actor: Actor, code: string, enabled: boolean): Promise<StationView> {
    const { ec, station: before } = await this.own(code);
    if (before.enabled === enabled) return this.view(before, ec);
    const station = await this.deps.nodo.setStationEnabled(code, enabled);
    await this.deps.refreshStations();
    this.deps.audit.record(actor, enabled ? 'station.enabled' : 'station.disabled', 'station', code, { code });
    return this.view(station, ec);
  }

  private async connectAndVerify(station: Station): Promise<Station> {
    // the Nodo tests the connection as soon as a station is created or changed, before the EC
    // listens on a new code: connect, then test again so the state reflects the real station
    await this.deps.refreshStations();
    return station.state === 'Attiva' ? station : this.deps.nodo.verifyStation(station.code);
  }

  private requireEc(): { fiscalCode: string; segregationCode: string } {
    const ec = this.deps.ecProfile.get();
    if (!ec) throw new AppError('SETUP_REQUIRED');
    return ec;
  }

  /** A station of this EC: another EC's station (same broker) is "not found" here. */
  private async own(code: string): Promise<{ ec: string; station: Station }> {
    const ec = this.requireEc();
    const station = await this.deps.nodo.getStation(code);
    if (!station || !station.ecs.some((l) => l.ecFiscalCode === ec.fiscalCode)) throw new AppError('NODO_STATION_NOT_FOUND');
    return { ec: ec.fiscalCode, station };
  }

  private view(s: Station, ecFiscalCode: string): StationView {
    const link = s.ecs.find((l) => l.ecFiscalCode === ecFiscalCode) ?? s.ecs[0];
    return {
      code: s.code,
      brokerFiscalCode: s.brokerFiscalCode,
      enabled: s.enabled,
      version: s.version,
      primitiveVersion: s.primitiveVersion,
      connection: s.connection,
      url: url(s),
      timeouts: s.timeouts,
      flagStandIn: s.flagStandIn,
      state: s.state,
      stateReason: s.stateReason,
      verifiedAt: s.verifiedAt,
      auxDigit: 3,
      segregationCode: link?.segregationCode ?? '',
      broadcast: link?.broadcast ?? false,
      passwordStored: this.deps.vault.has(stationPasswordSecret(s.code)),
      createdAt: s.createdAt,
      updatedAt: s.updatedAt,
    };
  }
}
