// Accessibility checks that axe cannot make, run in the page by tests/integration/a11y.rs.
// Each check returns a list of problems (strings); an empty list passes. Defines
// `window.vitrineA11y` once per page.
(function () {
  if (window.vitrineA11y) return;

  // --- colours -----------------------------------------------------------------------------
  function parse(c) {
    var m = /rgba?\(([\d.]+)[ ,]+([\d.]+)[ ,]+([\d.]+)(?:[ ,/]+([\d.]+%?))?\)/.exec(c || '');
    if (!m) {
      var h = /^#([0-9a-f]{6})$/i.exec(c || '');
      if (!h) return null;
      var n = parseInt(h[1], 16);
      return [(n >> 16) & 255, (n >> 8) & 255, n & 255, 1];
    }
    var a = m[4] === undefined ? 1 : (m[4].endsWith('%') ? parseFloat(m[4]) / 100 : parseFloat(m[4]));
    return [+m[1], +m[2], +m[3], a];
  }
  function lum(c) {
    var f = function (v) { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]);
  }
  function contrast(a, b) {
    var x = lum(a), y = lum(b);
    return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
  }
  function over(top, under) {
    var a = top[3];
    return [0, 1, 2].map(function (i) { return top[i] * a + under[i] * (1 - a); }).concat([1]);
  }
  // The colour a reader sees behind an element: its own and its ancestors' backgrounds.
  function background(el) {
    var layers = [];
    for (var e = el; e && e.nodeType === 1; e = e.parentElement) {
      var c = parse(getComputedStyle(e).backgroundColor);
      if (c && c[3] > 0) { layers.push(c); if (c[3] >= 1) break; }
    }
    var result = [255, 255, 255, 1];
    for (var i = layers.length - 1; i >= 0; i--) result = over(layers[i], result);
    return result;
  }
  // The grey a colour becomes in greyscale (print, e-ink, `filter: grayscale(1)`).
  function grey(c) {
    var g = 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    return [g, g, g, 1];
  }
  function describe(el) {
    var id = el.id ? '#' + el.id : '';
    var cls = typeof el.className === 'string' && el.className ? '.' + el.className.trim().split(/\s+/).join('.') : '';
    var text = (el.textContent || '').replace(/\s+/g, ' ').trim().slice(0, 50);
    return '<' + el.localName + id + cls + '> "' + text + '"';
  }

  // --- focus -------------------------------------------------------------------------------
  // The focused element's ring: at least 2 px, and 3:1 against what is next to it on every side
  // (what the page shows just outside the ring, found with elementsFromPoint).
  function focusRing() {
    var el = document.activeElement;
    if (!el || el === document.body || el === document.documentElement) return { done: true, problems: [] };
    var cs = getComputedStyle(el);
    var problems = [];
    var width = parseFloat(cs.outlineWidth) || 0;
    if (cs.outlineStyle === 'none' || width < 2) {
      problems.push('focus ring thinner than 2 px or missing on ' + describe(el));
      return { done: false, key: describe(el), problems: problems };
    }
    var ring = parse(cs.outlineColor);
    var offset = parseFloat(cs.outlineOffset) || 0;
    var r = el.getBoundingClientRect();
    if (offset + width <= 0) {
      // A ring drawn inside the element: it meets the element's own background.
      var inside = contrast(ring, background(el));
      if (inside < 3) problems.push('focus ring ' + cs.outlineColor + ' has contrast ' + inside.toFixed(2) + ':1 inside ' + describe(el));
      return { done: false, key: describe(el) + '@' + Math.round(r.top + scrollY) + ',' + Math.round(r.left), problems: problems };
    }
    var out = offset + width + 1;
    var points = [
      [r.left - out, r.top + r.height / 2], [r.right + out, r.top + r.height / 2],
      [r.left + r.width / 2, r.top - out], [r.left + r.width / 2, r.bottom + out]
    ];
    var worst = Infinity, against = null;
    points.forEach(function (p) {
      if (p[0] < 0 || p[1] < 0 || p[0] >= innerWidth || p[1] >= innerHeight) return;
      var behind = document.elementsFromPoint(p[0], p[1]).filter(function (e) { return e !== el && !el.contains(e); })[0];
      if (!behind) return;
      var bg = background(behind);
      var ratio = contrast(ring, bg);
      if (ratio < worst) { worst = ratio; against = bg; }
    });
    if (worst < 3) {
      problems.push('focus ring ' + cs.outlineColor + ' has contrast ' + worst.toFixed(2) + ':1 against rgb(' +
        against.slice(0, 3).map(Math.round).join(',') + ') on ' + describe(el));
    }
    return { done: false, key: describe(el) + '@' + Math.round(r.top + scrollY) + ',' + Math.round(r.left), problems: problems };
  }

  // --- reflow, zoom, text spacing ------------------------------------------------------------
  var SPACING_ID = 'vitrine-a11y-text-spacing';
  function textSpacing(on) {
    var s = document.getElementById(SPACING_ID);
    if (on && !s) {
      s = document.createElement('style');
      s.id = SPACING_ID;
      // WCAG 1.4.12's values (the W3C bookmarklet's rules).
      s.textContent = '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }';
      document.head.appendChild(s);
    } else if (!on && s) {
      s.remove();
    }
    return document.documentElement.scrollWidth;
  }
  function noSidewaysScroll(what) {
    var d = document.documentElement;
    var over = d.scrollWidth - d.clientWidth;
    if (over <= 0) return [];
    // Name the widest elements that reach past the edge.
    var culprits = [];
    document.querySelectorAll('body *').forEach(function (e) {
      var r = e.getBoundingClientRect();
      if (r.right > d.clientWidth + 1 && r.width > 0 && !e.closest('.table-wrap') && !(e.parentElement && e.parentElement.getBoundingClientRect().right > d.clientWidth + 1)) culprits.push(describe(e) + ' to ' + Math.round(r.right) + ' px');
    });
    return ['page scrolls sideways by ' + over + ' px ' + what + ': ' + culprits.slice(0, 3).join('; ')];
  }
  // Which elements of <main> a reader can see (an element not rendered, invisible, or clipped
  // to nothing is not seen). Elements in closed disclosures count as seen where their
  // disclosure is.
  function seen() {
    var main = document.querySelector('main');
    if (!main) return [];
    return Array.prototype.map.call(main.querySelectorAll('*'), function (e) {
      var host = e.closest('details:not([open]) > :not(summary)') ? e.closest('details') : e;
      var r = host.getBoundingClientRect();
      var cs = getComputedStyle(host);
      if (cs.visibility === 'hidden' || r.width < 2 || r.height < 2) return false;
      if (cs.clipPath === 'inset(50%)' || cs.clip === 'rect(0px, 0px, 0px, 0px)') return false;
      return true;
    });
  }
  function stillSeen(before, what) {
    var now = seen();
    var all = document.querySelector('main') ? document.querySelector('main').querySelectorAll('*') : [];
    var lost = [];
    before.forEach(function (was, i) { if (was && !now[i]) lost.push(describe(all[i])); });
    // Report the outermost lost elements only.
    return lost.length ? ['hidden ' + what + ' but shown at 1280 px: ' + lost.slice(0, 5).join('; ') + (lost.length > 5 ? ' (' + lost.length + ' in all)' : '')] : [];
  }

  // --- charts ------------------------------------------------------------------------------
  function viewBox(svg) {
    var v = (svg.getAttribute('viewBox') || '').split(/[ ,]+/).map(Number);
    return v.length === 4 ? v : null;
  }
  // Chart text at least `min` px as drawn, and inside the chart (not cut at its edge).
  function chartText(min) {
    var problems = [];
    document.querySelectorAll('main svg[role=img]').forEach(function (svg) {
      var vb = viewBox(svg);
      var box = svg.getBoundingClientRect();
      if (!vb || box.width === 0) return;
      var scale = box.width / vb[2];
      var name = svg.querySelector('title') ? svg.querySelector('title').textContent : '?';
      svg.querySelectorAll('text').forEach(function (t) {
        var size = parseFloat(getComputedStyle(t).fontSize) * scale;
        if (min && size < min - 0.05) problems.push('chart text ' + size.toFixed(1) + ' px (under ' + min + ') in "' + name + '": ' + t.textContent);
        var b = t.getBBox();
        if (b.x < vb[0] - 0.5 || b.x + b.width > vb[0] + vb[2] + 0.5) {
          problems.push('chart text cut at the edge of "' + name + '": "' + t.textContent + '" spans ' + b.x.toFixed(0) + '..' + (b.x + b.width).toFixed(0) + ' of ' + vb[2]);
        }
      });
    });
    return problems;
  }
  // Series told apart without hue: bars by solid colours 3:1 apart in greyscale or by patterns;
  // lines by greys 3:1 apart or by marker shapes.
  function neutral(c) { return !c || (Math.abs(c[0] - c[1]) < 8 && Math.abs(c[1] - c[2]) < 8); }
  // A marker's shape: circle, or polygon by its corners and whether one stands straight above
  // or below its centre (square "4", diamond "4tb", triangles "3t" and "3b").
  function shape(e) {
    if (e.localName === 'circle') return 'circle';
    var pts = (e.getAttribute('points') || '').trim().split(/\s+/).map(function (p) { return p.split(',').map(Number); });
    var cx = pts.reduce(function (s, p) { return s + p[0]; }, 0) / pts.length;
    var cy = pts.reduce(function (s, p) { return s + p[1]; }, 0) / pts.length;
    var top = pts.some(function (p) { return Math.abs(p[0] - cx) < 0.75 && p[1] < cy; });
    var bottom = pts.some(function (p) { return Math.abs(p[0] - cx) < 0.75 && p[1] > cy; });
    return 'polygon' + pts.length + (top ? 't' : '') + (bottom ? 'b' : '');
  }
  function greyscale() {
    var problems = [];
    document.querySelectorAll('main svg[role=img]').forEach(function (svg) {
      var name = svg.querySelector('title') ? svg.querySelector('title').textContent : '?';
      var fills = {}, lines = {};
      svg.querySelectorAll('rect').forEach(function (r) {
        if (r.closest('pattern')) return;
        var f = r.getAttribute('fill') || '';
        if (/^url\(/.test(f)) {
          var id = f.slice(5, -1).replace(/^#/, '');
          if (!svg.querySelector('pattern[id="' + id + '"]')) problems.push('"' + name + '": fill ' + f + ' has no pattern');
          fills[f] = true;
        } else if (!neutral(parse(f))) {
          fills[f] = true;
        }
      });
      svg.querySelectorAll('polyline, path').forEach(function (l) {
        var s = parse(l.getAttribute('stroke'));
        if (!neutral(s) && parseFloat(l.getAttribute('stroke-width') || '1') >= 2) lines[l.getAttribute('stroke')] = {};
      });
      svg.querySelectorAll('circle, polygon').forEach(function (m) {
        var f = m.getAttribute('fill');
        if (lines[f]) lines[f][shape(m)] = true;
      });
      var paints = Object.keys(fills);
      for (var i = 0; i < paints.length; i++) for (var j = i + 1; j < paints.length; j++) {
        var a = paints[i], b = paints[j];
        if (/^url/.test(a) || /^url/.test(b)) continue;
        var ratio = contrast(grey(parse(a)), grey(parse(b)));
        if (ratio < 3) problems.push('"' + name + '": bars ' + a + ' and ' + b + ' are ' + ratio.toFixed(2) + ':1 apart in greyscale, with no pattern');
      }
      var strokes = Object.keys(lines);
      for (i = 0; i < strokes.length; i++) for (j = i + 1; j < strokes.length; j++) {
        var x = strokes[i], y = strokes[j];
        if (contrast(grey(parse(x)), grey(parse(y))) >= 3) continue;
        var sx = Object.keys(lines[x]).sort().join(), sy = Object.keys(lines[y]).sort().join();
        if (!sx || !sy || sx === sy) problems.push('"' + name + '": lines ' + x + ' and ' + y + ' differ only by hue (markers: ' + (sx || 'none') + ' / ' + (sy || 'none') + ')');
      }
    });
    return problems;
  }
  // What the accessibility tree must say of each chart (checked by the test with the tree):
  // the visible title, and the SVG's description.
  // Opens (true) every disclosure, so that what they hold is in the accessibility tree, or
  // closes (false) the ones opened.
  function disclose(open) {
    document.querySelectorAll('details').forEach(function (d) {
      if (open && !d.open) { d.open = true; d.dataset.a11yOpened = '1'; }
      if (!open && d.dataset.a11yOpened) { d.open = false; delete d.dataset.a11yOpened; }
    });
    return true;
  }
  function charts() {
    return Array.prototype.map.call(document.querySelectorAll('main svg[role=img]'), function (svg) {
      var fig = svg.closest('figure');
      var cap = fig && fig.querySelector('figcaption .chart-title');
      var desc = svg.querySelector('desc');
      var capHidden = fig && fig.querySelector('figcaption') && getComputedStyle(fig.querySelector('figcaption')).clipPath === 'inset(50%)';
      return { title: cap ? cap.textContent : null, desc: desc ? desc.textContent : null, captionHidden: !!capHidden };
    });
  }

  // --- language of parts -------------------------------------------------------------------
  var HAN = /[\u2E80-\u2FDF\u3000-\u303F\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60]/;
  function cjk(lang) { return /^(zh|ja|ko|yue|lzh|cmn)\b/i.test(lang || ''); }
  function langOfParts() {
    var problems = [];
    if (cjk(document.documentElement.lang)) return problems;
    var walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (var n = walker.nextNode(); n; n = walker.nextNode()) {
      var p = n.parentElement;
      if (!p || p.closest('script, style, noscript, template')) continue;
      if (!HAN.test(n.data)) continue;
      var holder = p.closest('[lang]');
      var lang = holder ? holder.getAttribute('lang') : '';
      if (!cjk(lang)) problems.push('Chinese without lang="zh…" (in ' + (lang || 'no language') + '): "' + n.data.trim().slice(0, 40) + '" in ' + describe(p));
    }
    return problems;
  }

  // --- tables, disclosures, links, current page -------------------------------------------
  function tables() {
    var problems = [];
    document.querySelectorAll('main table').forEach(function (t) {
      var where = describe(t).slice(0, 60);
      t.querySelectorAll('thead th').forEach(function (th) {
        if (th.getAttribute('scope') !== 'col') problems.push('header cell without scope="col": ' + describe(th) + ' in ' + where);
      });
      t.querySelectorAll('tbody tr').forEach(function (tr) {
        var first = tr.cells[0];
        if (!first || !first.textContent.trim()) return;
        if (first.localName !== 'th' || first.getAttribute('scope') !== 'row') problems.push('row label not a row header: ' + describe(first) + ' in ' + where);
      });
      var wrap = t.parentElement;
      if (wrap && wrap.classList.contains('table-wrap')) {
        if (wrap.getAttribute('tabindex') !== '0' || wrap.getAttribute('role') !== 'region') problems.push('scrolling table region not focusable or not a region: ' + where);
        if (getComputedStyle(wrap).backgroundImage === 'none') problems.push('scrolling table region shows no scroll shadow: ' + where);
      }
    });
    document.querySelectorAll('summary').forEach(function (s) {
      if (getComputedStyle(s).display !== 'list-item') problems.push('disclosure without its marker (display: ' + getComputedStyle(s).display + '): ' + describe(s));
    });
    return problems;
  }
  // Regions (scrolling tables, named sections) have names of their own: two landmarks of one
  // name cannot be told apart in a screen reader's list.
  function landmarks() {
    var seen = {}, problems = [];
    document.querySelectorAll('[role=region], section[aria-labelledby], section[aria-label]').forEach(function (e) {
      var ids = (e.getAttribute('aria-labelledby') || '').split(/\s+/).filter(Boolean);
      var name = ids.length ? ids.map(function (id) { var t = document.getElementById(id); return t ? t.textContent : ''; }).join(' ') : (e.getAttribute('aria-label') || '');
      name = name.replace(/\s+/g, ' ').trim();
      if (seen[name]) problems.push('two regions named "' + name + '"');
      seen[name] = true;
    });
    return problems;
  }
  function links() {
    var byName = {};
    document.querySelectorAll('main a[href], main summary').forEach(function (a) {
      var name = (a.getAttribute('aria-label') || a.textContent).replace(/\s+/g, ' ').trim();
      var target = a.localName === 'summary' ? 'summary:' + (a.id || Math.random()) : new URL(a.getAttribute('href'), location.href).href;
      (byName[name] = byName[name] || {})[target] = true;
    });
    var problems = [];
    Object.keys(byName).forEach(function (name) {
      var targets = Object.keys(byName[name]);
      if (targets.length > 1) problems.push(targets.length + ' links or disclosures named "' + name + '" lead to different places');
    });
    return problems;
  }
  // In forced colours, the current page's menu item still looks different from the others.
  function currentMarker() {
    var cur = document.querySelector('.main-nav a[aria-current=page]');
    if (!cur) return [];
    var cs = getComputedStyle(cur);
    var border = parseFloat(cs.borderBottomWidth) >= 2 && cs.borderBottomStyle !== 'none';
    var underline = cs.textDecorationLine.indexOf('underline') >= 0;
    var outline = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2;
    return border || underline || outline ? [] : ['the current page marker disappears in forced colours: ' + describe(cur)];
  }

  window.vitrineA11y = {
    focusRing: focusRing, textSpacing: textSpacing, noSidewaysScroll: noSidewaysScroll,
    seen: seen, stillSeen: stillSeen, disclose: disclose, chartText: chartText, greyscale: greyscale, charts: charts,
    langOfParts: langOfParts, tables: tables, links: links, landmarks: landmarks, currentMarker: currentMarker
  };
})();
