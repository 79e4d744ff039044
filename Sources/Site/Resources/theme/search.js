// Client-side search over titles and text. Matching is by substring on lower-cased text,
// so it works for Chinese (no word boundaries needed) as well as English.
(function () {
  var input = document.getElementById("search-input");
  var list = document.getElementById("search-results");
  if (!input || !list) return;
  var index = null;
  var waiting = null;
  // The index is a script (search-index.js sets window.lemmaSearchIndex), loaded on first use:
  // a script loads from a site opened from disk (file://), where the browser refuses fetch().
  function load(done) {
    if (index) return done();
    if (waiting) { waiting.push(done); return; }
    waiting = [done];
    var script = document.createElement("script");
    script.src = "search-index.js";
    script.onload = function () {
      index = (window.lemmaSearchIndex || []).map(function (d) {
        return { title: d.title, url: d.url, text: d.text, hay: (d.title + "\n" + d.text).toLowerCase() };
      });
      var callbacks = waiting;
      waiting = null;
      callbacks.forEach(function (f) { f(); });
    };
    script.onerror = function () { waiting = null; list.textContent = "The search index (search-index.js) did not load."; };
    document.head.appendChild(script);
  }
  function snippet(text, at, length) {
    var start = Math.max(0, at - 40);
    return (start > 0 ? "…" : "") + text.slice(start, at + length + 60) + "…";
  }
  function show() {
    var terms = input.value.toLowerCase().split(/\s+/).filter(function (t) { return t.length > 0; });
    list.textContent = "";
    if (terms.length === 0) return;
    index.forEach(function (d) {
      if (!terms.every(function (t) { return d.hay.indexOf(t) >= 0; })) return;
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = d.url;
      a.textContent = d.title;
      li.appendChild(a);
      var at = d.text.toLowerCase().indexOf(terms[0]);
      if (at >= 0) {
        var p = document.createElement("p");
        p.textContent = snippet(d.text, at, terms[0].length);
        li.appendChild(p);
      }
      list.appendChild(li);
    });
    if (!list.firstChild) {
      var none = document.createElement("li");
      none.textContent = "No article matches.";
      list.appendChild(none);
    }
  }
  input.addEventListener("input", function () { load(show); });
  // index.html?q=words opens with those words searched, so a search can be linked.
  var q = new URLSearchParams(location.search).get("q");
  if (q) { input.value = q; load(show); }
})();
