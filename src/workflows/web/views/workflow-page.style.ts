import { html } from '../../../modules/web/html';

// Same palette and contrast rules as the shell (text at least 7:1); state is never told by colour alone.
export const WORKFLOW_PAGE_STYLE = html`<style>
.lead{font-size:1.125rem;font-weight:600;margin:0 0 1.25rem}
.flash{border-left:6px solid #1e6b33;background:#e8f4ec;color:#0f3d1d;padding:.75rem 1rem;margin:0 0 1.25rem;border-radius:.25rem}
.badge{display:inline-block;font-size:.85rem;font-weight:700;line-height:1.4;padding:.05rem .55rem;border-radius:1rem;border:1px solid currentColor;vertical-align:.1em;white-space:nowrap}
.badge-late{color:#8a0014;background:#fdecee}
.badge-running{color:#063563;background:#e7f0f8}
.badge-completed{color:#17492a;background:#e6f2e9}
.badge-cancelled{color:#3b3f45;background:#eef0f3}
.tasks{list-style:none;margin:0;padding:0;display:grid;gap:1rem}
.task{background:#fff;border:1px solid #c9ccd1;border-radius:.5rem;padding:1rem 1.25rem}
.task.is-late{border-left:6px solid #8a0014}
.task h3{margin:0 0 .5rem;font-size:1.125rem}
.facts{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:0 0 1rem}
.facts dt{font-weight:600;color:#3b3f45}
.facts dd{margin:0}
.actions{display:flex;flex-wrap:wrap;gap:1rem;align-items:flex-end}
.actions form{margin:0}
.return-form{flex:1 1 20rem;display:flex;flex-wrap:wrap;gap:.5rem;align-items:flex-end}
.return-form .field{flex:1 1 14rem;margin:0}
textarea{display:block;width:100%;font:inherit;padding:.5rem .65rem;border:2px solid #4b4f56;border-radius:.3rem;background:#fff;color:#1b1b1b;resize:vertical}
textarea[aria-invalid=true]{border-color:#b00020}
a.button-link{display:inline-block;font-weight:600;border-radius:.3rem;padding:.55rem 1.25rem;border:2px solid #0b4f8a;background:#0b4f8a;color:#fff;text-decoration:none}
a.button-link:hover{background:#063563;border-color:#063563;color:#fff}
button.secondary{background:#fff;color:#0b4f8a}
button.secondary:hover{background:#e7f0f8;color:#063563}
.filters{margin:0 0 1rem}
.filters ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.5rem 1.25rem}
.pager ul{list-style:none;margin:.75rem 0;padding:0;display:flex;flex-wrap:wrap;gap:.5rem 1.25rem;align-items:center}
.filters a[aria-current]{font-weight:700;text-decoration:none;border-bottom:2px solid currentColor}
.timeline{list-style:none;margin:0;padding:0 0 0 1.75rem;border-left:3px solid #c9ccd1;display:grid;gap:1rem}
.timeline>li{position:relative;background:#fff;border:1px solid #c9ccd1;border-radius:.5rem;padding:.85rem 1.1rem}
.timeline>li::before{content:"";position:absolute;left:-2.45rem;top:1.05rem;width:1.1rem;height:1.1rem;border-radius:50%;border:3px solid #4b4f56;background:#fff}
.timeline>li.is-done::before{background:#1e6b33;border-color:#1e6b33}
.timeline>li.is-current{border:2px solid #0b4f8a}
.timeline>li.is-current::before{background:#0b4f8a;border-color:#0b4f8a}
.timeline>li.is-next{background:#f9fafb;border-style:dashed}
.timeline h3{margin:0 0 .35rem;font-size:1.075rem}
.phase{display:block;font-size:.85rem;font-weight:700;text-transform:uppercase;letter-spacing:.03em;color:#3b3f45}
.timeline p{margin:.25rem 0}
.meter{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem 1rem;margin:.5rem 0}
progress{width:16rem;max-width:100%;height:1.1rem;accent-color:#1e6b33}
.routes{margin:.25rem 0 0;padding-left:1.25rem}
.verdict-ok{border-left:6px solid #1e6b33;background:#e8f4ec;color:#0f3d1d;padding:.75rem 1rem;border-radius:.25rem}
code,pre{font-family:ui-monospace,"SFMono-Regular",Menlo,Consolas,"Liberation Mono",monospace;font-size:.9rem}
pre.source{background:#fff;border:1px solid #c9ccd1;border-radius:.5rem;padding:1rem;overflow-x:auto;line-height:1.45}
td ul{margin:0;padding-left:1.1rem}
.break{overflow-wrap:anywhere}
fieldset{border:1px solid #c9ccd1;border-radius:.4rem;padding:.75rem 1rem;margin:0 0 1rem}
legend{font-weight:600;padding:0 .25rem}
.choice{display:flex;align-items:center;gap:.6rem;margin:.35rem 0}
.choice label{display:inline;margin:0;font-weight:500}
.choice input{width:1.25rem;height:1.25rem;accent-color:#0b4f8a}
select{font:inherit;padding:.45rem .6rem;border:2px solid #4b4f56;border-radius:.3rem;background:#fff}
ul.mine{padding-left:1.25rem}
</style>`;
