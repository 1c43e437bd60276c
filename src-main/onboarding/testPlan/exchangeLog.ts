import type { EcStationPort } from '../../../src-shared/sanp/messages';
import type { ExchangeStep } from '../../../src-shared/ipc/schemas/testActivities';
import type { Clock } from '../../platform/clock';
import { nowIso } from '../../platform/clock';

type Party = ExchangeStep['from'];

/**
 * The messages of one test case, in the order they crossed the network. The runner writes the PSP's
 * side; `tap` records what the Nodo sends the EC station and what the station answers.
 */
export class ExchangeLog {
  private steps: ExchangeStep[] = [];
  private seq = 0;

  constructor(private readonly clock: Clock) {}

  /** Starts a new case: returns the steps of the previous one. */
  take(): ExchangeStep[] {
    const out = this.steps;
    this.steps = [];
    this.seq = 0;
    return out;
  }

  add(from: Party, to: Party, primitive: string, kind: ExchangeStep['kind'], body: unknown, note: string | null = null): ExchangeStep {
    const step: ExchangeStep = { seq: ++this.seq, at: nowIso(this.clock), from, to, primitive, kind, body: JSON.stringify(body, null, 2), note };
    this.steps.push(step);
    return step;
  }

  /** The last station answer recorded for a primitive (to annotate it, e.g. "arrived too late"). */
  lastStationAnswer(primitive: string): ExchangeStep | undefined {
    return [...this.steps].reverse().find((s) => s.from === 'Stazione EC' && s.primitive === primitive);
  }

  /** A PSP call through the Nodo, request and answer (or the error that came back instead). */
  async psp<T>(primitive: string, request: unknown, call: () => Promise<T>): Promise<T> {
    this.add('PSP', 'Nodo', primitive, 'request', request);
    try {
      const response = await call();
      this.add('Nodo', 'PSP', primitive, 'response', response);
      return response;
    } catch (error) {
      this.add('Nodo', 'PSP', primitive, 'response', { error: error instanceof Error ? error.message : String(error) }, 'nessuna risposta valida');
      throw error;
    }
  }

  /** Wraps the EC's real station: every call is passed through unchanged and recorded both ways. */
  tap(station: EcStationPort): EcStationPort {
    const record = async <Req, Res>(primitive: string, req: Req, call: (r: Req) => Promise<Res>): Promise<Res> => {
      this.add('Nodo', 'Stazione EC', primitive, 'request', req);
      const res = await call(req);
      this.add('Stazione EC', 'Nodo', primitive, 'response', res);
      return res;
    };
    return {
      paVerifyPaymentNotice: (req) => record('paVerifyPaymentNotice', req, (r) => station.paVerifyPaymentNotice(r)),
      paGetPaymentV2: (req) => record('paGetPaymentV2', req, (r) => station.paGetPaymentV2(r)),
      paSendRTV2: (req) => record('paSendRTV2', req, (r) => station.paSendRTV2(r)),
    };
  }
}
