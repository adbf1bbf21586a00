// The dataset for command-line tools: the committed sources, assembled and
// validated exactly as the build does, so tools never depend on a prior build.
import { assembleDataset, parseVersion } from '../lib/dataset/assemble.ts';
import { buildDate, readDataFiles, readVersionText } from '../lib/dataset/node-files.ts';
import type { Dataset } from '../lib/dataset/schema.ts';

export function loadDatasetForTools(): Dataset {
  const result = assembleDataset(readDataFiles(), parseVersion(readVersionText()) ?? 1, buildDate());
  if (!result.ok) {
    process.stderr.write(
      `the dataset in assets/data does not validate:\n${result.errors.slice(0, 10).join('\n')}\n`,
    );
    process.exit(1);
  }
  return result.dataset;
}
