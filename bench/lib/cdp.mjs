// JS heap of the extension's service worker over the browser's DevTools
// socket (Target.attachToTarget with a flat session), after a full GC.
import WebSocket from 'ws';

export async function workerHeap(devtoolsUrl, extensionId) {
  const ws = new WebSocket(devtoolsUrl, { perMessageDeflate: false });
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  let nextId = 1;
  const pending = new Map();
  ws.on('message', (data) => {
    const msg = JSON.parse(data.toString());
    const done = pending.get(msg.id);
    if (!done) return;
    pending.delete(msg.id);
    if (msg.error) done.reject(new Error(`${msg.error.message}`));
    else done.resolve(msg.result);
  });
  const send = (method, params = {}, sessionId) =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      ws.send(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }));
    });
  try {
    const { targetInfos } = await send('Target.getTargets');
    const target = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extensionId}/`));
    if (!target) throw new Error('no service worker target');
    const { sessionId } = await send('Target.attachToTarget', { targetId: target.targetId, flatten: true });
    await send('HeapProfiler.collectGarbage', {}, sessionId);
    const { usedSize, totalSize } = await send('Runtime.getHeapUsage', {}, sessionId);
    await send('Target.detachFromTarget', { sessionId });
    return { usedBytes: usedSize, totalBytes: totalSize };
  } finally {
    ws.close();
  }
}

/** JS heap of a page (its main world and the content script's world share one isolate), after a full GC. */
export async function pageHeap(page) {
  const session = await page.context().newCDPSession(page);
  try {
    await session.send('HeapProfiler.collectGarbage');
    const { usedSize, totalSize } = await session.send('Runtime.getHeapUsage');
    return { usedBytes: usedSize, totalBytes: totalSize };
  } finally {
    await session.detach().catch(() => {});
  }
}
