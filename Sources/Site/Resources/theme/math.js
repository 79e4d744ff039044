// Typesets every .math element with KaTeX (copied into the site; no network).
document.querySelectorAll(".math").forEach(function (el) {
  katex.render(el.textContent, el, {
    displayMode: el.classList.contains("display"),
    throwOnError: false,
    trust: false
  });
});
