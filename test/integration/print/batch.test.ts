import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { renderBatch } from '../../../src-main/print/batch';
import type { NoticeBuild } from '../../../src-main/print/documents';
import { PrintJobs, type PrintJobStatus } from '../../../src-main/print/printJobs';
import { PrintService } from '../../../src-main/print/printService';
import { tempDir } from '../../support/testCore';
import { createPositionsTest, operator, positionInput, single, type PositionsTest } from '../../support/positionsFixture';
import { noticeOf, planPosition, sampleLogo, sampleSettings, singlePosition } from '../../support/printSamples';
import { decodeQrCodes, pdfText, renderPages, requireTools } from './pdfTools';

beforeAll(() => requireTools());

function pdfsIn(dir: string): string[] {
  return fs.readdirSync(dir).filter((f) => f.endsWith('.pdf')).sort().map((f) => path.join(dir, f));
}

describe('renderBatch (the plain function the worker wraps)', () => {
  it('splits into files of bounded size, pads odd notices to even pages, reports progress', async () => {
    const settings = sampleSettings({ logo: sampleLogo() });
    const docs = [...Array.from({ length: 7 }, (_, i) => noticeOf(singlePosition({ amount: 1_000 + i }), settings)), noticeOf(planPosition(3), settings)];
    const out = tempDir();
    const seen: number[] = [];
    const result = await renderBatch(docs, { outDir: out, baseName: 'tari', maxPagesPerFile: 6 }, { onProgress: (p) => seen.push(p.notices), progressIntervalMs: 0 });
    // 7 single notices of 1 page + blank, 1 plan of 2 pages: 16 pages in files of at most 6
    expect(result).toMatchObject({ notices: 8, pages: 16, cancelled: false });
    expect(result.outputs.map((o) => o.pages)).toEqual([6, 6, 4]);
    expect(pdfsIn(out).map((f) => path.basename(f))).toEqual(['tari-001.pdf', 'tari-002.pdf', 'tari-003.pdf']);
    expect(seen.at(-1)).toBe(8);
    const pages = renderPages(pdfsIn(out)[0]!, 150);
    expect(pages).toHaveLength(6);
    expect(decodeQrCodes(pages[1]!)).toEqual([]); // the blank back of the first notice
    expect(decodeQrCodes(pages[2]!)).toEqual([docs[1]!.main!.qrPayload]);
  });

  it('stops between notices when cancelled, keeping only complete files', async () => {
    const docs = Array.from({ length: 20 }, (_, i) => noticeOf(singlePosition({ amount: 1_000 + i })));
    const out = tempDir();
    let n = 0;
    const result = await renderBatch(docs, { outDir: out, baseName: 'x', maxPagesPerFile: 4, padToEven: false }, { isCancelled: () => ++n > 10 });
    expect(result).toMatchObject({ cancelled: true, notices: 10 });
    expect(result.outputs.map((o) => o.notices)).toEqual([4, 4]);
    expect(fs.readdirSync(out).filter((f) => f.endsWith('.part'))).toEqual([]);
  });
});

describe('print jobs in a worker thread', () => {
  let p: PositionsTest;
  let service: PrintService;
  beforeEach(async () => {
    p = await createPositionsTest();
    service = new PrintService({
      positions: p.positions,
      receipts: p.repositories.receipts,
      ecProfile: p.t.core.ecProfile,
      noticeSettings: () => sampleSettings(),
      clock: p.t.clock,
    });
  });
  afterEach(() => p.close());

  it('prints the filtered positions, lists those without a printable notice, and reports progress', async () => {
    const published = Array.from({ length: 12 }, (_, i) =>
      p.positions.publish(operator, p.positions.create(operator, positionInput({ options: [single({ amount: 1_000 + i })] })).id),
    );
    const draft = p.positions.create(operator, positionInput());
    const jobs = new PrintJobs();
    const updates: PrintJobStatus[] = [];
    const out = tempDir();
    const started = jobs.start(service.noticeBuilds({ filter: {} }), { outDir: out, baseName: 'avvisi', maxPagesPerFile: 10, padToEven: false, chunkSize: 5 }, (s) => updates.push(s));
    expect(started.state).toBe('running');
    const final = (await jobs.whenDone(started.jobId))!;
    expect(final).toMatchObject({ state: 'done', notices: 12, pages: 12, files: 2, read: 13 });
    expect(final.skipped).toEqual([{ positionId: draft.id, iupd: draft.iupd, message: expect.stringContaining('bozza') }]);
    expect(fs.readFileSync(final.skippedReport!, 'utf8')).toContain(draft.iupd);
    expect(updates.at(-1)?.state).toBe('done');
    const text = pdfsIn(out).map(pdfText).join(' ');
    for (const position of published) expect(text).toContain(position.iupd);
  });

  it('can be cancelled: the worker stops and the job says so', async () => {
    const settings = sampleSettings();
    async function* endless(): AsyncGenerator<NoticeBuild> {
      for (let i = 0; ; i++) yield { ok: true, document: noticeOf(singlePosition({ amount: 1_000 + (i % 1000) }), settings) };
    }
    const jobs = new PrintJobs();
    const out = tempDir();
    let cancelled = false;
    const started = jobs.start(endless(), { outDir: out, baseName: 'lungo', maxPagesPerFile: 50, padToEven: false, chunkSize: 10 }, (s) => {
      if (!cancelled && s.notices >= 20) {
        cancelled = true;
        jobs.cancel(s.jobId);
      }
    });
    const final = (await jobs.whenDone(started.jobId))!;
    expect(final.state).toBe('cancelled');
    expect(final.notices).toBeGreaterThanOrEqual(20);
    expect(jobs.running()).toEqual([]);
  });
});
