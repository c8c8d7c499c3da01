// Scoped to the notice's shadow root: the page's styles do not leak in, ours do not leak out.
// Written compact (one rule a line): it ships inside the content script, whose budget is 8 kB gzip.
export const NOTICE_CSS = `
:host{all:initial;position:fixed;inset:16px 16px auto auto;z-index:2147483647;color-scheme:light dark}
.card{box-sizing:border-box;width:min(380px,calc(100vw - 32px));padding:16px;border-radius:8px;
  font:14px/1.45 "Segoe UI",system-ui,sans-serif;background:#fff;color:#242424;border:1px solid #d1d1d1;
  border-left:4px solid #bc4b09;box-shadow:0 8px 16px rgba(0,0,0,.14)}
h2{margin:0 0 8px;font-size:16px;font-weight:600}
p{margin:0 0 8px}
label{display:block;margin:8px 0 4px;font-weight:600}
input{box-sizing:border-box;width:100%;padding:6px 8px;font:inherit;border:1px solid #8a8a8a;
  border-radius:4px;background:inherit;color:inherit}
.muted{color:#616161}
.error{color:#b10e1c}
.error:empty{display:none}
.actions{display:flex;flex-wrap:wrap;gap:8px;margin-top:12px}
button{font:inherit;padding:6px 12px;border-radius:4px;border:1px solid #8a8a8a;background:#fff;color:#242424;
  cursor:pointer}
button.primary{background:#0f6cbd;border-color:#0f6cbd;color:#fff}
button:disabled{opacity:.5;cursor:not-allowed}
button:focus-visible,input:focus-visible{outline:2px solid #0f6cbd;outline-offset:2px}
@media (prefers-color-scheme:dark){.card{background:#292929;color:#f0f0f0;border-color:#525252;
  border-left-color:#f7630c}
.muted{color:#c7c7c7}
.error{color:#ff99a4}
button{background:#3d3d3d;color:#f0f0f0;border-color:#666}
button.primary{background:#479ef5;border-color:#479ef5;color:#000}
}
`;
