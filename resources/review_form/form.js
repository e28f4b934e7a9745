// The review form's behaviour: keep answers across a reload (this browser's localStorage, keyed
// by the request id, cleared once saved) and save them as a small JSON file through a download.
// Nothing is ever sent over a network: the page's Content-Security-Policy forbids every fetch.
(function () {
  "use strict";
  var request = JSON.parse(document.getElementById("carepath-review-request").textContent);
  var form = document.getElementById("review");
  var status = document.getElementById("status");
  var answersKey = "carepath-review:" + request.request_id;
  var idKey = answersKey + ":response-id";
  var store = null;
  try {
    store = window.localStorage;
    store.getItem(answersKey);
  } catch (e) {
    store = null;
  }
  var fallbackId = null;

  function say(text, problem) {
    status.textContent = text;
    status.className = problem ? "status problem" : "status";
  }

  function randomId() {
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) {
      return (b < 16 ? "0" : "") + b.toString(16);
    }).join("");
  }

  // One id per request and browser: saving again from here replaces the earlier answer.
  function responseId() {
    var id = null;
    try { id = store && store.getItem(idKey); } catch (e) { id = null; }
    if (id && /^[0-9a-f]{32}$/.test(id)) { return id; }
    id = fallbackId || randomId();
    fallbackId = id;
    try { if (store) { store.setItem(idKey, id); } } catch (e) { /* kept for this visit only */ }
    return id;
  }

  function checked(name) {
    var chosen = form.querySelector('input[name="' + name + '"]:checked');
    return chosen ? chosen.value : null;
  }

  function collect() {
    var ratings = {};
    var comments = {};
    request.skills.forEach(function (skill) {
      var value = checked("level-" + skill);
      if (value === "not_observed") { ratings[skill] = value; }
      else if (value) { ratings[skill] = parseInt(value, 10); }
      var text = document.getElementById("comment-" + skill).value;
      if (text.trim()) { comments[skill] = text; }
    });
    return {
      name: document.getElementById("reviewer-name").value,
      relationship: checked("relationship"),
      ratings: ratings,
      comments: comments,
      message: document.getElementById("message").value
    };
  }

  function remember() {
    if (!store) { return; }
    try { store.setItem(answersKey, JSON.stringify(collect())); } catch (e) { /* full or denied */ }
  }

  function tick(name, value) {
    var inputs = form.querySelectorAll('input[name="' + name + '"]');
    Array.prototype.forEach.call(inputs, function (input) {
      input.checked = input.value === String(value);
    });
  }

  function restore() {
    var saved = null;
    try { saved = store && JSON.parse(store.getItem(answersKey) || "null"); } catch (e) { saved = null; }
    if (!saved || typeof saved !== "object") { return false; }
    if (typeof saved.name === "string") { document.getElementById("reviewer-name").value = saved.name; }
    if (saved.relationship) { tick("relationship", saved.relationship); }
    request.skills.forEach(function (skill) {
      if (saved.ratings && saved.ratings[skill] !== undefined) { tick("level-" + skill, saved.ratings[skill]); }
      if (saved.comments && typeof saved.comments[skill] === "string") {
        document.getElementById("comment-" + skill).value = saved.comments[skill];
      }
    });
    if (typeof saved.message === "string") { document.getElementById("message").value = saved.message; }
    return true;
  }

  function pad(n) { return (n < 10 ? "0" : "") + n; }

  function localStamp(now) {
    var offset = -now.getTimezoneOffset();
    var sign = offset >= 0 ? "+" : "-";
    offset = Math.abs(offset);
    return now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate()) + "T" +
      pad(now.getHours()) + ":" + pad(now.getMinutes()) + ":" + pad(now.getSeconds()) +
      sign + pad(Math.floor(offset / 60)) + ":" + pad(offset % 60);
  }

  function save() {
    var answers = collect();
    var nameInput = document.getElementById("reviewer-name");
    if (!answers.name.trim()) {
      nameInput.setAttribute("aria-invalid", "true");
      say(request.text.need_name, true);
      nameInput.focus();
      return;
    }
    nameInput.removeAttribute("aria-invalid");
    if (!answers.relationship) {
      say(request.text.need_relationship, true);
      form.querySelector('input[name="relationship"]').focus();
      return;
    }
    var now = new Date();
    var stamp = localStamp(now);
    var document_ = {
      format: "carepath-review",
      version: 1,
      request_id: request.request_id,
      response_id: responseId(),
      saved_at: stamp,
      asker: request.asker,
      reviewer: { name: answers.name.trim(), relationship: answers.relationship },
      ratings: answers.ratings,
      comments: answers.comments,
      message: answers.message
    };
    var fileName = request.file_stem + "-" + stamp.slice(0, 10) + ".json";
    var blob = new Blob([JSON.stringify(document_, null, 1)], { type: "application/json" });
    var url = URL.createObjectURL(blob);
    var link = document.createElement("a");
    link.href = url;
    link.download = fileName;
    document.body.appendChild(link);
    link.click();
    link.remove();
    window.setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
    try { if (store) { store.removeItem(answersKey); } } catch (e) { /* nothing kept */ }
    say(request.text.saved.replace("{file}", fileName), false);
  }

  if (restore()) { say(request.text.restored, false); }
  else if (!store) { say(request.text.no_storage, false); }
  form.addEventListener("input", remember);
  form.addEventListener("change", remember);
  form.addEventListener("submit", function (event) { event.preventDefault(); save(); });
  document.getElementById("save").addEventListener("click", save);
}());
