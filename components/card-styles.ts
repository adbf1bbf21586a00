// Styles for the card inside its closed shadow root. `all: initial` on the host
// cuts inheritance from the page, so hostile page CSS (`* { all: unset }`, odd
// fonts, line-heights) cannot reach in; the theme follows prefers-color-scheme.
// The font stack lists faces that carry Vietnamese's stacked diacritics
// (ầ, ẫ, ệ) on Windows, macOS, Android and Linux, before the generic fallback.
export const CARD_CSS = `
:host { all: initial; }
.wrap {
  position: fixed; top: 0; left: 0; z-index: 2147483647;
  max-width: min(420px, calc(100vw - 16px));
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial,
    "Liberation Sans", "DejaVu Sans", sans-serif;
  color: var(--fg);
  --bg: #ffffff; --fg: #1b1f24; --muted: #57606a; --border: #d0d7de; --accent: #0b5cad; --chip: #f3f5f7;
  --ok-bg: #dafbe1; --ok-fg: #116329; --bad-bg: #ffebe9; --bad-fg: #a40e26; --unk-bg: #eaeef2; --unk-fg: #424a53;
  --page-bg: #fff8c5; --page-fg: #6b4b00;
  --k-document: #0b5cad; --k-person: #116329; --k-organization: #6e5494; --k-place: #9a4d00;
}
@media (prefers-color-scheme: dark) {
  .wrap.theme-auto {
    --bg: #1f2328; --fg: #e6edf3; --muted: #9da7b3; --border: #3d444d; --accent: #6cb6ff; --chip: #2b3138;
    --ok-bg: #1b4721; --ok-fg: #aff5b4; --bad-bg: #5d0f12; --bad-fg: #ffdcd7; --unk-bg: #30363d; --unk-fg: #d1d7de;
    --page-bg: #4b3a00; --page-fg: #ffe08a;
    --k-document: #6cb6ff; --k-person: #6fdd8b; --k-organization: #c297ff; --k-place: #f0a050;
  }
}
.wrap.theme-dark {
  --bg: #1f2328; --fg: #e6edf3; --muted: #9da7b3; --border: #3d444d; --accent: #6cb6ff; --chip: #2b3138;
  --ok-bg: #1b4721; --ok-fg: #aff5b4; --bad-bg: #5d0f12; --bad-fg: #ffdcd7; --unk-bg: #30363d; --unk-fg: #d1d7de;
  --page-bg: #4b3a00; --page-fg: #ffe08a;
  --k-document: #6cb6ff; --k-person: #6fdd8b; --k-organization: #c297ff; --k-place: #f0a050;
}
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.wrap[hidden] { display: none; }
.card {
  position: relative; box-sizing: border-box; overflow: auto; max-height: inherit;
  background: var(--bg); color: var(--fg); border: 1px solid var(--border); border-radius: 8px;
  border-top: 3px solid var(--k-document);
  box-shadow: 0 8px 24px rgba(0,0,0,.18); padding: 10px 14px 10px; text-align: left;
}
.card-person, .card-person-from-page { border-top-color: var(--k-person); }
.card-organization { border-top-color: var(--k-organization); }
.card-place { border-top-color: var(--k-place); }
.card-none { border-top-color: var(--border); }
.card:focus { outline: none; }
.card:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; }
.card * { box-sizing: border-box; }
.card[aria-busy="true"] { cursor: progress; }
.kind { font-size: 12px; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; }
.head-row { display: flex; align-items: center; gap: 8px; justify-content: space-between; padding-right: 24px; min-height: 20px; }
.title { font-size: 16px; font-weight: 600; margin: 4px 24px 6px 0; line-height: 1.3; }
.summary { margin: 0 0 8px; }
.note { margin: 4px 0 8px; color: var(--muted); font-style: italic; }
.meta { margin: 0 0 6px; color: var(--muted); font-size: 13px; }
.merged { margin: 0 0 8px; padding: 6px 8px; border-radius: 6px; background: var(--chip); }
dl { margin: 0 0 8px; display: grid; grid-template-columns: auto 1fr; gap: 2px 10px; }
dl.stack { display: block; }
dl.stack dt { margin-top: 4px; }
.field { display: contents; }
dt { color: var(--muted); white-space: nowrap; }
dl.stack dt { white-space: normal; }
dd { margin: 0; }
ul, ol { margin: 0; padding-left: 18px; }
.span { color: var(--muted); white-space: nowrap; }
.muted { color: var(--muted); }
.date-today { color: var(--bad-fg); }
.badge { font-size: 12px; border-radius: 999px; padding: 1px 8px; white-space: nowrap; }
.status-in_force { background: var(--ok-bg); color: var(--ok-fg); }
.status-expired { background: var(--bad-bg); color: var(--bad-fg); }
.status-not_yet_in_force, .status-unknown { background: var(--unk-bg); color: var(--unk-fg); }
.from-page { background: var(--page-bg); color: var(--page-fg); white-space: normal; text-align: right; }
.switcher { border: 0; padding: 0; margin: 0 0 8px; min-width: 0; font-size: 13px; line-height: 1.9; }
.switcher-label { float: left; padding: 0; margin-right: 6px; color: var(--muted); }
.switcher .chip { margin-right: 4px; }
.chip {
  font: inherit; font-size: 12px; color: var(--fg); background: var(--chip); border: 1px solid var(--border);
  border-radius: 999px; padding: 1px 8px; cursor: pointer;
}
.chip[aria-pressed="true"] { background: var(--accent); border-color: var(--accent); color: var(--bg); }
.relations { margin: 0 0 8px; padding: 0; list-style: none; }
.relations li { margin: 2px 0; }
.rel-type { color: var(--muted); }
.rel-type::after { content: ":"; }
.timeline { margin: 0 0 6px; font-size: 13px; }
.timeline summary { cursor: pointer; color: var(--accent); }
.timeline ol { margin-top: 4px; }
.timeline li { margin: 1px 0; }
.learned { font-style: normal; }
.footer { display: flex; align-items: center; justify-content: space-between; gap: 8px; margin-top: 8px; flex-wrap: wrap; }
.sources { font-size: 12px; color: var(--muted); }
a, .link { color: var(--accent); }
.link { background: none; border: 0; padding: 0; font: inherit; cursor: pointer; text-decoration: underline; text-align: left; }
.copy, .back {
  font: inherit; font-size: 12px; color: var(--fg); background: var(--chip); border: 1px solid var(--border);
  border-radius: 6px; padding: 2px 8px; cursor: pointer;
}
.back { margin: 0 0 6px; }
.close {
  position: absolute; top: 6px; right: 8px; border: 0; background: none; color: var(--muted);
  font-size: 18px; line-height: 1; cursor: pointer; padding: 2px 4px;
}
.close:focus-visible, .link:focus-visible, a:focus-visible, .chip:focus-visible, .copy:focus-visible,
.back:focus-visible, .timeline summary:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
`;
