// Searches the index the build wrote (window.JV_SEARCH_INDEX, loaded by a <script> element so
// it also works from file:// and from any sub-path). Results are built with textContent: text
// from the index never becomes markup.
(function () {
  'use strict';
  var form = document.getElementById('zoekformulier');
  if (!form) return;
  var input = document.getElementById('zoekterm');
  var list = document.getElementById('zoekresultaten');
  var status = document.getElementById('zoekstatus');
  var root = form.getAttribute('data-root');

  function fold(text) {
    return text.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  }

  var pages = (window.JV_SEARCH_INDEX || []).map(function (entry) {
    return { entry: entry, title: fold(entry.title), text: fold(entry.text) };
  });

  // A piece of text around the first match, so the reader sees why a page was found.
  function excerpt(entry, folded, word) {
    var at = folded.indexOf(word);
    if (at < 0) return entry.text.slice(0, 160);
    var start = Math.max(0, at - 60);
    return (start > 0 ? '… ' : '') + entry.text.slice(start, start + 160) + ' …';
  }

  function search(query) {
    var words = fold(query).split(/\s+/).filter(Boolean);
    while (list.firstChild) list.removeChild(list.firstChild);
    if (words.length === 0) {
      status.textContent = '';
      return;
    }
    var hits = pages.filter(function (page) {
      return words.every(function (w) { return page.title.indexOf(w) >= 0 || page.text.indexOf(w) >= 0; });
    }).map(function (page) {
      var score = words.reduce(function (sum, w) {
        return sum + (page.title.indexOf(w) >= 0 ? 10 : 0) + page.text.split(w).length - 1;
      }, 0);
      return { page: page, score: score };
    }).sort(function (a, b) { return b.score - a.score; });
    hits.forEach(function (hit) {
      var item = document.createElement('li');
      var link = document.createElement('a');
      link.href = root + hit.page.entry.href;
      link.textContent = hit.page.entry.title;
      var text = document.createElement('p');
      text.textContent = excerpt(hit.page.entry, hit.page.text, words[0]);
      item.appendChild(link);
      item.appendChild(text);
      list.appendChild(item);
    });
    status.textContent = hits.length === 0 ? form.getAttribute('data-none')
                                           : form.getAttribute('data-found').replace('{n}', hits.length);
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    search(input.value);
  });
  var query = new URLSearchParams(window.location.search).get('q');
  if (query) {
    input.value = query;
    search(query);
  }
})();
