// Styles for the card inside its closed shadow root. `all: initial` on the host
// cuts inheritance from the page, so hostile page CSS (`* { all: unset }`, odd
// fonts, line-heights) cannot reach in; the theme follows prefers-color-scheme.
export const CARD_CSS = `
:host { all: initial; }
.wrap {
  position: fixed; top: 0; left: 0; z-index: 2147483647;
  max-width: min(420px, calc(100vw - 16px));
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif;
  color: var(--fg);
  --bg: #ffffff; --fg: #1b1f24; --muted: #57606a; --border: #d0d7de; --accent: #0b5cad;
  --ok-bg: #dafbe1; --ok-fg: #116329; --bad-bg: #ffebe9; --bad-fg: #a40e26; --unk-bg: #eaeef2; --unk-fg: #424a53;
}
@media (prefers-color-scheme: dark) {
  .wrap.theme-auto {
    --bg: #1f2328; --fg: #e6edf3; --muted: #9da7b3; --border: #3d444d; --accent: #6cb6ff;
    --ok-bg: #1b4721; --ok-fg: #aff5b4; --bad-bg: #5d0f12; --bad-fg: #ffdcd7; --unk-bg: #30363d; --unk-fg: #d1d7de;
  }
}
.wrap.theme-dark {
  --bg: #1f2328; --fg: #e6edf3; --muted: #9da7b3; --border: #3d444d; --accent: #6cb6ff;
  --ok-bg: #1b4721; --ok-fg: #aff5b4; --bad-bg: #5d0f12; --bad-fg: #ffdcd7; --unk-bg: #30363d; --unk-fg: #d1d7de;
}
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.wrap[hidden] { display: none; }
.card {
  position: relative; box-sizing: border-box; overflow: auto; max-height: inherit;
  background: var(--bg); color: var(--fg); border: 1px solid var(--border); border-radius: 8px;
  box-shadow: 0 8px 24px rgba(0,0,0,.18); padding: 12px 14px; text-align: left;
}
.card * { box-sizing: border-box; }
.kind { font-size: 12px; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; }
.head-row { display: flex; align-items: center; gap: 8px; justify-content: space-between; padding-right: 24px; }
.title { font-size: 16px; font-weight: 600; margin: 4px 24px 6px 0; line-height: 1.3; }
.summary { margin: 0 0 8px; }
.note { margin: 4px 0 8px; color: var(--muted); font-style: italic; }
dl { margin: 0 0 8px; display: grid; grid-template-columns: auto 1fr; gap: 2px 10px; }
.field { display: contents; }
dt { color: var(--muted); white-space: nowrap; }
dd { margin: 0; }
ul { margin: 0; padding-left: 18px; }
.badge { font-size: 12px; border-radius: 999px; padding: 1px 8px; white-space: nowrap; }
.status-in_force { background: var(--ok-bg); color: var(--ok-fg); }
.status-expired { background: var(--bad-bg); color: var(--bad-fg); }
.status-not_yet_in_force, .status-unknown { background: var(--unk-bg); color: var(--unk-fg); }
.sources { font-size: 12px; color: var(--muted); margin: 6px 0 0; }
a, .link { color: var(--accent); }
.link { background: none; border: 0; padding: 0; font: inherit; cursor: pointer; text-decoration: underline; text-align: left; }
.close {
  position: absolute; top: 6px; right: 8px; border: 0; background: none; color: var(--muted);
  font-size: 18px; line-height: 1; cursor: pointer; padding: 2px 4px;
}
.close:focus-visible, .link:focus-visible, a:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
`;
