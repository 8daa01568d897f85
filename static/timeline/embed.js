// Inside the embed's iframe: tell the page around it how tall the timeline is, and,
// for a deep link (?event=N), where that event is, so the page can scroll to it.
// The page's own script (embed-host.js) listens; without it the iframe simply scrolls.
(function () {
  "use strict";
  if (window.parent === window) return;
  var main = document.getElementById("main");
  function send(message) {
    message.source = "timeline-embed";
    window.parent.postMessage(message, "*");
  }
  function height() {
    send({ type: "height", height: Math.ceil(document.documentElement.scrollHeight) });
  }
  if ("ResizeObserver" in window) new ResizeObserver(height).observe(document.body);
  window.addEventListener("load", function () {
    height();
    var target = main && main.dataset.target && document.getElementById(main.dataset.target);
    if (target) {
      target.classList.add("target");
      send({ type: "scroll", offset: Math.round(target.getBoundingClientRect().top + window.scrollY) });
    }
  });
})();
