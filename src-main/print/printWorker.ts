/**
 * Worker-thread entry of batch printing. The main thread streams notice documents in chunks, on
 * request (so the queue between the threads stays short), and may ask to stop; this thread renders
 * them with renderBatch and reports progress. No database here: documents are plain data.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { renderBatch, type BatchOptions } from './batch';
import type { NoticeDocument } from './documents';
import type { FromWorker, ToWorker, WorkerStart } from './workerProtocol';

const port = parentPort;
if (!port) throw new Error('printWorker deve essere avviato come worker thread.');

const start = workerData as WorkerStart;
const send = (m: FromWorker): void => port.postMessage(m);

let cancelled = false;
let pending: ((docs: NoticeDocument[] | null) => void) | null = null;

port.on('message', (m: ToWorker) => {
  if (m.type === 'cancel') {
    cancelled = true;
    pending?.(null);
    pending = null;
  } else if (m.type === 'docs' || m.type === 'end') {
    pending?.(m.type === 'docs' ? m.docs : null);
    pending = null;
  }
});

async function* documents(): AsyncGenerator<NoticeDocument> {
  while (!cancelled) {
    const chunk = await new Promise<NoticeDocument[] | null>((resolve) => {
      pending = resolve;
      send({ type: 'need' });
    });
    if (!chunk) return;
    yield* chunk;
  }
}

const options: BatchOptions = {
  outDir: start.outDir,
  baseName: start.baseName,
  ...(start.maxPagesPerFile ? { maxPagesPerFile: start.maxPagesPerFile } : {}),
  ...(start.padToEven !== undefined ? { padToEven: start.padToEven } : {}),
  ...(start.dateIso ? { date: new Date(start.dateIso) } : {}),
};

renderBatch(documents(), options, {
  onProgress: (progress) => send({ type: 'progress', progress }),
  isCancelled: () => cancelled,
})
  .then((result) => send({ type: 'done', result }))
  .catch((error: unknown) => send({ type: 'error', message: error instanceof Error ? error.message : String(error) }));
