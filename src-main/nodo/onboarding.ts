import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { validateIban } from '../../src-shared/domain/iban';
import { generateNoticeNumber } from '../../src-shared/domain/noticeNumber';
import { nextStationCode } from '../../src-shared/domain/stationCode';
import { AppError, type FieldErrors } from '../../src-shared/errors';
import { paVerifyPaymentNoticeRes } from '../../src-shared/sanp/messages';
import { nowIso } from '../platform/clock';
import type { NodoContext } from './context';
import {
  apiKeySlots,
  apiProductLabels,
  apiProducts,
  ecCensimentoInput,
  environments,
  stationCreateInput,
  stationFilters,
  stationUpdateInput,
  type ApiKeyIdentity,
  type ApiKeyInfo,
  type ApiKeyPair,
  type ApiKeySlot,
  type ApiProduct,
  type EcRegistration,
  type Environment,
  type Station,
  type StationConnection,
} from './nodoClient';
import type { EcRecord, StationRecord } from './repositories/onboardingRepository';
import { invalidField, parseInput, sha256Hex } from './support';

const ecCode = z.string().regex(/^\d{11}$/, { error: 'Codice fiscale dell’Ente non valido: servono 11 cifre.' });
const productSchema = z.enum(apiProducts, { error: 'Prodotto API sconosciuto.' });
const slotSchema = z.enum(apiKeySlots, { error: 'Indicare la chiave primaria o secondaria.' });

/** 128 random bits from the OS, as the 32 hex digits of an APIM subscription key. */
function newApiKey(): string {
  return randomBytes(16).toString('hex');
}

function hashStationPassword(password: string): string {
  const salt = randomBytes(16).toString('hex');
  return `${salt}:${sha256Hex(salt + password)}`;
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

export function isValidStationHost(host: string): boolean {
  const h = host.toLowerCase();
  if (IPV4.test(h)) return true;
  if (h.length > 253 || /^[\d.]+$/.test(h)) return false;
  return h.split('.').every((label) => LABEL.test(label));
}

/**
 * The deterministic part of "Verifica URL": what is wrong with the configuration itself, before
 * anything is called. Null when it is fine.
 */
export function stationConfigurationProblem(
  station: { connection: StationConnection; primitiveVersion: 1 | 2 },
  environment: Environment,
): string | null {
  const { protocol, host, port, path } = station.connection;
  if (!isValidStationHost(host)) {
    return `Host non valido: «${host}». Indicare un nome a dominio (es. pagopa.comune.esempio.it) o un indirizzo IPv4.`;
  }
  if (port < 1 || port > 65535) return 'Porta non valida: indicare un numero tra 1 e 65535.';
  if (!/^\/[A-Za-z0-9\-._~/]*$/.test(path) || path.includes('..') || path.includes('//')) {
    return 'Percorso non valido: deve iniziare con / e contenere solo lettere, cifre e i caratteri - . _ ~ /.';
  }
  if (environment === 'esercizio' && protocol !== 'https') return 'In esercizio la stazione deve usare il protocollo HTTPS.';
  if (station.primitiveVersion !== 2) {
    return 'La stazione deve usare la versione 2 delle primitive (paGetPaymentV2 e paSendRTV2).';
  }
  return null;
}

export function stationUrl(c: StationConnection): string {
  return `${c.protocol}://${c.host}:${c.port}${c.path}`;
}

/** Back office rules: censimento, environments, IBANs, stations and API keys. */
export class NodoOnboarding {
  constructor(private readonly ctx: NodoContext) {}

  registerEc(input: unknown): EcRegistration {
    const c = parseInput(ecCensimentoInput, input);
    const partner = c.connection === 'direct' ? null : c.connection.partnerFiscalCode;
    if (partner === c.fiscalCode) {
      throw invalidField('connection.partnerFiscalCode', 'Il partner tecnologico non può essere l’Ente stesso: scegli il collegamento diretto.');
    }
    const broker = partner ?? c.fiscalCode;
    const { db, registry } = this.ctx;
    db.transaction(() => {
      const existing = registry.findEc(c.fiscalCode);
      if (existing && existing.brokerFiscalCode !== broker && registry.stationCodesOfBroker(existing.brokerFiscalCode).length > 0) {
        throw new AppError('NODO_BROKER_MISMATCH', {
          message: 'Non si può cambiare il collegamento: l’Ente ha già stazioni con l’intermediario attuale.',
          fieldErrors: { connection: ['Collegamento non modificabile: esistono già stazioni.'] },
        });
      }
      registry.upsertEc(
        {
          fiscalCode: c.fiscalCode,
          name: c.name,
          address: c.address,
          city: c.city,
          province: c.province,
          postalCode: c.postalCode,
          fiscalDomicile: c.fiscalDomicile ?? null,
          partnerFiscalCode: partner,
          brokerFiscalCode: broker,
        },
        nowIso(this.ctx.clock),
      );
    })();
    return this.registration(this.requireEc(c.fiscalCode));
  }

  getEcRegistration(fiscalCode: string): EcRegistration | null {
    const ec = this.ctx.registry.findEc(String(fiscalCode).trim());
    return ec ? this.registration(ec) : null;
  }

  setEnvironment(fiscalCode: string, environment: Environment): EcRegistration {
    const env = parseInput(z.enum(environments, { error: 'Ambiente non valido: collaudo o esercizio.' }), environment);
    const { db, registry } = this.ctx;
    db.transaction(() => {
      const ec = this.requireEc(fiscalCode);
      if (env === 'esercizio' && !(registry.hasApiKeys(ec.fiscalCode, 'nodauth') && registry.hasActiveStation(ec.fiscalCode))) {
        throw new AppError('NODO_ONBOARDING_INCOMPLETE');
      }
      registry.setEnvironment(ec.fiscalCode, env, nowIso(this.ctx.clock));
    })();
    return this.registration(this.requireEc(fiscalCode));
  }

  setIbans(ecFiscalCode: string, ibans: readonly string[]): string[] {
    const list = parseInput(z.array(z.string()).max(500), ibans);
    const fieldErrors: FieldErrors = {};
    const normalized = new Set<string>();
    list.forEach((raw, i) => {
      const check = validateIban(raw);
      if (check.ok) normalized.add(check.value.iban);
      else fieldErrors[`ibans.${i}`] = [check.message];
    });
    if (Object.keys(fieldErrors).length > 0) throw new AppError('IPC_INVALID_INPUT', { fieldErrors });
    const { db, registry } = this.ctx;
    db.transaction(() => {
      const ec = this.requireEc(ecFiscalCode);
      registry.replaceIbans(ec.fiscalCode, [...normalized].sort(), nowIso(this.ctx.clock));
    })();
    return registry.listIbans(ecFiscalCode);
  }

  listIbans(ecFiscalCode: string): string[] {
    return this.ctx.registry.listIbans(this.requireEc(ecFiscalCode).fiscalCode);
  }

  /** Creates the station "In revisione"; MockNodo then runs the connection test at once. */
  createStation(input: unknown): string {
    const s = parseInput(stationCreateInput, input);
    const { db, registry } = this.ctx;
    return db.transaction(() => {
      const ec = this.requireEc(s.ecFiscalCode);
      if (ec.brokerFiscalCode !== s.brokerFiscalCode) {
        throw new AppError('NODO_BROKER_MISMATCH', { fieldErrors: { brokerFiscalCode: [`L’Ente è collegato tramite ${ec.brokerFiscalCode}.`] } });
      }
      if (registry.segregationCodeTaken(ec.fiscalCode, s.segregationCode)) {
        throw new AppError('NODO_SEGREGATION_CODE_TAKEN', { fieldErrors: { segregationCode: ['Codice di segregazione già usato da un’altra stazione.'] } });
      }
      let code: string;
      try {
        code = nextStationCode(s.brokerFiscalCode, registry.stationCodesOfBroker(s.brokerFiscalCode));
      } catch {
        throw new AppError('NODO_STATION_CODES_EXHAUSTED');
      }
      const at = nowIso(this.ctx.clock);
      registry.insertStation(
        {
          code,
          brokerFiscalCode: s.brokerFiscalCode,
          primitiveVersion: s.primitiveVersion,
          connection: s.connection,
          passwordHash: hashStationPassword(s.password),
          timeouts: s.timeouts,
          flagStandIn: s.flagStandIn,
        },
        at,
      );
      registry.insertLink({ stationCode: code, ecFiscalCode: ec.fiscalCode, auxDigit: 3, segregationCode: s.segregationCode, broadcast: s.broadcast });
      return code;
    })();
  }

  /** Applies the changes and puts the station back "In revisione"; returns its new version. */
  updateStation(code: string, patch: unknown): number {
    const p = parseInput(stationUpdateInput, patch);
    const { db, registry } = this.ctx;
    return db.transaction(() => {
      const st = this.requireStation(code);
      const next: StationRecord = {
        ...st,
        connection: p.connection ?? st.connection,
        primitiveVersion: p.primitiveVersion ?? st.primitiveVersion,
        passwordHash: p.password !== undefined ? hashStationPassword(p.password) : st.passwordHash,
        timeouts: {
          verifyMs: p.timeouts?.verifyMs ?? st.timeouts.verifyMs,
          getPaymentMs: p.timeouts?.getPaymentMs ?? st.timeouts.getPaymentMs,
          sendReceiptMs: p.timeouts?.sendReceiptMs ?? st.timeouts.sendReceiptMs,
        },
        flagStandIn: p.flagStandIn ?? st.flagStandIn,
      };
      registry.updateStation(next, nowIso(this.ctx.clock));
      if (p.broadcast !== undefined) registry.setBroadcast(code, p.broadcast);
      return st.version + 1;
    })();
  }

  /**
   * "Verifica URL": the configuration rules, then whether a station service listens for the code, then
   * a probe paVerifyPaymentNotice for a notice that cannot exist, which any well-formed answer passes.
   */
  async verifyStation(code: string): Promise<Station> {
    const st = this.requireStation(code);
    const links = this.ctx.registry.linksOfStation(st.code);
    const environment: Environment = links.some((l) => this.ctx.registry.findEc(l.ecFiscalCode)?.environment === 'esercizio')
      ? 'esercizio'
      : 'collaudo';
    let reason = stationConfigurationProblem(st, environment);
    const link = links[0];
    if (!reason && !link) reason = 'La stazione non è associata ad alcun Ente.';
    if (!reason && !this.ctx.network.isConnected(st.code)) {
      reason = `Nessuna risposta all’indirizzo ${stationUrl(st.connection)}: il servizio della stazione non è in ascolto.`;
    }
    if (!reason && link) {
      const probe = generateNoticeNumber(link.segregationCode, '0000000000000');
      const res = await this.ctx.network.call(
        st.code,
        'paVerifyPaymentNotice',
        st.timeouts.verifyMs,
        {},
        (port) =>
          port.paVerifyPaymentNotice({
            idPA: link.ecFiscalCode,
            idBrokerPA: st.brokerFiscalCode,
            idStation: st.code,
            qrCode: { fiscalCode: link.ecFiscalCode, noticeNumber: probe },
          }),
        paVerifyPaymentNoticeRes,
      );
      if (!res.ok) reason = `La verifica della connessione non è riuscita: ${res.description}`;
    }
    const at = nowIso(this.ctx.clock);
    // only the version that was tested gets the verdict: an edit meanwhile starts its own test
    this.ctx.db.transaction(() => {
      const current = this.ctx.registry.findStation(st.code);
      if (current && current.version === st.version) {
        this.ctx.registry.setStationState(st.code, reason ? 'Da correggere' : 'Attiva', reason, at);
      }
    })();
    if (reason) this.ctx.logger.info('nodo.station.toFix', { code: st.code, reason });
    return this.getStation(st.code)!;
  }

  setStationEnabled(code: string, enabled: boolean): Station {
    const flag = parseInput(z.boolean(), enabled);
    this.requireStation(code);
    this.ctx.registry.setStationEnabled(code, flag, nowIso(this.ctx.clock));
    return this.getStation(code)!;
  }

  getStation(code: string): Station | null {
    const st = this.ctx.registry.findStation(String(code));
    return st ? this.toStation(st) : null;
  }

  listStations(filters: unknown): Station[] {
    const f = parseInput(stationFilters, filters ?? {});
    return this.ctx.registry.listStations(f).map((s) => this.toStation(s));
  }

  issueApiKeys(ecFiscalCode: string, product: ApiProduct): ApiKeyPair {
    const p = parseInput(productSchema, product);
    const primary = newApiKey();
    const secondary = newApiKey();
    const { db, registry } = this.ctx;
    const ec = db.transaction(() => {
      const found = this.requireEc(ecFiscalCode);
      if (registry.hasApiKeys(found.fiscalCode, p)) throw new AppError('NODO_API_KEYS_ALREADY_ISSUED');
      const at = nowIso(this.ctx.clock);
      registry.putApiKey(found.fiscalCode, p, 'primary', sha256Hex(primary), at);
      registry.putApiKey(found.fiscalCode, p, 'secondary', sha256Hex(secondary), at);
      return found;
    })();
    return { ecFiscalCode: ec.fiscalCode, product: p, primary, secondary };
  }

  /** "Rigenera": the new key replaces the old one, which stops working at once. */
  regenerateApiKey(ecFiscalCode: string, product: ApiProduct, slot: ApiKeySlot): { product: ApiProduct; slot: ApiKeySlot; key: string } {
    const p = parseInput(productSchema, product);
    const s = parseInput(slotSchema, slot);
    const key = newApiKey();
    const { db, registry } = this.ctx;
    db.transaction(() => {
      const ec = this.requireEc(ecFiscalCode);
      if (!registry.hasApiKeys(ec.fiscalCode, p)) throw new AppError('NODO_API_KEYS_NOT_ISSUED');
      registry.putApiKey(ec.fiscalCode, p, s, sha256Hex(key), nowIso(this.ctx.clock));
    })();
    return { product: p, slot: s, key };
  }

  listApiKeys(ecFiscalCode: string): ApiKeyInfo[] {
    const ec = this.requireEc(ecFiscalCode);
    const byProduct = new Map<ApiProduct, ApiKeyInfo>();
    for (const k of this.ctx.registry.apiKeys(ec.fiscalCode)) {
      const info = byProduct.get(k.product) ?? { product: k.product, label: apiProductLabels[k.product], primaryCreatedAt: '', secondaryCreatedAt: '' };
      if (k.slot === 'primary') info.primaryCreatedAt = k.createdAt;
      else info.secondaryCreatedAt = k.createdAt;
      byProduct.set(k.product, info);
    }
    return apiProducts.flatMap((p) => (byProduct.has(p) ? [byProduct.get(p)!] : []));
  }

  authenticate(apiKey: string, product: ApiProduct): ApiKeyIdentity | null {
    if (typeof apiKey !== 'string' || apiKey.length === 0 || apiKey.length > 256) return null;
    const found = this.ctx.registry.findApiKey(sha256Hex(apiKey));
    return found && found.product === product ? found : null;
  }

  requireEc(fiscalCode: string): EcRecord {
    const code = parseInput(ecCode, typeof fiscalCode === 'string' ? fiscalCode.trim() : fiscalCode);
    const ec = this.ctx.registry.findEc(code);
    if (!ec) throw new AppError('NODO_EC_NOT_REGISTERED');
    return ec;
  }

  private requireStation(code: string): StationRecord {
    const st = this.ctx.registry.findStation(String(code));
    if (!st) throw new AppError('NODO_STATION_NOT_FOUND');
    return st;
  }

  private registration(ec: EcRecord): EcRegistration {
    const { registry } = this.ctx;
    return {
      fiscalCode: ec.fiscalCode,
      name: ec.name,
      address: ec.address,
      city: ec.city,
      province: ec.province,
      postalCode: ec.postalCode,
      fiscalDomicile: ec.fiscalDomicile,
      connection: ec.partnerFiscalCode ? { partnerFiscalCode: ec.partnerFiscalCode } : 'direct',
      brokerFiscalCode: ec.brokerFiscalCode,
      environment: ec.environment,
      status: 'registered',
      onboarding: {
        registered: true,
        nodoApiKey: registry.hasApiKeys(ec.fiscalCode, 'nodauth'),
        activeStation: registry.hasActiveStation(ec.fiscalCode),
        ibans: registry.countIbans(ec.fiscalCode),
      },
      registeredAt: ec.registeredAt,
      updatedAt: ec.updatedAt,
    };
  }

  private toStation(st: StationRecord): Station {
    return {
      code: st.code,
      brokerFiscalCode: st.brokerFiscalCode,
      enabled: st.enabled,
      version: st.version,
      primitiveVersion: st.primitiveVersion,
      connection: st.connection,
      timeouts: st.timeouts,
      flagStandIn: st.flagStandIn,
      state: st.state,
      stateReason: st.stateReason,
      verifiedAt: st.verifiedAt,
      ecs: this.ctx.registry.linksOfStation(st.code).map((l) => ({
        ecFiscalCode: l.ecFiscalCode,
        auxDigit: l.auxDigit,
        segregationCode: l.segregationCode,
        broadcast: l.broadcast,
      })),
      createdAt: st.createdAt,
      updatedAt: st.updatedAt,
    };
  }
}
