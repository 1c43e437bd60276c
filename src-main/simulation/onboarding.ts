import { randomBytes } from 'node:crypto';
import { AppError } from '../../src-shared/errors';
import type { Core } from '../core/createCore';
import type { EcCensimentoInput, Station } from '../nodo/nodoClient';
import { ecAccounts } from './catalogue';

export interface OnboardingReport {
  ecFiscalCode: string;
  brokerFiscalCode: string;
  /** whether this run registered the EC (false: it was registered already) */
  registered: boolean;
  /** the IBANs the Nodo now holds for the EC */
  ibans: string[];
  station: { code: string; state: Station['state']; created: boolean };
}

export interface OnboardingOptions {
  /** censimento fields to use instead of the defaults derived from the EC's name */
  censimento?: Partial<Omit<EcCensimentoInput, 'fiscalCode' | 'name' | 'connection'>>;
}

/** "comune-di-test" from "Comune di Test": a host-name label from the EC's name. */
export function hostLabel(name: string): string {
  const label = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63)
    .replace(/-+$/, '');
  return label === '' ? 'ente' : label;
}

/**
 * Makes the EC of the data dir usable on the mock Nodo, as its Referenti would through the back
 * office: censimento (direct connection) unless already registered, the IBAN list as the EC keeps it,
 * a station for its segregation code (primitives v2, https) unless one exists, then connects the
 * EC's station service and runs "Verifica URL" until the station is 'Attiva'. Safe to run again: what
 * is already in place is kept (an existing registration through a partner, an existing station).
 */
export async function onboardForSimulation(core: Core, options: OnboardingOptions = {}): Promise<OnboardingReport> {
  const ec = core.ecProfile.get();
  if (!ec) throw new AppError('SETUP_REQUIRED');
  const { nodo } = core;

  let registration = await nodo.getEcRegistration(ec.fiscalCode);
  const registered = registration === null;
  if (!registration) {
    const city = ec.name.match(/^Comune di (.+)$/i)?.[1]?.trim() ?? 'Roma';
    registration = await nodo.registerEc({
      fiscalCode: ec.fiscalCode,
      name: ec.name,
      address: 'Piazza del Municipio 1',
      city,
      province: 'RM',
      postalCode: '00184',
      fiscalDomicile: `Piazza del Municipio 1, ${city}`,
      ...options.censimento,
      connection: 'direct',
    });
  }

  // the Nodo checks every transfer's IBAN against this list once it is not empty
  const ibans = await nodo.setIbans(ec.fiscalCode, ecAccounts(core).all);

  const stations = await nodo.listStations({ ecFiscalCode: ec.fiscalCode });
  let station = stations.find((s) => s.ecs.some((l) => l.ecFiscalCode === ec.fiscalCode && l.segregationCode === ec.segregationCode));
  const created = station === undefined;
  if (!station) {
    station = await nodo.createStation({
      brokerFiscalCode: registration.brokerFiscalCode,
      ecFiscalCode: ec.fiscalCode,
      connection: { protocol: 'https', host: `pagopa.${hostLabel(ec.name)}.it`, port: 443, path: '/sportello/nodo/v2' },
      primitiveVersion: 2,
      // nobody logs in with it in a simulation; the Nodo keeps only its hash
      password: randomBytes(18).toString('base64url'),
      segregationCode: ec.segregationCode,
    });
  }
  if (!station.enabled) {
    throw new AppError('SIMULATION_STATION_NOT_ACTIVE', {
      message: `La stazione ${station.code} è disabilitata sul Nodo dei Pagamenti: riabilitala dal Back Office prima di simulare pagamenti.`,
    });
  }
  // the EC listens on its stations only once the core knows them; the connection test needs that
  await core.refreshStations();
  if (station.state !== 'Attiva') station = await nodo.verifyStation(station.code);
  if (station.state !== 'Attiva') {
    throw new AppError('SIMULATION_STATION_NOT_ACTIVE', {
      message: `La stazione ${station.code} è «${station.state}»: ${station.stateReason ?? 'verifica della connessione non riuscita'}.`,
    });
  }
  return {
    ecFiscalCode: ec.fiscalCode,
    brokerFiscalCode: registration.brokerFiscalCode,
    registered,
    ibans,
    station: { code: station.code, state: station.state, created },
  };
}
