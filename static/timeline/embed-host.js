// On the page that embeds a timeline: size each timeline iframe to its content and
// scroll to the event a deep link names. Only messages from the iframe itself count.
(function () {
  "use strict";
  var frames = function () { return document.querySelectorAll("iframe[data-timeline-embed]"); };
  // A deep link on the article's own URL (#timeline-event-42) opens that event in the embed.
  var wanted = /^#timeline-event-(\d+)$/.exec(window.location.hash);
  if (wanted) {
    frames().forEach(function (frame) {
      var url = new URL(frame.src);
      url.searchParams.set("event", wanted[1]);
      frame.src = url.toString();
    });
  }
  window.addEventListener("message", function (event) {
    var data = event.data;
    if (!data || data.source !== "timeline-embed") return;
    frames().forEach(function (frame) {
      if (frame.contentWindow !== event.source) return;
      if (new URL(frame.src).origin !== event.origin) return;
      if (data.type === "height" && data.height > 0) {
        frame.style.height = Math.min(data.height, 100000) + "px";
      }
      if (data.type === "scroll" && data.offset >= 0) {
        var top = frame.getBoundingClientRect().top + window.scrollY + data.offset - 16;
        window.scrollTo({ top: top, behavior: "smooth" });
      }
    });
  });
})();
