import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EnvironmentStatus, TestRun, TestRunReport, TestRunSummary } from '../../../src-shared/ipc/schemas/testActivities';
import type { StationView } from '../../../src-shared/ipc/schemas/stations';
import { TEST_IUPD_PREFIX } from '../../../src-main/onboarding';
import { createTestCore, demoAdmin, demoOperator, dumpDatabase, type TestCore } from '../../support/testCore';
import { ADMIN, OPERATOR, call, registerOnNodo, stationForm } from './support';

let t: TestCore;
beforeEach(async () => {
  t = await createTestCore({ demo: true });
  await call(t, ADMIN, 'auth.signIn', demoAdmin);
  await call(t, OPERATOR, 'auth.signIn', demoOperator);
  await registerOnNodo(t.core);
});
afterEach(() => t.close());

const withStation = () => call<StationView>(t, OPERATOR, 'stations.create', stationForm);

describe('test plan (collaudo)', () => {
  it('refuses to start without a station for the EC’s segregation code, or with one that is not Attiva', async () => {
    expect(await t.invoke(OPERATOR, 'testActivities.run')).toMatchObject({ ok: false, error: { code: 'TEST_PLAN_NO_STATION' } });
    await call(t, OPERATOR, 'stations.create', { ...stationForm, primitiveVersion: 1 });
    const result = await t.invoke(OPERATOR, 'testActivities.run');
    expect(result).toMatchObject({ ok: false, error: { code: 'TEST_PLAN_STATION_NOT_ACTIVE' } });
    if (!result.ok) expect(result.error.message).toContain('80012345676_01');
    expect(await call<TestRunSummary[]>(t, OPERATOR, 'testActivities.list')).toEqual([]);
  });

  it('passes every case against the real EC station, with expected, obtained and the SANP messages', async () => {
    await withStation();
    const run = await call<TestRun>(t, OPERATOR, 'testActivities.run');
    expect(run).toMatchObject({ passed: true, mandatoryTotal: 8, mandatoryPassed: 8, total: 9, passedCount: 9, stationCode: '80012345676_01', environment: 'collaudo' });
    expect(run.cases.map((c) => c.id)).toEqual(['verify', 'activate', 'pay', 'receipt', 'duplicateReceipt', 'expired', 'cancelled', 'unknown', 'stationTimeout']);
    for (const c of run.cases) expect(c, c.id).toMatchObject({ passed: true, expected: expect.any(String), obtained: expect.any(String) });
    expect(run.cases.find((c) => c.id === 'stationTimeout')?.mandatory).toBe(false);

    // the activation went PSP -> Nodo -> EC station and back, with SANP field names
    const activate = run.cases.find((c) => c.id === 'activate')!;
    expect(activate.exchange.map((s) => `${s.from}>${s.to}:${s.primitive}:${s.kind}`)).toEqual([
      'PSP>Nodo:activatePaymentNoticeV2:request',
      'Nodo>Stazione EC:paGetPaymentV2:request',
      'Stazione EC>Nodo:paGetPaymentV2:response',
      'Nodo>PSP:activatePaymentNoticeV2:response',
    ]);
    const paGetPayment = JSON.parse(activate.exchange[2]!.body) as { outcome: string; data: Record<string, unknown> };
    expect(paGetPayment.outcome).toBe('OK');
    expect(Object.keys(paGetPayment.data)).toEqual(expect.arrayContaining(['creditorReferenceId', 'paymentAmount', 'transferList', 'debtor']));
    expect(activate.exchange[2]!.body).toContain('\n  "outcome": "OK"');

    const expired = run.cases.find((c) => c.id === 'expired')!;
    expect(expired.obtained).toBe('KO PPT_ERRORE_EMESSO_DA_PAA (PAA_PAGAMENTO_SCADUTO)');
    const receipt = run.cases.find((c) => c.id === 'receipt')!;
    expect(receipt.exchange.some((s) => s.primitive === 'paSendRTV2' && s.from === 'Stazione EC')).toBe(true);
    const timeout = run.cases.find((c) => c.id === 'stationTimeout')!;
    expect(timeout.exchange.find((s) => s.from === 'Stazione EC')?.note).toMatch(/oltre il timeout/);
  });

  it('keeps each run, newest first, and audits it', async () => {
    await withStation();
    const first = await call<TestRun>(t, OPERATOR, 'testActivities.run');
    const second = await call<TestRun>(t, OPERATOR, 'testActivities.run');
    const list = await call<TestRunSummary[]>(t, OPERATOR, 'testActivities.list');
    expect(list.map((r) => r.id)).toEqual([second.id, first.id]);
    expect(list[0]).not.toHaveProperty('cases');
    expect((await call<TestRun>(t, OPERATOR, 'testActivities.get', { id: first.id })).cases).toHaveLength(9);
    expect(await t.invoke(OPERATOR, 'testActivities.get', { id: 999 })).toMatchObject({ ok: false, error: { code: 'TEST_RUN_NOT_FOUND' } });
    const audit = t.core.db.prepare("SELECT entity_id, actor_name, details FROM audit_log WHERE action = 'testPlan.run' ORDER BY id").all() as Array<{ entity_id: string; actor_name: string; details: string }>;
    expect(audit.map((a) => a.entity_id)).toEqual([String(first.id), String(second.id)]);
    expect(JSON.parse(audit[0]!.details)).toMatchObject({ passed: true, mandatoryPassed: 8, failed: [] });
  });

  it('runs one plan at a time, and leaves the EC station answering normally afterwards', async () => {
    await withStation();
    const [first, second] = await Promise.all([t.invoke(OPERATOR, 'testActivities.run'), t.invoke(OPERATOR, 'testActivities.run')]);
    expect(first).toMatchObject({ ok: true, data: { passed: true } });
    expect(second).toMatchObject({ ok: false, error: { code: 'TEST_PLAN_RUNNING' } });
    // once the run is over the EC's station keeps answering the Nodo as before
    const notice = (first.ok ? (first.data as TestRun) : null)!.cases.find((c) => c.id === 'expired')!.noticeNumber!;
    const res = await t.core.nodo.verifyPaymentNotice({ idPSP: 'BESMIT01', idChannel: '99000000010_01', qrCode: { fiscalCode: '80012345676', noticeNumber: notice } });
    expect(res).toMatchObject({ outcome: 'KO', fault: { originalFaultCode: 'PAA_PAGAMENTO_SCADUTO' } });
  });

  it('marks its own positions as test positions (IUPD COLLAUDO-…, linked to the run)', async () => {
    await withStation();
    const run = await call<TestRun>(t, OPERATOR, 'testActivities.run');
    const rows = t.core.db
      .prepare<[number], { iupd: string; office_name: string; status: string }>(
        'SELECT p.iupd, p.office_name, p.status FROM test_run_position l JOIN debt_position p ON p.id = l.position_id WHERE l.run_id = ? ORDER BY p.id',
      )
      .all(run.id);
    expect(rows).toHaveLength(4);
    expect(rows.every((r) => r.iupd.startsWith(TEST_IUPD_PREFIX) && r.office_name === 'Attività di collaudo pagoPA')).toBe(true);
    // the expired one is swept to EXPIRED like any position past due with switchToExpired
    expect(rows.map((r) => r.status)).toEqual(['PAID', 'EXPIRED', 'INVALID', 'VALID']);
    // nothing else was created
    const all = t.core.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM debt_position').get()!;
    expect(all.n).toBe(4);
  });

  it('fails (and says which cases) when the EC station does not answer in time', async () => {
    await withStation();
    // every station call of the EC takes 20 s more than the 15 s timeout
    t.core.nodo.setScenarios([{ scenario: 'latency', ecFiscalCode: '80012345676', latencyMs: 20_000 }]);
    const run = await call<TestRun>(t, OPERATOR, 'testActivities.run');
    expect(run.passed).toBe(false);
    const verify = run.cases.find((c) => c.id === 'verify')!;
    expect(verify).toMatchObject({ passed: false, obtained: 'KO PPT_STAZIONE_INT_PA_TIMEOUT' });
    expect(run.cases.find((c) => c.id === 'pay')!.obtained).toMatch(/^Non eseguito/);
    expect(run.mandatoryPassed).toBeLessThan(run.mandatoryTotal);
  });

  it('saves the report as an A4 PDF with the verdict, the cases and the messages', async () => {
    await withStation();
    const run = await call<TestRun>(t, OPERATOR, 'testActivities.run');
    const report = await call<TestRunReport>(t, OPERATOR, 'testActivities.report', { id: run.id });
    expect(report.fileName).toBe(`collaudo-80012345676-2026-11-22-n${run.id}.pdf`);
    const bytes = Buffer.from(report.base64, 'base64');
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const file = path.join(t.dataDir, report.fileName);
    fs.writeFileSync(file, bytes);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Rapporto delle attività di collaudo pagoPA');
    expect(text).toContain('Comune di Test - codice fiscale 80012345676');
    expect(text).toContain('Esito: SUPERATO - 8 casi obbligatori su 8 riusciti');
    expect(text).toContain('Avviso annullato dall’Ente');
    expect(text).toContain('Ottenuto: KO PPT_ERRORE_EMESSO_DA_PAA (PAA_PAGAMENTO_ANNULLATO)');
    expect(text).toContain('"creditorReferenceId"');
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
  });
});

describe('collaudo -> esercizio', () => {
  const status = () => call<EnvironmentStatus>(t, ADMIN, 'environment.status');

  it('is refused with a typed Italian error until a run passed every mandatory case', async () => {
    expect(await status()).toMatchObject({ environment: 'collaudo', registered: true, lastRun: null, canGoLive: false });
    const before = dumpDatabase(t.core.db);
    const result = await t.invoke(ADMIN, 'environment.set', { environment: 'esercizio' });
    expect(result).toMatchObject({ ok: false, error: { code: 'TEST_PLAN_NOT_PASSED', message: expect.stringContaining('esercizio') } });
    expect(dumpDatabase(t.core.db)).toBe(before);
    expect((await t.core.nodo.getEcRegistration('80012345676'))?.environment).toBe('collaudo');
  });

  it('is refused when the latest run failed, even after an earlier one passed', async () => {
    await withStation();
    await call(t, OPERATOR, 'testActivities.run');
    t.core.nodo.setScenarios([{ scenario: 'latency', ecFiscalCode: '80012345676', latencyMs: 20_000 }]);
    const failed = await call<TestRun>(t, OPERATOR, 'testActivities.run');
    expect(await status()).toMatchObject({ canGoLive: false, lastRun: { id: failed.id, passed: false } });
    const result = await t.invoke(ADMIN, 'environment.set', { environment: 'esercizio' });
    expect(result).toMatchObject({ ok: false, error: { code: 'TEST_PLAN_NOT_PASSED', message: expect.stringContaining(`n. ${failed.id}`) } });
  });

  it('moves the EC to esercizio and back, on the Nodo and in the profile, audited both ways', async () => {
    await withStation();
    const run = await call<TestRun>(t, OPERATOR, 'testActivities.run');
    expect(await status()).toMatchObject({ canGoLive: true });

    expect(await call(t, ADMIN, 'environment.set', { environment: 'esercizio' })).toMatchObject({ environment: 'esercizio' });
    expect((await call<{ ec: { environment: string } }>(t, ADMIN, 'app.status')).ec.environment).toBe('esercizio');
    expect((await t.core.nodo.getEcRegistration('80012345676'))?.environment).toBe('esercizio');
    // in production no test notices or payments are made
    const before = dumpDatabase(t.core.db);
    expect(await t.invoke(OPERATOR, 'testActivities.run')).toMatchObject({ ok: false, error: { code: 'TEST_PLAN_IN_ESERCIZIO' } });
    expect(dumpDatabase(t.core.db)).toBe(before);

    expect(await call(t, ADMIN, 'environment.set', { environment: 'collaudo' })).toMatchObject({ environment: 'collaudo' });
    expect((await call<{ ec: { environment: string } }>(t, OPERATOR, 'app.status')).ec.environment).toBe('collaudo');
    expect((await t.core.nodo.getEcRegistration('80012345676'))?.environment).toBe('collaudo');

    const audit = t.core.db.prepare("SELECT actor_name, details FROM audit_log WHERE action = 'ec.environmentChanged' ORDER BY id").all() as Array<{ actor_name: string; details: string }>;
    expect(audit.map((a) => JSON.parse(a.details) as unknown)).toEqual([
      { from: 'collaudo', to: 'esercizio', testRunId: run.id, testRunPassed: true },
      { from: 'esercizio', to: 'collaudo', testRunId: run.id, testRunPassed: true },
    ]);
    expect(audit[0]!.actor_name).toContain('referente.pagamenti@comune-test.it');
  });

  it('keeps the Nodo’s own rule: without the Nodo API key the EC stays in collaudo', async () => {
    await t.close();
    t = await createTestCore({ demo: true });
    await call(t, ADMIN, 'auth.signIn', demoAdmin);
    await call(t, OPERATOR, 'auth.signIn', demoOperator);
    await registerOnNodo(t.core, { apiKey: false });
    await withStation();
    await call(t, OPERATOR, 'testActivities.run');
    const result = await t.invoke(ADMIN, 'environment.set', { environment: 'esercizio' });
    expect(result).toMatchObject({ ok: false, error: { code: 'NODO_ONBOARDING_INCOMPLETE' } });
    expect(t.core.ecProfile.get()?.environment).toBe('collaudo');
  });
});
