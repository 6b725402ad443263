// Benchmark worker thread entry. Plain JS because a worker does not inherit the main thread's
// tsx loader: register it here, then run TypeScript tasks sent by the pool.
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { runTask } = await import('./tasks.ts');
parentPort.on('message', async (req) => {
  try {
    parentPort.postMessage({ ok: true, result: await runTask(req) });
  } catch (err) {
    parentPort.postMessage({ ok: false, error: String(err?.stack ?? err) });
  }
});
parentPort.postMessage({ ready: true });
