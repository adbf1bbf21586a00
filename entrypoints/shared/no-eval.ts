// Extension contexts forbid eval (the extension's CSP), so zod's first parse probes for it
// with `Function("")`, which only throws. In a content script that refused eval cost about
// 10 ms of the page's main thread and a CSP violation report on every page load. Said up
// front, zod validates without generated code from the start. Imported first by every
// entrypoint; from zod/mini, which sets the same global without pulling zod's full API
// into a page.
import { config } from 'zod/mini';

config({ jitless: true });
