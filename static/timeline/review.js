// Keyboard review: j/k move between proposals; c, e, m, r, u act on the focused one.
// Every action is a button or link in the page: the keys only press them.
(function () {
  "use strict";

  const proposals = () => Array.from(document.querySelectorAll("[data-proposal]"));
  const current = () =>
    (document.activeElement && document.activeElement.closest("[data-proposal]")) ||
    document.querySelector("[data-proposal][data-state=pending]") ||
    proposals()[0];

  function focusProposal(element) {
    if (!element) return;
    element.focus({ preventScroll: true });
    element.scrollIntoView({ block: "nearest", behavior: "smooth" });
  }

  function move(step) {
    const all = proposals();
    const focused = document.activeElement && document.activeElement.closest("[data-proposal]");
    if (!focused) { focusProposal(current()); return; }  // the first key lands, not skips
    const index = all.indexOf(focused);
    focusProposal(all[Math.min(all.length - 1, Math.max(0, index + step))]);
  }

  function nextPendingAfter(element) {
    const all = proposals();
    const index = all.indexOf(element);
    const after = all.slice(index + 1).concat(all.slice(0, index));
    return after.find((p) => p.dataset.state === "pending") || element;
  }

  const typing = (target) =>
    target.closest("input, textarea, select, [contenteditable]") !== null;

  document.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const key = event.key.toLowerCase();
    if (key === "escape") {
      const cancel = current() && current().querySelector("[data-key=escape]");
      if (cancel && typing(event.target)) {
        event.preventDefault();
        cancel.click();
      }
      return;
    }
    if (typing(event.target)) return;
    if (key === "j" || key === "arrowdown") { event.preventDefault(); move(1); return; }
    if (key === "k" || key === "arrowup") { event.preventDefault(); move(-1); return; }
    const proposal = current();
    if (!proposal) return;
    const control = proposal.querySelector(`[data-key="${key}"]`);
    if (control && !control.disabled) {
      event.preventDefault();
      control.click();
    }
  });

  // After a swap, put focus where the editor expects it: on the edit form's
  // first field, or on the next proposal still waiting once this one is done.
  document.body.addEventListener("htmx:afterSettle", (event) => {
    const swapped = event.detail.elt;
    const proposal = swapped && swapped.closest && swapped.closest("[data-proposal]");
    const target = proposal || document.getElementById(event.detail.target && event.detail.target.id);
    if (!target || !target.matches("[data-proposal]")) return;
    const field = target.querySelector(".edit-form input:not([type=hidden]), .edit-form textarea");
    if (field) { field.focus(); return; }
    const failed = target.querySelector(".message.error");
    if (target.dataset.state === "pending" || failed) { focusProposal(target); return; }
    focusProposal(nextPendingAfter(target));
  });
})();
