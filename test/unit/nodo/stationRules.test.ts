import { describe, expect, it } from 'vitest';
import type { StationConnection } from '../../../src-main/nodo/nodoClient';
import { isValidStationHost, stationConfigurationProblem } from '../../../src-main/nodo/onboarding';

const ok = { connection: { protocol: 'https', host: 'pagopa.comune.example', port: 443, path: '/nodo' } as StationConnection, primitiveVersion: 2 as const };
const withConnection = (c: Partial<StationConnection>) => ({ ...ok, connection: { ...ok.connection, ...c } });

describe('Verifica URL: configuration rules', () => {
  it('accepts a well-formed https station on primitives v2', () => {
    expect(stationConfigurationProblem(ok, 'esercizio')).toBeNull();
    expect(stationConfigurationProblem(withConnection({ protocol: 'http', host: '10.0.0.12', port: 8080, path: '/' }), 'collaudo')).toBeNull();
  });

  it('names what to correct', () => {
    expect(stationConfigurationProblem(withConnection({ host: 'pago pa' }), 'collaudo')).toMatch(/^Host non valido/);
    expect(stationConfigurationProblem(withConnection({ port: 0 }), 'collaudo')).toMatch(/^Porta non valida/);
    expect(stationConfigurationProblem(withConnection({ path: 'nodo' }), 'collaudo')).toMatch(/^Percorso non valido/);
    expect(stationConfigurationProblem(withConnection({ path: '/a/../b' }), 'collaudo')).toMatch(/^Percorso non valido/);
    expect(stationConfigurationProblem(withConnection({ path: '/a?x=1' }), 'collaudo')).toMatch(/^Percorso non valido/);
    expect(stationConfigurationProblem(withConnection({ protocol: 'http' }), 'esercizio')).toMatch(/HTTPS/);
    expect(stationConfigurationProblem({ ...ok, primitiveVersion: 1 }, 'collaudo')).toMatch(/versione 2/);
  });

  it('knows host names and IPv4 addresses', () => {
    for (const h of ['localhost', 'a.b', 'Pagopa.Comune.IT', 'x-1.example', '192.168.1.1']) expect(isValidStationHost(h)).toBe(true);
    for (const h of ['', '-a.it', 'a-.it', 'a..it', 'a_b.it', '999.1.1.1', '1.2.3', 'http://a.it', `${'a'.repeat(64)}.it`]) expect(isValidStationHost(h)).toBe(false);
  });
});
