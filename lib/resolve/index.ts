// Resolution: in-article binding of short forms, then matching against the dataset.
export { type Citation, type Resolved, resolveInArticle } from './in-article.ts';
export { createDocumentIndex, type DocumentMatch, type GazetteerDoc, matchDocument } from './match.ts';
