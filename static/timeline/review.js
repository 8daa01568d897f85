// Keyboard review: j/k move between pending proposals, ↓/↑ between all of them;
// c, e, m, r, u act on the selected (focused) proposal and on nothing else.
// Every action is a button or link in the page: the keys only press them.
(function () {
  "use strict";

  const ACTION_KEYS = new Set(["c", "e", "m", "r", "u"]);
  const proposals = () => Array.from(document.querySelectorAll("[data-proposal]"));
  const pending = (element) => element.dataset.state === "pending";
  const selected = () =>
    (document.activeElement && document.activeElement.closest("[data-proposal]")) || null;

  // Say, visibly, why a key did nothing; an empty text hides the box.
  function hint(text) {
    const box = document.getElementById("key-hint");
    if (box) box.textContent = text;
  }

  function focusProposal(element) {
    if (!element) return;
    element.focus({ preventScroll: true });
    element.scrollIntoView({ block: "nearest", behavior: "smooth" });
  }

  function move(step, onlyPending) {
    const all = proposals();
    const candidates = onlyPending ? all.filter(pending) : all;
    if (!candidates.length) { hint("No proposal is waiting for review."); return; }
    const here = selected();
    if (!here) { focusProposal(candidates[0]); return; }  // the first key lands, not skips
    const index = all.indexOf(here);
    const ahead = step > 0 ? all.slice(index + 1) : all.slice(0, index).reverse();
    const next = ahead.find((p) => !onlyPending || pending(p));
    if (next) { hint(""); focusProposal(next); }
    else hint(step > 0 ? "That was the last one." : "That was the first one.");
  }

  function nextPendingAfter(element) {
    const all = proposals();
    const index = all.indexOf(element);
    const after = all.slice(index + 1).concat(all.slice(0, index));
    return after.find(pending) || element;
  }

  const typing = (target) =>
    target.closest("input, textarea, select, [contenteditable]") !== null;

  document.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const key = event.key.toLowerCase();
    if (key === "escape") {
      const proposal = selected();
      const cancel = proposal && proposal.querySelector("[data-key=escape]");
      if (cancel && typing(event.target)) {
        event.preventDefault();
        cancel.click();
      }
      return;
    }
    if (typing(event.target)) return;
    if (key === "j" || key === "k") { event.preventDefault(); move(key === "j" ? 1 : -1, true); return; }
    if (key === "arrowdown" || key === "arrowup") {
      if (!selected()) return;  // nothing selected: the arrows scroll the page
      event.preventDefault();
      move(key === "arrowdown" ? 1 : -1, false);
      return;
    }
    if (!ACTION_KEYS.has(key)) return;
    const proposal = selected();
    if (!proposal) {
      hint("Select a proposal first: press j. Keys act only on the selected (outlined) one.");
      return;
    }
    event.preventDefault();
    const control = proposal.querySelector(`[data-key="${key}"]`);
    if (control && !control.disabled) { hint(""); control.click(); return; }
    const refused = proposal.querySelector(`[data-refused-key="${key}"]`);
    if (refused) hint(refused.dataset.reason);
    else if (control && control.title) hint(control.title);
    else hint(`“${key}” does nothing on this proposal (${proposal.dataset.state}).`);
  });

  // After a swap, put focus where the editor expects it: on the edit form's
  // first field, on the key toggle just pressed, or on the next proposal still
  // waiting once this one is done.
  document.body.addEventListener("htmx:afterSettle", (event) => {
    const swapped = event.detail.elt;
    const proposal = swapped && swapped.closest && swapped.closest("[data-proposal]");
    const target = proposal || document.getElementById(event.detail.target && event.detail.target.id);
    if (!target || !target.matches("[data-proposal]")) return;
    // Marking the event as key leaves the review where it was: focus stays on the toggle.
    const trigger = event.detail.requestConfig && event.detail.requestConfig.elt;
    const toggle = trigger && trigger.matches("[data-keeps-focus]") && target.querySelector("[data-keeps-focus] button");
    if (toggle) { toggle.focus(); return; }
    const field = target.querySelector(".edit-form input:not([type=hidden]), .edit-form textarea");
    if (field) { field.focus(); return; }
    const failed = target.querySelector(".message.error");
    if (pending(target) || failed) { focusProposal(target); return; }
    focusProposal(nextPendingAfter(target));
  });
})();
