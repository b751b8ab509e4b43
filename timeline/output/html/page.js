// The timeline page: builds the vis-timeline view from the page's data, opens it on the DCT,
// and shows an event's sentence on hover, tap or focus. Every text goes in by textContent.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('timeline-data').textContent);
  var box = document.getElementById('tl');
  var detail = document.getElementById('detail-text');
  var linksOut = document.getElementById('detail-links');
  var shown = {};   // event index -> its element on the axis
  var listed = {};  // event index -> its item in the lists
  var steps = {};
  Array.prototype.forEach.call(document.querySelectorAll('li[data-event]'), function (li) {
    var k = li.getAttribute('data-event');
    listed[k] = li;
    steps[k] = +li.getAttribute('data-step');
  });

  function label(item) {
    var el = document.createElement('span');
    el.className = 'label';
    el.setAttribute('data-item', item.id);
    el.setAttribute('role', 'listitem');
    el.setAttribute('aria-label', item.summary);
    el.tabIndex = 0;
    el.title = item.summary;
    var b = document.createElement('b');
    b.textContent = item.label;
    el.appendChild(b);
    if (item.when) {
      var w = document.createElement('small');
      w.textContent = ' ' + item.when;
      el.appendChild(w);
    }
    shown[item.id] = el;
    return el;
  }

  var where = {};  // event index -> the item that shows it (its own, or its band's)
  var items = data.items.map(function (it) {
    var content;
    if (it.members) {
      content = document.createElement('div');
      content.className = 'chips';
      it.members.forEach(function (m) { content.appendChild(label(m)); where[m.id] = it; });
    } else {
      content = label(it);
      where[it.id] = it;
    }
    var out = { id: it.id, group: it.group, start: it.start, type: it.type, content: content,
                className: it.kind, step: it.step };
    if (it.end) { out.end = it.end; }
    return out;
  });
  items.push({ id: 'dct-day', start: data.dctDay[0], end: data.dctDay[1], type: 'background',
               className: 'dct-day', content: '' });
  var groups = data.groups.map(function (g) {
    var s = document.createElement('span');
    s.textContent = g.title;
    return { id: g.id, content: s, order: g.order };
  });
  var ready = false;
  var options = {
    orientation: { axis: 'top', item: 'top' }, stack: true, editable: false, selectable: true,
    multiselect: false, showCurrentTime: false, showTooltips: false, zoomKey: 'ctrlKey',
    margin: { axis: 26, item: { horizontal: 10, vertical: 6 } }, groupOrder: 'order',
    order: function (a, b) { return a.step - b.step || String(a.id).localeCompare(String(b.id)); },
    start: data.window[0], end: data.window[1], min: data.bounds[0], max: data.bounds[1],
    maxMinorChars: 4, zoomMin: 3600 * 1000, onInitialDrawComplete: function () { opened(); }
  };
  var tl = groups.length
    ? new vis.Timeline(box, new vis.DataSet(items), new vis.DataSet(groups), options)
    : new vis.Timeline(box, new vis.DataSet(items), options);
  tl.addCustomTime(data.dct, 'dct');
  tl.setCustomTimeMarker('DCT', 'dct', false);
  tl.setCustomTimeTitle('DCT ' + data.dct.slice(0, 10), 'dct');

  function time(s) { return vis.moment(s).valueOf(); }

  // Where each drawn label lies against the time of its item, in pixels (the same at every
  // zoom): from the dot's centre for a point, from the bar's start for a bar.
  function offsets() {
    var out = [];
    data.items.forEach(function (it) {
      var el = shown[it.id], item = el && el.closest('.vis-item');
      if (it.members || !item || !el.isConnected) { return; }
      var r = el.getBoundingClientRect(), dot = item.querySelector('.vis-dot');
      var x = dot ? (dot.getBoundingClientRect().left + dot.getBoundingClientRect().right) / 2
                  : item.getBoundingClientRect().left;
      out.push({ t: time(it.start), lo: r.left - x, hi: r.right - x, point: !!dot });
    });
    return out;
  }

  // The window the view opens on: at the scale of the data's window (on a narrow screen, as many
  // pixels a day as a wide one would give), the DCT where it was (on a narrow screen in the left
  // part, so the labels of its day fit beside it), then the nearest scale where no label is cut
  // by the window's edges. A label at x + lo .. x + hi (x = a + d * u: a the DCT's pixel, d the
  // time from the DCT, u pixels per ms) is cut at the right edge W when W - m - hi < x < W - lo,
  // at the left (points only: a bar's label moves in) when -hi < x < m - lo.
  function opening(labels) {
    var p = box.querySelector('.vis-panel.vis-center').getBoundingClientRect(), W = p.width, m = 6;
    var s = time(data.window[0]), e = time(data.window[1]), dct = time(data.dct), day = 86400000;
    var u0 = W / (e - s), a = (dct - s) * u0;
    if (W < 600) { u0 = Math.min(900 / (e - s), W / (2 * day)); a = Math.min(a / W, 0.3) * W; }
    var bad = [];
    labels.forEach(function (l) {
      if (Math.abs(l.t - dct) <= day) { a = Math.min(a, W - m - l.hi - (l.t - dct) * u0 - 2); }
    });
    a = Math.max(a, W / 20);
    labels.forEach(function (l) {
      var spans = [[W - m - l.hi, W - l.lo]];
      if (l.point) { spans.push([-l.hi, m - l.lo]); }
      spans.forEach(function (ab) {
        var d = l.t - dct, A = (ab[0] - a) / d, B = (ab[1] - a) / d;
        if (d === 0) { if (ab[0] < a && a < ab[1]) { bad.push([0, Infinity]); } return; }
        bad.push(d > 0 ? [A, B] : [B, A]);
      });
    });
    var ok = function (u) { return bad.every(function (f) { return u <= f[0] || u >= f[1]; }); };
    var best = u0, far = Infinity;
    [u0].concat.apply([u0], bad.map(function (f) { return [f[0] * 0.999, f[1] * 1.001]; }))
      .forEach(function (u) {
        var cost = Math.abs(Math.log(u / u0));
        if (u > 0 && isFinite(u) && u <= W / 3600000 && ok(u) && cost < far) { best = u; far = cost; }
      });
    tl.setWindow(dct - a / best, dct + (W - a) / best, { animation: false });
    tl.redraw();
  }

  // After each drawing: a band lists its events from where its bar enters the window to the
  // window's right edge (the band before the DCT, to the DCT line where it has room), and the DCT's tag sits between the axis and the first row of items.
  function fit() {
    var p = box.querySelector('.vis-panel.vis-center').getBoundingClientRect(), changed = false;
    Array.prototype.forEach.call(box.querySelectorAll('.vis-item.band'), function (item) {
      var bar = item.getBoundingClientRect(), from = Math.max(p.left, bar.left);
      // the band before the DCT keeps to the left of its line where there is room for it
      var to = item.classList.contains('before') && bar.right - from >= 240 ? Math.min(bar.right, p.right) : p.right;
      var chips = item.querySelector('.chips'), width = Math.max(Math.min(to - from - 16, 640), 120);
      if (chips && Math.abs(chips.getBoundingClientRect().width - width) > 1) {
        chips.style.width = width + 'px';
        changed = true;
      }
    });
    var marker = box.querySelector('.vis-custom-time.dct .vis-custom-time-marker');
    var axis = box.querySelector('.vis-panel.vis-top');
    if (marker && axis) { marker.style.top = (axis.getBoundingClientRect().height + 3) + 'px'; }
    if (changed) { setTimeout(function () { tl.redraw(); }, 0); }
  }
  tl.on('changed', fit);

  function show(k) {
    var s = document.getElementById('s' + k), l = document.getElementById('l' + k);
    if (s) { detail.innerHTML = s.innerHTML; }
    linksOut.innerHTML = l ? l.innerHTML : '';
    Object.keys(shown).forEach(function (j) { shown[j].classList.toggle('active', +j === +k); });
    Object.keys(listed).forEach(function (j) { listed[j].classList.toggle('active', +j === +k); });
  }

  // Bring event k into the window (if it is on the axis) and give it the focus.
  function reveal(k) {
    var it = where[k];
    if (it) {
      var w = tl.getWindow(), s = it.start, e = it.end || it.start;
      if (time(e) < w.start.valueOf()) { tl.moveTo(time(e), { animation: false }); }
      else if (time(s) > w.end.valueOf()) { tl.moveTo(time(s), { animation: false }); }
      tl.redraw();
    }
    var el = shown[k] && shown[k].isConnected ? shown[k] : listed[k];
    if (el) { el.focus(); }
  }

  // The events in the order of the timeline: by step, then as the page lists them.
  var order = Object.keys(listed).sort(function (a, b) { return steps[a] - steps[b]; });
  function owner(el) {
    var t = el && el.closest && el.closest('[data-item],[data-event]');
    return t ? t.getAttribute('data-item') || t.getAttribute('data-event') : null;
  }
  document.addEventListener('focusin', function (e) { var k = owner(e.target); if (k !== null) { show(k); } });
  document.addEventListener('keydown', function (e) {
    var k = owner(document.activeElement), at = order.indexOf(k), next = null;
    if (k === null) { return; }
    if (e.key === 'ArrowRight' || e.key === 'ArrowDown') { next = order[at + 1]; }
    if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') { next = order[at - 1]; }
    if (next !== undefined && next !== null) { reveal(next); e.preventDefault(); }
  });
  Object.keys(listed).forEach(function (k) {
    listed[k].addEventListener('mouseenter', function () { show(k); });
  });
  tl.on('itemover', function (p) { if (typeof p.item === 'number') { show(p.item); } });
  tl.on('select', function (p) { if (p.items.length && typeof p.items[0] === 'number') { show(p.items[0]); } });

  var first = null;
  document.querySelector('.tools').addEventListener('click', function (e) {
    var b = e.target.closest('button');
    var what = b && b.getAttribute('data-do');
    if (what === 'in') { tl.zoomIn(0.5); }
    if (what === 'out') { tl.zoomOut(0.5); }
    if (what === 'dct' && first) { tl.setWindow(first.start, first.end); }
    if (what === 'all') { tl.fit(); }
  });

  // Run fn once vis-timeline's drawing has come to rest: vis-timeline draws some changes over
  // several turns, so wait until the window and the labels stay put for two looks in a row.
  function then(fn) {
    var last = null, still = 0;
    (function look() {
      var w = tl.getWindow(), now = [w.start.valueOf(), w.end.valueOf()];
      Object.keys(shown).forEach(function (k) {
        var r = shown[k].getBoundingClientRect();
        now.push(shown[k].isConnected ? Math.round(r.left) + ',' + Math.round(r.top) : '-');
      });
      now = now.join(' ');
      still = now === last ? still + 1 : 0;
      last = now;
      if (still >= 2) { fn(); } else { setTimeout(look, 50); }
    })();
  }

  // Opened: with the whole axis drawn, measure the labels; open the window on the DCT; let the
  // bands settle; then go to the event a link names (#event-K).
  function opened() {
    if (ready) { return; }
    ready = true;
    tl.setWindow(data.bounds[0], data.bounds[1], { animation: false });
    then(function () {
      opening(offsets());
      then(function () {
        first = tl.getWindow();
        var m = /^#event-(\d+)$/.exec(window.location.hash);
        if (m && listed[m[1]]) { reveal(m[1]); show(m[1]); }
        then(function () { document.body.setAttribute('data-ready', 'true'); });
      });
    });
  }
  if (!data.items.length) { opened(); }
})();
