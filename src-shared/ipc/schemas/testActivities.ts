import { z } from 'zod';
import { environments } from './ec';
import { id } from './common';

/**
 * Test activities before production ("collaudo"): a plan of SANP cases run against the mock Nodo
 * through the EC's real station, each with what was expected, what came back and the messages.
 */
export const testCaseIds = [
  'verify',
  'activate',
  'pay',
  'receipt',
  'duplicateReceipt',
  'expired',
  'cancelled',
  'unknown',
  'stationTimeout',
] as const;
export type TestCaseId = (typeof testCaseIds)[number];

export const exchangeParties = ['PSP', 'Nodo', 'Stazione EC'] as const;

export const exchangeStep = z.object({
  seq: z.number().int(),
  at: z.string(),
  from: z.enum(exchangeParties),
  to: z.enum(exchangeParties),
  /** SANP primitive, e.g. verifyPaymentNotice, paGetPaymentV2 */
  primitive: z.string(),
  kind: z.enum(['request', 'response']),
  /** the message as pretty-printed JSON with SANP field names */
  body: z.string(),
  /** e.g. "risposta giunta oltre il timeout" */
  note: z.string().nullable(),
});
export type ExchangeStep = z.infer<typeof exchangeStep>;

export const testCaseResult = z.object({
  id: z.enum(testCaseIds),
  title: z.string(),
  mandatory: z.boolean(),
  noticeNumber: z.string().nullable(),
  expected: z.string(),
  obtained: z.string(),
  passed: z.boolean(),
  exchange: z.array(exchangeStep),
});
export type TestCaseResult = z.infer<typeof testCaseResult>;

export const testRunSummary = z.object({
  id: z.number().int(),
  startedAt: z.string(),
  finishedAt: z.string(),
  stationCode: z.string(),
  environment: z.enum(environments),
  /** every mandatory case passed */
  passed: z.boolean(),
  mandatoryTotal: z.number().int(),
  mandatoryPassed: z.number().int(),
  total: z.number().int(),
  passedCount: z.number().int(),
  runBy: z.string(),
});
export type TestRunSummary = z.infer<typeof testRunSummary>;

export const testRun = testRunSummary.extend({ cases: z.array(testCaseResult) });
export type TestRun = z.infer<typeof testRun>;

export const testRunIdInput = z.object({ id });

export const testRunReport = z.object({
  fileName: z.string(),
  /** the PDF, base64 */
  base64: z.string(),
});
export type TestRunReport = z.infer<typeof testRunReport>;

/** What the Referente dei Pagamenti sees before moving the EC to esercizio and back. */
export const environmentStatus = z.object({
  environment: z.enum(environments),
  registered: z.boolean(),
  lastRun: testRunSummary.nullable(),
  /** the latest run passed every mandatory case */
  canGoLive: z.boolean(),
});
export type EnvironmentStatus = z.infer<typeof environmentStatus>;

export const environmentSetInput = z.object({ environment: z.enum(environments) });
