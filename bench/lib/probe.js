// Injected into every page the bench opens (main world, at document start):
// times what the user sees without touching the extension's code. The task
// panel is an element <lct-task-panel> with an open shadow root; the raw
// baseline draws into #raw-tasks. Both show one element per task carrying
// data-task-id. Times are performance.now() of this page unless named *Abs
// (performance.timeOrigin + now: comparable between pages and processes).
(() => {
  const B = (window.__lctBench = { t: {}, expected: Infinity, inputAbs: null, waits: {} });
  const now = () => performance.now();
  const abs = () => performance.timeOrigin + performance.now();
  const afterFrame = (fn) => requestAnimationFrame(() => fn(now()));

  B.root = () => document.querySelector('lct-task-panel')?.shadowRoot ?? document.getElementById('raw-tasks');
  B.rows = () => B.root()?.querySelectorAll('[data-task-id]') ?? [];

  // The warm tab's floor is one frame: blank frames counted from the mount, and
  // the length of one frame measured in this page.
  const FRAMES_TIMED = 9;
  B.frames = 0;
  const frameTimes = [];
  const countFrames = () =>
    requestAnimationFrame((t) => {
      B.frames += 1;
      frameTimes.push(t);
      if (frameTimes.length === FRAMES_TIMED) {
        const gaps = frameTimes
          .slice(1)
          .map((x, i) => x - frameTimes[i])
          .sort((a, b) => a - b);
        B.t.frameMs = gaps[gaps.length >> 1];
      }
      if (B.frames < FRAMES_TIMED || (B.t.painted === undefined && B.frames < 600)) countFrames();
    });

  /** The element whose scrolling moves `el` (null: the page itself), across shadow roots. */
  const scrollerOf = (el) => {
    for (let e = el.parentElement ?? el.getRootNode().host; e; e = e.parentElement ?? e.getRootNode().host) {
      const overflow = getComputedStyle(e).overflowY;
      if ((overflow === 'auto' || overflow === 'scroll') && e.scrollHeight > e.clientHeight) return e;
    }
    return null;
  };
  /**
   * Whether the rows fill what the user sees of them: the last row in the page
   * reaches the bottom of its scroller's visible part. A client that renders
   * only the rows near the view (windowing) never has every row in the page.
   */
  const viewFilled = (rows) => {
    const last = rows[rows.length - 1];
    const scroller = scrollerOf(last);
    const bottom = Math.min(scroller ? scroller.getBoundingClientRect().bottom : innerHeight, innerHeight);
    return last.getBoundingClientRect().bottom >= bottom;
  };

  // Mount, first row and all rows of the panel (or all it shows), each with the frame that paints it.
  const onRoot = (root) => {
    let rowsSeen = false;
    const check = () => {
      const rows = root.querySelectorAll('[data-task-id]');
      const n = rows.length;
      if (n > 0 && !rowsSeen) {
        rowsSeen = true;
        B.t.firstRow = now();
        afterFrame((t) => {
          B.t.firstRowPainted = t;
        });
      }
      if (n > 0 && !B.t.allRows && (n >= B.expected || viewFilled(rows))) {
        B.t.allRows = now();
        afterFrame((t) => {
          B.t.painted = t;
          B.t.framesToPaint = B.frames;
        });
      }
      for (const [name, wait] of Object.entries(B.waits)) {
        if (!wait.test(root)) continue;
        delete B.waits[name];
        wait.resolve(abs());
      }
    };
    new MutationObserver(check).observe(root, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ['class'],
      characterData: true,
    });
    check();
  };
  const find = new MutationObserver(() => {
    const host = document.querySelector('lct-task-panel');
    if (host?.shadowRoot) {
      find.disconnect();
      B.t.mount = now();
      countFrames();
      onRoot(host.shadowRoot);
    } else if (document.getElementById('raw-tasks')) {
      find.disconnect();
      B.t.mount = now();
      onRoot(document.getElementById('raw-tasks'));
    }
  });
  find.observe(document, { childList: true, subtree: true });

  // The user's input (trusted events only), as the first thing of a timed edit.
  for (const type of ['click', 'keydown']) {
    window.addEventListener(
      type,
      (e) => {
        if (e.isTrusted) B.inputAbs = performance.timeOrigin + e.timeStamp;
      },
      true,
    );
  }

  const rowOf = (root, id) => root.querySelector(`[data-task-id="${id}"]`);
  const tests = {
    done:
      ({ id, done }) =>
      (root) =>
        rowOf(root, id)?.classList.contains('is-done') === done,
    add:
      ({ name }) =>
      (root) =>
        [...root.querySelectorAll('[data-task-id]')].some((r) => r.textContent.includes(name)),
    move:
      ({ id, afterId }) =>
      (root) => {
        const row = rowOf(root, id);
        // the rows before it: its sibling, or the last row of the chunk before (a windowed list renders rows in chunks)
        const prev = row && (row.previousElementSibling ?? row.parentElement.previousElementSibling?.lastElementChild);
        return !!row && (prev ? prev.getAttribute('data-task-id') : null) === afterId;
      },
    // shown and no longer marked as waiting for the server
    confirmed:
      ({ kind, arg }) =>
      (root) =>
        tests[kind](arg)(root) && !rowOf(root, arg.id)?.classList.contains('is-pending'),
  };

  /**
   * Arms a wait for what an edit must show in this page; B[name] (a promise)
   * resolves with the time (Abs) it showed, or null after `timeoutMs`.
   */
  B.arm = (kind, arg, name = 'result', timeoutMs = 10_000) => {
    const test = tests[kind](arg);
    B[name] = new Promise((resolve) => {
      const timer = setTimeout(() => {
        delete B.waits[name];
        resolve(null);
      }, timeoutMs);
      B.waits[name] = {
        test,
        resolve: (t) => {
          clearTimeout(timer);
          resolve(t);
        },
      };
    });
    const root = B.root();
    if (root && test(root)) {
      const wait = B.waits[name];
      delete B.waits[name];
      wait.resolve(abs());
    }
  };

  /** Scrolls `el` from top to bottom, `step` px per frame; resolves with frame intervals (ms). */
  B.scroll = (el, step = 120, maxFrames = 600) =>
    new Promise((resolve) => {
      const deltas = [];
      let last = null;
      el.scrollTop = 0;
      const tick = (t) => {
        if (last !== null) deltas.push(t - last);
        last = t;
        const end = el.scrollTop + el.clientHeight >= el.scrollHeight - 1;
        if (end || deltas.length >= maxFrames) return resolve({ deltas, scrollHeight: el.scrollHeight, frames: deltas.length });
        el.scrollTop += step;
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
})();
