import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import QRCode from 'qrcode';
import { formatEuro } from '../src-shared/domain/amount';
import { formatItalianDate } from '../src-shared/domain/date';
import { formatNoticeNumber } from '../src-shared/domain/noticeNumber';
import { renderBatch } from '../src-main/print/batch';
import type { NoticeDocument } from '../src-main/print/documents';
import { loadFontBytes } from '../src-main/print/fonts';
import { renderNotice } from '../src-main/print/noticeLayout';
import { NOTICE_TEXT as T } from '../src-main/print/noticeTexts';
import { PdfFile } from '../src-main/print/pdfWriter';
import { noticeOf, planPosition, POSTE_AUTH, SAMPLE_POSTAL_IBAN, sampleLogo, sampleSettings, singlePosition } from '../test/support/printSamples';
import type { BenchRow } from './ipc.bench';
import type { BenchSection } from './section';
import { summarise } from './stats';


const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

function row(name: string, samplesNs: bigint[]): BenchRow {
  const s = summarise(samplesNs);
  return { name, n: s.n, medianUs: s.medianUs, p95Us: s.p95Us, p99Us: s.p99Us };
}

function* notices(n: number, make: (i: number) => NoticeDocument): Generator<NoticeDocument> {
  for (let i = 0; i < n; i++) yield make(i);
}

/** A whole batch through renderBatch on this thread; heap sampled at every progress report. */
async function batch(n: number, make: (i: number) => NoticeDocument, maxPagesPerFile: number) {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-bench-print-'));
  globalThis.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  let heapPeak = heapBefore;
  const heapAtFiles: number[] = [];
  let files = 0;
  const start = process.hrtime.bigint();
  const result = await renderBatch(notices(n, make), { outDir, baseName: 'bench', maxPagesPerFile, padToEven: false, fonts: loadFontBytes() }, {
    progressIntervalMs: 0,
    onProgress: (p) => {
      const heap = process.memoryUsage().heapUsed;
      heapPeak = Math.max(heapPeak, heap);
      if (p.files !== files) {
        files = p.files;
        heapAtFiles.push(heap);
      }
    },
  });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const bytes = result.outputs.reduce((s, o) => s + o.bytes, 0);
  fs.rmSync(outDir, { recursive: true, force: true });
  return { seconds, perSecond: n / seconds, pages: result.pages, bytes, bytesPerPage: bytes / result.pages, files: result.outputs.length, heapBefore, heapPeak, heapAtFiles };
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The same notice as HTML (fonts embedded as data URLs, QR code as inline SVG), for headless Chromium's print-to-PDF. */
async function noticeHtml(doc: NoticeDocument, fontCss: string, logoDataUrl: string): Promise<string> {
  const p = doc.main!;
  const qr = await QRCode.toString([{ data: Buffer.from(p.qrPayload, 'latin1'), mode: 'byte' }], { type: 'svg', version: 4, errorCorrectionLevel: 'M', margin: 0 });
  return `<!doctype html><html lang="it"><head><meta charset="utf-8"><style>${fontCss}
@page { size: A4; margin: 10mm; }
body { font-family: 'Titillium Web'; color: #000000; font-size: 9pt; margin: 0; }
.label { color: #4D4D4D; font-size: 7pt; } .h { color: #000000; font-weight: 700; font-size: 10pt; }
.cols { display: flex; gap: 16mm; border-top: 0.75pt solid #B3B3B3; padding-top: 4mm; margin-top: 4mm; } .cols > div { flex: 1; }
.bar { background: #ECECEC; font-weight: 700; padding: 1.5mm 3mm; display: flex; justify-content: space-between; }
.block { display: flex; gap: 5mm; padding: 3mm; } .qr svg { width: 25mm; height: 25mm; }
.big { font-size: 20pt; font-weight: 700; } .amount { font-size: 16pt; font-weight: 700; }
</style></head><body>
<div style="display:flex;justify-content:space-between"><div><div class="h" style="font-weight:600;font-size:9pt">${T.title}</div>
<div style="font-size:16pt;font-weight:700">${esc(doc.subject)}</div></div><img src="${logoDataUrl}" style="max-width:30mm;max-height:30mm"></div>
<div class="cols"><div><div class="h">${T.ec}</div><span class="label">Cod. Fiscale</span> <b>${doc.ec.fiscalCode}</b><div style="font-weight:700;font-size:11pt">${esc(doc.ec.name)}</div><div>${esc(doc.ec.sector)}</div><div class="label">${esc(doc.ec.info)}</div></div>
<div><div class="h">${T.debtor}</div><span class="label">Cod. Fiscale</span> <b>${doc.debtor.fiscalCode}</b><div style="font-weight:700;font-size:11pt">${esc(doc.debtor.fullName)}</div><div>${esc(doc.debtor.addressLines.join(' - '))}</div></div></div>
<div class="cols"><div><div class="h">${T.amountTitle}</div><div class="big">${formatEuro(p.amountCents).replace(' €', '')} Euro</div><div style="font-weight:600;font-size:11pt">entro il ${formatItalianDate(p.dueDate)}</div><div class="label">${T.legal}</div></div>
<div><div class="h">${T.whereTitle} <span style="font-weight:400;font-size:8pt">${T.whereLink}</span></div><b>${T.onlineTitle}</b><div>${T.online}</div><b>${T.physicalTitle}</b><div>${T.physical}</div></div></div>
<p style="font-weight:600">${T.usePortion}</p>
<div class="bar"><span>${T.paymentTitle}</span><span>entro il ${formatItalianDate(p.dueDate)}</span></div>
<div class="block"><div class="qr">${qr}</div><div style="flex:1"><div>${T.qrHint}</div>
<div class="label">Destinatario</div><b>${esc(doc.debtor.fullName)}</b><div class="label">Ente Creditore</div><b>${esc(doc.ec.name)}</b><div class="label">Oggetto del pagamento</div><div>${esc(p.description)}</div></div>
<div style="width:54mm"><div class="label">Codice CBILL</div><b>${doc.ec.cbill}</b><div class="label">Codice Avviso</div><b>${formatNoticeNumber(p.noticeNumber)}</b><div class="label">${T.ecFiscalCode}</div><b>${doc.ec.fiscalCode}</b><div class="label">Euro</div><div class="amount">${formatEuro(p.amountCents).replace(' €', '')}</div></div></div>
</body></html>`;
}

async function chromiumPdf(docs: NoticeDocument[]) {
  const fontsDir = path.resolve(__dirname, '../resources/fonts');
  const fontCss = [400, 600, 700]
    .map((w) => `@font-face { font-family: 'Titillium Web'; font-weight: ${w}; src: url(data:font/woff;base64,${fs.readFileSync(path.join(fontsDir, `TitilliumWeb-${w}.woff`)).toString('base64')}) format('woff'); }`)
    .join('\n');
  const logo = sampleLogo();
  const logoDataUrl = `data:${logo.mediaType};base64,${logo.dataBase64}`;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_FLAGS });
  try {
    const page = await browser.newPage();
    const samples: bigint[] = [];
    let bytes = 0;
    // warm-up: fonts decoded, layout code hot
    for (const doc of docs.slice(0, 3)) {
      await page.setContent(await noticeHtml(doc, fontCss, logoDataUrl));
      await page.pdf({ format: 'A4', printBackground: true });
    }
    const start = process.hrtime.bigint();
    for (const doc of docs) {
      const t = process.hrtime.bigint();
      await page.setContent(await noticeHtml(doc, fontCss, logoDataUrl));
      const pdf = await page.pdf({ format: 'A4', printBackground: true });
      samples.push(process.hrtime.bigint() - t);
      bytes += pdf.length;
    }
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    return { samples, perSecond: docs.length / seconds, bytesPerPage: bytes / docs.length, version: browser.version() };
  } finally {
    await browser.close();
  }
}

/** Per-notice render time into an open file (fonts and logo already embedded), sampled one by one. */
async function perNotice(docs: NoticeDocument[]): Promise<bigint[]> {
  const samples: bigint[] = [];
  let file = await PdfFile.create(loadFontBytes(), { title: 'bench' });
  for (const [i, doc] of docs.entries()) {
    if (i % 500 === 0) {
      await file.save();
      file = await PdfFile.create(loadFontBytes(), { title: 'bench' });
    }
    const t = process.hrtime.bigint();
    await renderNotice(file, doc);
    samples.push(process.hrtime.bigint() - t);
  }
  return samples;
}

const MB = 1024 * 1024;

export async function benchPrint(options: { notices?: number; chromiumNotices?: number } = {}): Promise<BenchSection> {
  const n = options.notices ?? 10_000;
  const chromiumN = options.chromiumNotices ?? 100;
  const settings = sampleSettings({ logo: sampleLogo() });
  const postalSettings = sampleSettings({ logo: sampleLogo(), posteAuthorisation: POSTE_AUTH });
  // the documents of a TARI mailing: each notice its own debtor amount, one logo shared by all
  const base = singlePosition();
  const single = (i: number): NoticeDocument => noticeOf({ ...base, id: i + 1, iupd: `TARI-2026-${i}`, options: base.options.map((o) => ({ ...o, amount: 5_000 + i })) }, settings);
  const planTemplate = noticeOf(planPosition(3), settings);
  const plan = (i: number): NoticeDocument => ({ ...planTemplate, positionId: i + 1, iupd: `TARI-RATE-${i}` });
  const postalDoc = noticeOf(singlePosition({ iban: SAMPLE_POSTAL_IBAN }), postalSettings);
  const postal = (i: number): NoticeDocument => ({ ...postalDoc, positionId: i + 1, iupd: `POST-${i}` });

  await batch(300, single, 500); // warm-up
  const main = await batch(n, single, 500);
  const plans = await batch(Math.round(n / 5), plan, 500);
  const postals = await batch(Math.round(n / 10), postal, 500);
  const perNoticeSamples = await perNotice(Array.from({ length: 2000 }, (_, i) => single(i)));
  const chromiumDocs = Array.from({ length: chromiumN }, (_, i) => single(i));
  const chrome = await chromiumPdf(chromiumDocs);
  const speedup = main.perSecond / chrome.perSecond;

  return {
    title: 'Batch printing of payment notices (pdf-lib, one core) vs headless Chromium print-to-PDF',
    facts: [
      ['batch', `${n} single-payment notices (TARI mailing, EC logo, no bollettino), files of 500 pages, on the main thread of one process`],
      ['pdf-lib notices/s', main.perSecond.toFixed(0)],
      ['pdf-lib bytes/page', `${(main.bytesPerPage / 1024).toFixed(1)} KB (fonts and logo embedded once per file; ${main.files} files, ${(main.bytes / MB).toFixed(1)} MB in all)`],
      ['pdf-lib time for the batch', `${main.seconds.toFixed(1)} s`],
      ['heap while printing', `${(main.heapBefore / MB).toFixed(0)} MB before, peak ${(main.heapPeak / MB).toFixed(0)} MB; at each file boundary: ${main.heapAtFiles.map((h) => (h / MB).toFixed(0)).join(', ')} MB`],
      ['instalment plans (rata unica + 3 rate, 2 pages)', `${plans.perSecond.toFixed(0)} notices/s, ${(plans.bytesPerPage / 1024).toFixed(1)} KB/page (${Math.round(n / 5)} notices)`],
      ['with the postal bollettino (Data Matrix)', `${postals.perSecond.toFixed(0)} notices/s, ${(postals.bytesPerPage / 1024).toFixed(1)} KB/page (${Math.round(n / 10)} notices)`],
      ['Chromium', `${chrome.version}, ${chromiumN} notices, one page.setContent + page.pdf each, flags ${CHROMIUM_FLAGS.join(' ')}`],
      ['Chromium notices/s', chrome.perSecond.toFixed(1)],
      ['Chromium bytes/page', `${(chrome.bytesPerPage / 1024).toFixed(1)} KB`],
      ['speed-up', `${speedup.toFixed(0)}×`],
    ],
    rows: [row('pdf-lib: one notice into an open file', perNoticeSamples), row('Chromium: setContent + page.pdf, one notice', chrome.samples)],
    targets: [
      { name: 'at least 500 notices/s on one core', met: main.perSecond >= 500, measured: `${main.perSecond.toFixed(0)}/s` },
      { name: 'at most 30 KB/page', met: main.bytesPerPage <= 30 * 1024, measured: `${(main.bytesPerPage / 1024).toFixed(1)} KB` },
      { name: 'at least 20× faster than Chromium print-to-PDF', met: speedup >= 20, measured: `${speedup.toFixed(0)}×` },
    ],
  };
}
