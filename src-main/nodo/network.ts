import type { z } from 'zod';
import type { EcStationPort } from '../../src-shared/sanp/messages';
import type { Logger } from '../platform/logger';
import type { SeededRandom } from '../platform/random';

export type StationOperation = 'paVerifyPaymentNotice' | 'paGetPaymentV2' | 'paSendRTV2';

export type NetworkFailure = 'PPT_STAZIONE_INT_PA_TIMEOUT' | 'PPT_STAZIONE_INT_PA_IRRAGGIUNGIBILE' | 'PPT_SYSTEM_ERROR';

export type NetworkResult<T> =
  | { ok: true; value: T; latencyMs: number }
  /** `reached`: the request got to the station (it may have acted on it) even though no answer came back */
  | { ok: false; failure: NetworkFailure; description: string; reached: boolean };

/** Faults a scenario asks the network to inject into one call. */
export interface Injection {
  /** the request arrives, the answer comes back too late */
  timeout?: boolean;
  /** the request never arrives */
  unreachable?: boolean;
  extraLatencyMs?: number;
}

export interface NetworkOptions {
  /** added to every call */
  latencyMs: number;
  /** uniform 0..jitterMs on top, from the seeded RNG */
  jitterMs: number;
  rng: SeededRandom;
  /**
   * How simulated latency passes. Default: it does not (tests stay fast; latency only counts against
   * the timeout). Pass a real sleep for demos, or a ManualClock's advance for time-accurate tests.
   */
  sleep: (ms: number) => Promise<void> | void;
  /** also race the station against a real timer, so a station that never answers cannot hang the Nodo */
  realTimeoutGuard: boolean;
  logger: Logger;
}

class RealTimeout extends Error {}

/** A station that throws synchronously is treated like one that rejects. */
function start(invoke: (port: EcStationPort) => Promise<unknown>, port: EcStationPort): Promise<unknown> {
  try {
    return invoke(port);
  } catch (error) {
    return Promise.reject(error);
  }
}

/**
 * The simulated network between the Nodo and the EC stations: which station is listening, latency,
 * timeouts, outages. Every station call goes through `call`, which never throws.
 */
export class NetworkSimulator {
  private readonly ports = new Map<string, EcStationPort>();

  constructor(private readonly options: NetworkOptions) {}

  connect(stationCode: string, port: EcStationPort): () => void {
    this.ports.set(stationCode, port);
    return () => {
      if (this.ports.get(stationCode) === port) this.ports.delete(stationCode);
    };
  }

  disconnect(stationCode: string): void {
    this.ports.delete(stationCode);
  }

  isConnected(stationCode: string): boolean {
    return this.ports.has(stationCode);
  }

  async call<T>(
    stationCode: string,
    operation: StationOperation,
    timeoutMs: number,
    injection: Injection,
    invoke: (port: EcStationPort) => Promise<unknown>,
    schema: z.ZodType<T>,
  ): Promise<NetworkResult<T>> {
    const port = this.ports.get(stationCode);
    if (!port) {
      return { ok: false, failure: 'PPT_STAZIONE_INT_PA_IRRAGGIUNGIBILE', description: `Nessun servizio in ascolto per la stazione ${stationCode}.`, reached: false };
    }
    if (injection.unreachable) {
      return { ok: false, failure: 'PPT_STAZIONE_INT_PA_IRRAGGIUNGIBILE', description: `Stazione ${stationCode} irraggiungibile (scenario simulato).`, reached: false };
    }
    // drawn before any await so the RNG sequence depends only on the order of calls
    const jitter = this.options.jitterMs > 0 ? this.options.rng.int(0, this.options.jitterMs) : 0;
    const latencyMs = this.options.latencyMs + jitter + (injection.extraLatencyMs ?? 0);

    if (injection.timeout || latencyMs >= timeoutMs) {
      // the request does reach the station, which acts on it; only the answer is lost
      try {
        await this.guarded(start(invoke, port), timeoutMs);
      } catch {
        // whatever the station did, the Nodo never hears of it
      }
      await this.options.sleep(timeoutMs);
      return {
        ok: false,
        failure: 'PPT_STAZIONE_INT_PA_TIMEOUT',
        description: `La stazione ${stationCode} non ha risposto a ${operation} entro ${timeoutMs} ms.`,
        reached: true,
      };
    }

    if (latencyMs > 0) await this.options.sleep(latencyMs);
    let raw: unknown;
    try {
      raw = await this.guarded(start(invoke, port), timeoutMs);
    } catch (error) {
      if (error instanceof RealTimeout) {
        return { ok: false, failure: 'PPT_STAZIONE_INT_PA_TIMEOUT', description: `La stazione ${stationCode} non ha risposto a ${operation} entro ${timeoutMs} ms.`, reached: true };
      }
      this.options.logger.warn('nodo.station.error', { stationCode, operation, error });
      return { ok: false, failure: 'PPT_SYSTEM_ERROR', description: `Errore della stazione ${stationCode} su ${operation}.`, reached: true };
    }
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      this.options.logger.warn('nodo.station.badResponse', { stationCode, operation, issues: parsed.error.issues.slice(0, 5) });
      return { ok: false, failure: 'PPT_SYSTEM_ERROR', description: `Risposta non conforme della stazione ${stationCode} a ${operation}.`, reached: true };
    }
    return { ok: true, value: parsed.data, latencyMs };
  }

  private guarded<T>(promise: Promise<T>, timeoutMs: number): Promise<T> {
    if (!this.options.realTimeoutGuard) return promise;
    let timer: NodeJS.Timeout | undefined;
    const limit = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new RealTimeout()), timeoutMs);
      timer.unref();
    });
    return Promise.race([promise, limit]).finally(() => clearTimeout(timer));
  }
}
