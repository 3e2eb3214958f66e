import { html } from '../../../modules/web/html';

// The document pages' own rules, after the workflow pages' stylesheet: same palette, text at least 7:1 on its
// background, and state told by words and shape (strike-through, underline, badges with text), never by colour alone.
export const DOCUMENT_PAGE_STYLE = html`<style>
.doc-meta{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:0 0 1rem}
.doc-meta dt{font-weight:600;color:#3b3f45}
.doc-meta dd{margin:0}
.versions ul,.downloads ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.5rem 1.25rem}
.versions a[aria-current]{font-weight:700;text-decoration:none;border-bottom:3px solid currentColor}
.preamble,.clause-text,.comment-body,.amendment-text{white-space:pre-line;margin:.25rem 0 .75rem}
.clause{background:#fff;border:1px solid #c9ccd1;border-radius:.5rem;padding:1rem 1.25rem;margin:0 0 1.25rem}
.clause:target{border:3px solid #0b4f8a}
.clause h3{margin:0 0 .5rem;font-size:1.15rem}
.discussion{border-top:1px solid #dcdfe3;margin-top:1rem;padding-top:.75rem}
.discussion h4{margin:0 0 .5rem;font-size:1.05rem}
.threads{list-style:none;margin:0;padding:0;display:grid;gap:.75rem}
.thread{border:1px solid #c9ccd1;border-radius:.4rem;padding:.75rem 1rem;background:#f9fafb}
.thread h3,.thread h5{margin:0 0 .25rem;font-size:1rem}
.comments{list-style:none;margin:.5rem 0;padding:0;display:grid;gap:.5rem}
.comment{background:#fff;border:1px solid #dcdfe3;border-radius:.35rem;padding:.5rem .75rem}
.comment-meta{margin:0;font-size:.9rem;color:#3b3f45}
.replies{list-style:none;margin:.5rem 0 0 1.5rem;padding:0 0 0 .75rem;border-left:3px solid #8a8f96;display:grid;gap:.5rem}
.badge-open{color:#063563;background:#e7f0f8}
.badge-resolved{color:#17492a;background:#e6f2e9}
.badge-proposed{color:#063563;background:#e7f0f8}
.badge-accepted,.badge-merged{color:#17492a;background:#e6f2e9}
.badge-rejected{color:#8a0014;background:#fdecee}
.badge-withdrawn{color:#3b3f45;background:#eef0f3}
details.write{margin:.5rem 0 0}
details.write summary{cursor:pointer;font-weight:600;color:#0b4f8a;padding:.25rem 0}
.write-form{margin:.5rem 0 0;padding:.75rem 1rem;border:1px dashed #4b4f56;border-radius:.4rem;background:#fff}
.write-form .field{margin:0 0 .75rem}
select,input[type=text].field-input{display:block;width:100%;max-width:40rem;font:inherit;padding:.5rem .65rem;border:2px solid #4b4f56;border-radius:.3rem;background:#fff;color:#1b1b1b}
select[aria-invalid=true],input[aria-invalid=true]{border-color:#b00020}
.hint{font-size:.9rem;color:#3b3f45;margin:.25rem 0 0}
.amendments{list-style:none;margin:0;padding:0;display:grid;gap:1rem}
.amendment{background:#fff;border:1px solid #c9ccd1;border-radius:.5rem;padding:1rem 1.25rem}
.amendment h3{margin:0 0 .5rem;font-size:1.1rem}
del{text-decoration:line-through;text-decoration-thickness:2px;background:#fdecee;color:#5c0010}
ins{text-decoration:underline;text-decoration-thickness:2px;background:#e6f2e9;color:#0f3d1d}
.diff-block{background:#fff;border:1px solid #c9ccd1;border-radius:.5rem;padding:1rem 1.25rem;margin:0 0 1rem}
.diff-block h3{margin:0 0 .5rem;font-size:1.1rem}
.diff-text{white-space:pre-line;margin:.25rem 0 .75rem;line-height:1.7}
.diff-pick{display:flex;flex-wrap:wrap;gap:.75rem 1.25rem;align-items:flex-end;margin:0 0 1.5rem}
.diff-pick .field{margin:0}
</style>`;
