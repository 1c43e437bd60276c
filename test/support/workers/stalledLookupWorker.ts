/** A lookup worker that starts and then never answers: the import must not wait for it forever. */
import { parentPort } from 'node:worker_threads';

parentPort!.postMessage({ type: 'ready' });
parentPort!.on('message', () => {});
