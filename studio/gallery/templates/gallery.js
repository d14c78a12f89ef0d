// Cards play their animated preview while hovered (or focused) and show the still otherwise.
(function () {
  "use strict";
  function swap(card, toPreview) {
    var img = card.querySelector("img.thumb");
    if (!img || !img.dataset.preview) { return; }
    var next = toPreview ? img.dataset.preview : img.dataset.still;
    if (img.getAttribute("src") !== next) { img.setAttribute("src", next); }
  }
  var cards = document.querySelectorAll(".card");
  for (var i = 0; i < cards.length; i++) {
    (function (card) {
      card.addEventListener("mouseenter", function () { swap(card, true); });
      card.addEventListener("mouseleave", function () { swap(card, false); });
      card.addEventListener("focus", function () { swap(card, true); });
      card.addEventListener("blur", function () { swap(card, false); });
    })(cards[i]);
  }
})();
// The index can be filtered by text (title, prompt, slug) and by genre.
(function () {
  "use strict";
  var text = document.getElementById("filter-text");
  var genre = document.getElementById("filter-genre");
  var count = document.getElementById("filter-count");
  if (!text || !genre) { return; }
  var cards = document.querySelectorAll(".card");
  function apply() {
    var needle = text.value.trim().toLowerCase();
    var wanted = genre.value;
    var shown = 0;
    for (var i = 0; i < cards.length; i++) {
      var card = cards[i];
      var genres = (card.dataset.genre || "").split("+");
      var ok = (!needle || (card.dataset.text || "").indexOf(needle) >= 0) &&
               (!wanted || genres.indexOf(wanted) >= 0);
      card.hidden = !ok;
      if (ok) { shown++; }
    }
    count.textContent = shown === cards.length ? "" : shown + " of " + cards.length;
  }
  text.addEventListener("input", apply);
  genre.addEventListener("change", apply);
})();
