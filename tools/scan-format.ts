// The scanner's output line for one mention: a contract other tools parse
// (the eval scores exactly these objects), so it is built in one place.
import type { Mention } from '../lib/detect/index.ts';

export function scanLine(file: string, m: Mention): Record<string, unknown> {
  const base = { file, start: m.start, end: m.end, kind: m.kind, text: m.text };
  switch (m.kind) {
    case 'document': {
      const { name, ...ref } = m.ref;
      return {
        ...base,
        ref: { ...ref, ...(name ? { name } : {}) },
        ...(m.ambiguous ? { ambiguous: true, alternatives: m.alternatives } : {}),
        entity: m.entity,
        candidates: m.candidates,
      };
    }
    case 'person':
      return { ...base, name: m.name, titles: m.titles, entity: m.entity };
    default:
      return { ...base, name: m.name, entity: m.entity };
  }
}
