(function(){
var CSS='#vitrine-error{position:fixed;inset:0;z-index:99999;background:#1d1d1f;color:#f5f5f5;overflow:auto;padding:0 1rem 1rem;font:16px/1.55 system-ui,-apple-system,"PingFang SC","Microsoft YaHei",sans-serif;text-align:left}'
+'#vitrine-error *{box-sizing:border-box}'
+'#vitrine-error .ve-head{display:flex;gap:.75rem;align-items:center;justify-content:space-between;position:sticky;top:0;background:#1d1d1f;padding:.75rem 0;border-bottom:1px solid #555}'
+'#vitrine-error h2{font-size:1rem;line-height:1.4;margin:0;padding:0;border:0;text-decoration:none;font-weight:600;color:#ffb4a9}'
+'#vitrine-error .ve-close{flex:none;min-width:44px;min-height:44px;padding:0 1rem;font:inherit;font-weight:600;color:#1d1d1f;background:#f5f5f5;border:0;border-radius:6px;cursor:pointer}'
+'#vitrine-error .ve-close:focus{outline:3px solid #ffd54a;outline-offset:2px}'
+'#vitrine-error .ve-count{margin:.75rem 0 0;color:#ccc}'
+'#vitrine-error .ve-item{border-bottom:1px solid #444;padding:.75rem 0}'
+'#vitrine-error .ve-at{margin:0;font:.85rem/1.4 ui-monospace,Menlo,Consolas,monospace;color:#bbb;overflow-wrap:anywhere}'
+'#vitrine-error .ve-msg{margin:.25rem 0;font-weight:600;overflow-wrap:anywhere}'
+'#vitrine-error .ve-warn .ve-msg{color:#ffe082}'
+'#vitrine-error pre{margin:.5rem 0;padding:.5rem .6rem;background:#000;border-radius:4px;white-space:pre-wrap;overflow-wrap:anywhere;font:14px/1.7 ui-monospace,Menlo,Consolas,"PingFang SC","Microsoft YaHei",monospace}'
+'#vitrine-error mark{background:#ffd54a;color:#000;border-radius:2px;padding:1px 2px;text-decoration:underline;text-decoration-thickness:2px}'
+'#vitrine-error .ve-num{color:#888}'
+'#vitrine-error .ve-hint{margin:.25rem 0;color:#a5d6a7;overflow-wrap:anywhere}'
+'#vitrine-error .ve-back{color:#bbb;font-size:.9rem;margin:1rem 0 0}'
+'@media (min-width:720px){#vitrine-error{padding:0 3rem 2rem}#vitrine-error h2{font-size:1.1rem}}';
var o=null,closed=-1,shownGen=-1,first=true;
function el(t,c,x){var e=document.createElement(t);if(c)e.className=c;if(x!=null)e.textContent=x;return e}
function hide(){if(o){o.remove();o=null}}
function close(){closed=shownGen;hide()}
function show(r,g){
hide();shownGen=g;if(closed===g)return;
o=el("div");o.id="vitrine-error";o.setAttribute("role","alertdialog");o.setAttribute("aria-labelledby","vitrine-error-title");if(r.lang)o.lang=r.lang;
o.appendChild(el("style",null,CSS));
var head=el("div","ve-head"),h=el("h2",null,r.title);h.id="vitrine-error-title";head.appendChild(h);
var b=el("button","ve-close",r.close);b.type="button";b.onclick=close;head.appendChild(b);o.appendChild(head);
if(r.count)o.appendChild(el("p","ve-count",r.count));
(r.items||[]).forEach(function(d){
var s=el("section","ve-item"+(d.warning?" ve-warn":""));
if(d.at)s.appendChild(el("p","ve-at",d.at));
s.appendChild(el("p","ve-msg",d.message));
if(d.before!=null){var p=el("pre");if(d.line)p.appendChild(el("span","ve-num",d.line+" | "));p.appendChild(document.createTextNode(d.before));if(d.mark)p.appendChild(el("mark",null,d.mark));p.appendChild(document.createTextNode(d.after||""));s.appendChild(p)}
if(d.hint)s.appendChild(el("p","ve-hint",r.hint+d.hint));
o.appendChild(s)});
if(r.back)o.appendChild(el("p","ve-back",r.back));
document.body.appendChild(o);b.focus()}
document.addEventListener("keydown",function(e){if(e.key==="Escape"&&o)close()});
var es=new EventSource("/__vitrine/events");
es.addEventListener("state",function(e){var s=JSON.parse(e.data);if(s.error){show(s.error,s.generation);first=false;return}hide();if(!first&&s.generation!==window.__vitrineGen){location.reload()}window.__vitrineGen=s.generation;first=false})
})();
