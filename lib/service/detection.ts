// Detection for the pages, run in the background. A page's main thread belongs to
// the reader: in a tab's fresh content-script world the detector's code runs
// unoptimised (a 20 KB article took 57 ms there, 8 ms in a warm engine) and its name
// lists cost ~50 ms to build on every page load. The background builds the detector
// once per dataset version, keeps it warm, and works each text in slices, yielding
// between them so hover lookups are answered meanwhile.
import { createDetector, type Detector, type Mention } from '../detect/index.ts';
import type { GazetteerPayload } from '../protocol.ts';

export interface DetectionDeps {
  /** The current name lists; their version says when to rebuild. */
  gazetteer(): Promise<GazetteerPayload>;
  /** Lets queued messages run between slices (a macrotask). */
  yieldNow(): Promise<void>;
  now(): number;
  /** Longest slice before yielding, ms. */
  sliceMs?: number;
}

export interface DetectionService {
  detect(text: string, date: string | null): Promise<Mention[]>;
}

/** Texts the background refuses to read in one message (a page of text is far below it). */
export const MAX_DETECT_CHARS = 8_000_000;

export function createDetectionService(deps: DetectionDeps): DetectionService {
  let built: { version: number; detector: Detector } | null = null;
  let building: Promise<Detector> | null = null;
  const sliceMs = deps.sliceMs ?? 10;

  const detector = async (): Promise<Detector> => {
    const g = await deps.gazetteer();
    if (built && built.version === g.version) return built.detector;
    building ??= (async () => {
      // The content script has no documents to match: the card's lookup does that.
      const d = createDetector({ ...g, documents: [] });
      built = { version: g.version, detector: d };
      return d;
    })().finally(() => {
      building = null;
    });
    return building;
  };

  return {
    async detect(text, date) {
      if (text.length > MAX_DETECT_CHARS) {
        throw new RangeError(`RefLens reads at most ${MAX_DETECT_CHARS} characters at a time.`);
      }
      const run = (await detector()).start(text, date ? { date } : {});
      for (;;) {
        const until = deps.now() + sliceMs;
        if (run.step(() => deps.now() < until)) return run.result();
        await deps.yieldNow();
      }
    },
  };
}
