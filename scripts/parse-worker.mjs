// Worker thread entry for the pipeline's parse pool. Plain JS because a worker does not inherit
// the main thread's tsx loader: register it here, then parse the documents the pool sends.
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { parseDocument } = await import('./parse-document.ts');
parentPort.on('message', async ({ id, bytes, name, contentType }) => {
  let result;
  try {
    result = await parseDocument(bytes, name, contentType);
  } catch (err) {
    result = { ok: false, failure: 'parser_error', message: String(err?.stack ?? err) };
  }
  parentPort.postMessage({ id, result });
});
parentPort.postMessage({ ready: true });
