// One Lambda invocation in a fresh Node.js process, as the Node.js runtime runs a cold start: the parent sends the
// bundle, the event and the context over IPC; this imports the bundle's module, calls its `handler` and sends back
// the result or the error in the shape Lambda reports it (errorType, errorMessage).
import { pathToFileURL } from 'node:url';

function answer(message) {
  process.send(message, () => process.exit(0));
}

process.once('message', async ({ bundle, event, context }) => {
  try {
    const { handler } = await import(pathToFileURL(bundle).href);
    const remainingMs = context.timeoutMs;
    const started = Date.now();
    const result = await handler(event, {
      ...context,
      getRemainingTimeInMillis: () => remainingMs - (Date.now() - started),
    });
    answer({ ok: true, result: result ?? null });
  } catch (error) {
    answer({ ok: false, errorType: error?.name ?? 'Error', errorMessage: error?.message ?? String(error) });
  }
});
