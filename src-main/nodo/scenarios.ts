import { generateNoticeNumber } from '../../src-shared/domain/noticeNumber';

/**
 * Fault scenarios of the mock Nodo, as pagoPA's own mock EC offers them: chosen by configuration
 * (rules) or by the notice number itself, so a tester can provoke one from the kiosk by typing a
 * notice. See SCENARIOS.md.
 *
 * Notice pattern (18 digits): `A SS 999 CC T NNNNNNN KK`
 *   A aux digit, SS segregation code, `999` marker, CC scenario code, T count, N free, KK check digits.
 *   T = how many times the fault is injected for that notice (0 = every time); for `07` (latency)
 *   T is the latency in seconds instead, 0 meaning 20 s (beyond the default 15 s station timeout).
 */
export const scenarioNames = [
  'stationTimeout',
  'stationUnreachable',
  'pspRefuses',
  'duplicateReceipt',
  'tokenExpiry',
  'outcomeLost',
  'latency',
  'receiptUnreachable',
] as const;
export type ScenarioName = (typeof scenarioNames)[number];

export const scenarioCodes: Readonly<Record<string, ScenarioName>> = {
  '01': 'stationTimeout',
  '02': 'stationUnreachable',
  '03': 'pspRefuses',
  '04': 'duplicateReceipt',
  '05': 'tokenExpiry',
  '06': 'outcomeLost',
  '07': 'latency',
  '08': 'receiptUnreachable',
};

export const scenarioDescriptions: Readonly<Record<ScenarioName, string>> = {
  stationTimeout: 'La stazione riceve paVerifyPaymentNotice/paGetPaymentV2 ma risponde oltre il timeout (PPT_STAZIONE_INT_PA_TIMEOUT).',
  stationUnreachable: 'La stazione non è raggiungibile per paVerifyPaymentNotice/paGetPaymentV2 (PPT_STAZIONE_INT_PA_IRRAGGIUNGIBILE).',
  pspRefuses: 'Il PSP rifiuta il pagamento: esito KO, l’avviso resta pagabile.',
  duplicateReceipt: 'La conferma di paSendRTV2 va persa: il Nodo consegna di nuovo la ricevuta (PAA_RECEIPT_DUPLICATA).',
  tokenExpiry: 'Il token scade prima dell’esito del PSP (PPT_TOKEN_SCADUTO).',
  outcomeLost: 'La risposta a sendPaymentOutcomeV2 va persa: il PSP ripete l’esito (PPT_ESITO_GIA_ACQUISITO).',
  latency: 'La stazione risponde lentamente (latenza in secondi dalla cifra T).',
  receiptUnreachable: 'La stazione non è raggiungibile per paSendRTV2: la ricevuta viene ritentata più tardi.',
};

const MARKER = '999';
const LATENCY_WHEN_ZERO_MS = 20_000;

/** A scenario picked for one call. `times` 0 means every time. */
export interface ActiveScenario {
  scenario: ScenarioName;
  times: number;
  /** extra latency for `latency` */
  latencyMs: number;
  source: 'config' | 'notice';
}

/** A configured scenario; every given matcher must match. */
export interface ScenarioRule {
  scenario: ScenarioName;
  noticeNumber?: string;
  /** the notice number starts with this */
  noticePrefix?: string;
  ecFiscalCode?: string;
  stationCode?: string;
  /** default 0 = every time */
  times?: number;
  /** for `latency`; default 2,000 ms */
  latencyMs?: number;
}

export interface ScenarioContext {
  noticeNumber: string;
  ecFiscalCode: string;
  stationCode?: string | null;
}

/** The scenario a notice number asks for through the `999CCT` pattern, or null. */
export function scenarioFromNotice(noticeNumber: string): ActiveScenario | null {
  if (noticeNumber.length !== 18 || noticeNumber.slice(3, 6) !== MARKER) return null;
  const scenario = scenarioCodes[noticeNumber.slice(6, 8)];
  const t = noticeNumber.charCodeAt(8) - 48;
  if (!scenario || t < 0 || t > 9) return null;
  if (scenario === 'latency') {
    return { scenario, times: 0, latencyMs: t === 0 ? LATENCY_WHEN_ZERO_MS : t * 1000, source: 'notice' };
  }
  return { scenario, times: t, latencyMs: 0, source: 'notice' };
}

function ruleMatches(rule: ScenarioRule, ctx: ScenarioContext): boolean {
  if (rule.noticeNumber !== undefined && rule.noticeNumber !== ctx.noticeNumber) return false;
  if (rule.noticePrefix !== undefined && !ctx.noticeNumber.startsWith(rule.noticePrefix)) return false;
  if (rule.ecFiscalCode !== undefined && rule.ecFiscalCode !== ctx.ecFiscalCode) return false;
  if (rule.stationCode !== undefined && rule.stationCode !== (ctx.stationCode ?? undefined)) return false;
  return true;
}

/**
 * The scenarios that apply to a call: configured rules first (in order), then the notice pattern
 * (unless disabled). Several may apply at once, e.g. a configured latency and a notice's timeout.
 */
export function selectScenarios(ctx: ScenarioContext, rules: readonly ScenarioRule[], noticePatterns: boolean): ActiveScenario[] {
  const out: ActiveScenario[] = [];
  for (const rule of rules) {
    if (!ruleMatches(rule, ctx)) continue;
    out.push({
      scenario: rule.scenario,
      times: rule.times ?? 0,
      latencyMs: rule.scenario === 'latency' ? (rule.latencyMs ?? 2_000) : 0,
      source: 'config',
    });
  }
  if (noticePatterns) {
    const fromNotice = scenarioFromNotice(ctx.noticeNumber);
    if (fromNotice) out.push(fromNotice);
  }
  return out;
}

export function findScenario(active: readonly ActiveScenario[], name: ScenarioName): ActiveScenario | undefined {
  return active.find((a) => a.scenario === name);
}

/**
 * A notice number that triggers a scenario (aux digit 3, correct check digits): handy for demo data
 * and tests. `times` is the T digit (for latency: seconds); `serial` fills the 7 free digits.
 */
export function scenarioNotice(segregationCode: string, scenario: ScenarioName, times: number, serial = 1): string {
  const code = Object.keys(scenarioCodes).find((k) => scenarioCodes[k] === scenario);
  if (!code) throw new RangeError(`Scenario sconosciuto: ${scenario}`);
  if (!Number.isInteger(times) || times < 0 || times > 9) throw new RangeError('La cifra T va da 0 a 9.');
  if (!Number.isInteger(serial) || serial < 0 || serial > 9_999_999) throw new RangeError('Progressivo fuori intervallo.');
  return generateNoticeNumber(segregationCode, `${MARKER}${code}${times}${String(serial).padStart(7, '0')}`);
}

/**
 * Counts injections of scenarios limited to T times. In memory: after a restart a limited fault may
 * fire again, which only repeats a failure the system already survives.
 */
export class ScenarioCounter {
  private readonly counts = new Map<string, number>();

  /** True when the fault should fire now (and counts it). */
  fire(active: ActiveScenario, key: string): boolean {
    if (active.times === 0) return true;
    const id = `${active.scenario}|${active.source}|${key}`;
    const used = this.counts.get(id) ?? 0;
    if (used >= active.times) return false;
    this.counts.set(id, used + 1);
    return true;
  }
}
