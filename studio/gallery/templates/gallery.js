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
