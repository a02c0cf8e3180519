/* Storage that lasts, on every page: the notice that suggests saving a copy when the browser
 * may clear its storage (core.backupDue), and what marks a copy as made. And the loader of the
 * second bundle (travel.js with core/transfer.js), which only the pages with the device link,
 * a place to open a link or a locked file, the job-search log or the privacy page's button
 * fetch. navigator.storage.persist() is asked by store.js on the first save.
 */
(function () {
  "use strict";

  var guide = window.followupGuide;
  var core = window.followupGuideCore;
  var all = guide.all;

  function find(root, name) {
    return root.querySelector("[data-fg-" + name + "]");
  }

  // A file or a link was made: the backup notice waits for the next change.
  guide.backedUp = function () {
    guide.store.update(function (record) {
      record.device.backup = new Date().toISOString();
      delete record.device.unsaved;
      delete record.device.dismissed;
    }, true);
  };

  // The passphrase typed beside the device link, which also locks the file saved from that page.
  guide.passphrase = function () {
    var input = document.querySelector("[data-fg-passphrase]");
    return input ? input.value : "";
  };

  // The second bundle, loaded once; resolves when core.transfer and travel.js are there.
  guide.travel = function () {
    return guide.loadScript("followup-guide-travel.min.js");
  };

  // --- The backup notice -----------------------------------------------------------------

  function showNotice(record) {
    var due = guide.store.works() && core.backupDue(record.device, new Date());
    all("[data-fg-backup-notice]").forEach(function (notice) {
      var text = find(notice, "backup-text");
      if (!text) return;
      var backup = record.device.backup && new Date(record.device.backup);
      text.textContent = backup && !isNaN(backup) ? guide.fill(text.getAttribute("data-fg-pattern"), { date: guide.formatDate(backup, false) })
        : text.getAttribute("data-fg-never");
      notice.hidden = !due;
    });
  }

  guide.on("click", "[data-fg-backup-dismiss]", function () {
    guide.store.update(function (record) { record.device.dismissed = new Date().toISOString(); }, true);
  });

  function show() {
    showNotice(guide.store.read());
    if (document.querySelector("[data-fg-link], [data-fg-receive], [data-fg-log], [data-fg-forget]")) guide.travel().catch(function () {});
  }

  guide.store.onDeviceChange(show);
  guide.whenInserted("[data-fg-backup-notice], [data-fg-link], [data-fg-receive], [data-fg-log], [data-fg-forget]", show);
})();
