#include "render/report_assets.hpp"

namespace stet::cli {

namespace {

// Kept as one literal so the page is byte-for-byte reproducible and the
// script's CSP hash is computed from exactly what is written.
constexpr std::string_view k_css = R"css(
:root{--ink:#1d2433;--muted:#5b6475;--line:#d9dee7;--paper:#fff;--wash:#f5f7fa;--accent:#1f4e8c;
--ins-bg:#dcf5e3;--ins-ink:#0b5a26;--del-bg:#fde3e1;--del-ink:#9b1c1c;--mov-bg:#ece5ff;--mov-ink:#4a2a8f;
--miss-bg:#fff3cf;--miss-ink:#6b4e00;--cut:#b42318}
*{box-sizing:border-box}
html{background:var(--wash)}
body{margin:0 auto;max-width:72rem;padding:2rem 1.5rem 3rem;color:var(--ink);background:var(--paper);
font:15px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
h1,h2,h3{line-height:1.2;margin:0}
h1{font:700 2rem/1.15 Georgia,"Times New Roman",serif;word-break:break-word}
h2{font-size:1.2rem;margin:2.2rem 0 .8rem;padding-bottom:.3rem;border-bottom:2px solid var(--ink)}
h3{font-size:1.05rem;margin-bottom:.4rem}
code,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace;font-size:.86em}
.kicker{text-transform:uppercase;letter-spacing:.08em;font-size:.75rem;color:var(--muted);margin:0 0 .3rem}
.lede{color:var(--muted);margin:.4rem 0 1.2rem}.lede cite{font-style:italic;color:var(--ink)}
.small.title{font-style:italic}
.facts{display:grid;grid-template-columns:max-content 1fr;gap:.35rem 1.2rem;margin:0;padding:1rem 1.2rem;
background:var(--wash);border:1px solid var(--line);border-radius:8px}
.facts dt{font-weight:600;color:var(--muted)}.facts dd{margin:0}
.facts ul{margin:.3rem 0 0;padding-left:1.2rem}
.badge{display:inline-block;padding:.05rem .55rem;border-radius:999px;font-size:.78rem;font-weight:700;
letter-spacing:.02em;border:1px solid currentColor;white-space:nowrap;vertical-align:.05em}
.badge.ok{color:#0b5a26;background:#e3f6e8}.badge.bad{color:#9b1c1c;background:#fde3e1}
.badge.warn{color:#7a4d00;background:#fff1cc}.badge.err{color:#fff;background:#5b5f97}
table{border-collapse:collapse;width:100%}
.timeline th,.timeline td{text-align:left;vertical-align:top;padding:.5rem .6rem;border-bottom:1px solid var(--line)}
.timeline th{font-size:.78rem;text-transform:uppercase;letter-spacing:.05em;color:var(--muted)}
.timeline td.num{font-weight:700;font-size:1.05rem}
.timeline tr.cut-row td:first-child{box-shadow:inset 4px 0 0 var(--cut)}
.timeline tr.err-row td:first-child{box-shadow:inset 4px 0 0 #5b5f97}
.timeline .why{display:block;font-size:.82rem;color:var(--muted);margin-top:.2rem;max-width:22rem}
.timeline details{font-size:.85rem}.timeline summary{cursor:pointer}
.sha{cursor:copy;border-bottom:1px dotted var(--muted)}.sha.copied::after{content:" copied";color:var(--ins-ink)}
.small{font-size:.82rem;color:var(--muted)}
.src{overflow-wrap:anywhere}
.controls{display:flex;flex-wrap:wrap;gap:.6rem 1.5rem;align-items:center;margin:.4rem 0 1rem;padding:.6rem .8rem;
background:var(--wash);border:1px solid var(--line);border-radius:8px}
.toggle label{display:inline-block;padding:.2rem .7rem;border:1px solid var(--line);border-radius:6px;cursor:pointer;
background:var(--paper)}
#view-inline,#view-side{position:absolute;opacity:0;pointer-events:none}
#view-inline:checked~main label[for=view-inline],#view-side:checked~main label[for=view-side]{
background:var(--accent);border-color:var(--accent);color:#fff}
#view-side:checked~main .inline{display:none}#view-inline:checked~main .side{display:none}
.picker{display:none}.js .picker{display:flex;gap:.4rem;align-items:center}
.picker select,.picker button{font:inherit;padding:.15rem .4rem}
#pick-msg{color:var(--cut)}
.allpairs{font-size:.88rem}.allpairs a{margin-right:.6rem}
.pair{margin:0 0 1.6rem;padding:1rem 1.2rem;border:1px solid var(--line);border-radius:8px;scroll-margin-top:1rem}
.pair.extra{display:none}.pair.extra:target{display:block}.pair:target{outline:3px solid var(--accent)}
.stats{margin:0 0 .6rem;font-size:.88rem;color:var(--muted)}.stats span{margin-right:.9rem}
.n-ins{color:var(--ins-ink)}.n-del{color:var(--del-ink)}.n-mov{color:var(--mov-ink)}
.cutnote{margin:.2rem 0 .8rem;padding:.5rem .8rem;border-left:4px solid var(--cut);background:#fff6f5}
.text,.side td{font:16px/1.65 Georgia,"Times New Roman",serif;white-space:pre-wrap;overflow-wrap:anywhere}
.text{max-width:46rem}
.side table{table-layout:fixed}.side th{text-align:left;font-size:.8rem;color:var(--muted);padding:.3rem .6rem;
border-bottom:1px solid var(--line)}.side td{vertical-align:top;padding:.4rem .6rem;width:50%;
border-bottom:1px solid #eef0f4}.side td+td{border-left:1px solid var(--line)}
ins{background:var(--ins-bg);color:var(--ins-ink);text-decoration:underline;text-decoration-color:#7cc494}
del{background:var(--del-bg);color:var(--del-ink);text-decoration:line-through}
ins.moved,del.moved{background:var(--mov-bg);color:var(--mov-ink);text-decoration:underline dotted}
ins.missing,del.missing{background:var(--miss-bg);color:var(--miss-ink);text-decoration:none;
border-bottom:1px dashed #c9a23a}
.typo{text-decoration:underline dotted #999}
.cut{display:inline-block;margin:0 .3rem;padding:.05rem .55rem;border-radius:4px;background:var(--cut);color:#fff;
font:700 .75rem/1.5 system-ui,sans-serif;white-space:nowrap;vertical-align:.1em}
.cut::before{content:"✂ "}
.skip{display:block;margin:.5rem 0;color:var(--muted);font:italic .85rem/1.4 system-ui,sans-serif;text-align:center}
tr.skip td{background:var(--wash);text-align:center}
.chart{margin:1rem 0 1.5rem}.chart svg{width:100%;height:auto;display:block;background:var(--wash);border-radius:8px}
.chart .axis{stroke:var(--muted);stroke-width:1}.chart line.yr{stroke:var(--muted)}.chart line.seen{stroke:#8a93a3}
.chart text{font:11px system-ui,sans-serif;text-anchor:middle;fill:var(--muted)}
.chart rect.add{fill:#2f9e5a}.chart rect.rem{fill:#c4382c}
.chart circle{stroke:#fff;stroke-width:1}.chart circle.ok{fill:var(--accent)}.chart circle.cut{fill:var(--cut)}
.chart circle.drop{fill:#d08a00}.chart circle.err{fill:#5b5f97}.chart text.err{fill:#5b5f97;font-size:14px}.chart text.cut{fill:var(--cut);font-size:14px}.chart text.drop{fill:#d08a00;font-size:14px}
.chart figcaption{font-size:.8rem;color:var(--muted);margin-top:.3rem}.cutmark{color:var(--cut)}.dropmark{color:#d08a00}.errmark{color:#5b5f97}
.legend{font-size:.85rem;color:var(--muted)}.legend>*{margin-right:.8rem}
.fingerprints dd{margin:0 0 .4rem;word-break:break-all}
footer{margin-top:2.5rem;padding-top:.8rem;border-top:1px solid var(--line);font-size:.8rem;color:var(--muted)}
@media (max-width:700px){.timeline thead{display:none}.timeline td{display:block;border:0;padding:.2rem .4rem}
.timeline tr{display:block;border-bottom:1px solid var(--line);padding:.4rem 0}}
@media print{html{background:none}body{max-width:none;padding:0;font-size:10pt}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
.controls,.allpairs,.side{display:none!important}.inline{display:block!important}
.pair.extra{display:none!important}.pair{border:0;padding:0;break-inside:auto}.pair:target{outline:0}
h2,h3{break-after:avoid}.timeline tr{break-inside:avoid}.text{max-width:none;font-size:11pt}
a{color:inherit;text-decoration:none}.sha{border:0}}
)css";

constexpr std::string_view k_script =
    "(function(){var d=document;d.documentElement.className+=' js';"
    "var f=d.getElementById('picker'),m=d.getElementById('pick-msg');"
    "if(f){f.addEventListener('submit',function(e){e.preventDefault();"
    "var a=+f.elements.a.value,b=+f.elements.b.value;if(a>b){var t=a;a=b;b=t;}"
    "if(a===b){m.textContent='Choose two different versions.';return;}"
    "var id='d-'+a+'-'+b;if(!d.getElementById(id)){m.textContent='This pair is not in the report "
    "(long histories compare consecutive versions and each with the latest).';return;}"
    "m.textContent='';location.hash=id;});}"
    "d.addEventListener('click',function(e){var s=e.target.closest('[data-sha]');"
    "if(!s||!navigator.clipboard)return;navigator.clipboard.writeText(s.getAttribute('data-sha')).then(function(){"
    "s.classList.add('copied');setTimeout(function(){s.classList.remove('copied');},1200);});});"
    "})();";

}  // namespace

std::string_view report_css() { return k_css; }

std::string_view report_script() { return k_script; }

}  // namespace stet::cli
