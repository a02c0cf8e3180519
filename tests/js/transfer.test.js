// Unit tests of core/transfer.js: the device link and the locked file, what a link holds,
// when to suggest a backup, and the job-search log as CSV. Node has the browsers'
// CompressionStream and Web Crypto, so the same code runs here.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");

const CORE = path.join(__dirname, "..", "..", "site_overrides", "assets", "core");
const transfer = require(path.join(CORE, "transfer.js")).transfer;
const records = require(path.join(CORE, "records.js"));

const EXPORTED = {
  format: "followup-guide-progress", version: 3, site: "after-the-interview", chosen: "acme",
  general: { done: { "keep-searching": "2026-03-01T10:00:00.000Z" }, moments: { interview: "2026-02-27" } },
  details: { "your-name": "Ana Núñez" },
  applications: {
    acme: { company: "Acme", role: "Analyst", done: { "send-a-thank-you": "2026-03-07T18:00:00.000Z" },
      moments: { interview: "2026-03-06", "interview-time": "15:00", "stated-date": "2026-03-13" }, interviewers: [] },
    globex: { company: "Globex", done: {}, moments: {}, interviewers: [] },
  },
};

test("base64url round trip of every byte value, without padding or + and /", () => {
  const bytes = new Uint8Array(256).map((_, i) => i);
  const text = transfer.toBase64Url(bytes);
  assert.match(text, /^[A-Za-z0-9_-]+$/);
  assert.deepEqual(transfer.fromBase64Url(text), bytes);
  assert.throws(() => transfer.fromBase64Url("abc+"));
  assert.throws(() => transfer.fromBase64Url("a"));
});

test("a link's fragment gives back the same record", async () => {
  const fragment = await transfer.linkFragment(EXPORTED);
  assert.match(fragment, /^fg1\.[A-Za-z0-9_-]+$/);
  const found = transfer.readFragment("#" + fragment);
  assert.equal(found.kind, "link");
  assert.equal(found.locked, false);
  assert.deepEqual(await transfer.unpack(found.bytes), EXPORTED);
});

test("a fragment cut short or changed is refused", async () => {
  const fragment = await transfer.linkFragment(EXPORTED);
  const cut = transfer.readFragment("#" + fragment.slice(0, -6));
  await assert.rejects(transfer.unpack(cut.bytes));
  const middle = Math.floor(fragment.length / 2);
  const changed = fragment.slice(0, middle) + (fragment[middle] === "A" ? "B" : "A") + fragment.slice(middle + 1);
  await assert.rejects(transfer.unpack(transfer.readFragment(changed).bytes)); // deflate's checksum
});

test("fragments that are not links: a heading's id is none of ours, a bad one of ours is damaged", () => {
  assert.equal(transfer.readFragment("#due-now").kind, "none");
  assert.equal(transfer.readFragment("").kind, "none");
  assert.equal(transfer.readFragment("#fg1.").kind, "damaged");
  assert.equal(transfer.readFragment("#fg1.not base64!").kind, "damaged");
  assert.equal(transfer.readFragment("#fg1k.%%").kind, "damaged");
});

test("a passphrase locks the link: the right one opens it, a wrong one is named as such", async () => {
  const fragment = await transfer.linkFragment(EXPORTED, "correct horse");
  assert.match(fragment, /^fg1k\./);
  const found = transfer.readFragment(fragment);
  assert.equal(found.locked, true);
  assert.ok(!Buffer.from(found.bytes).toString("latin1").includes("Acme"));
  assert.deepEqual(await transfer.unpack(found.bytes, "correct horse"), EXPORTED);
  await assert.rejects(transfer.unpack(found.bytes, "wrong horse"), { name: "wrong-passphrase" });
  await assert.rejects(transfer.unpack(found.bytes)); // not readable without it
  // Cut short or changed, a locked link fails as a wrong passphrase does, even with the right
  // one (AES-GCM cannot tell them apart): so the text the reader sees (receive_wrong) names both.
  const cut = transfer.readFragment(fragment.slice(0, -40));
  await assert.rejects(transfer.unpack(cut.bytes, "correct horse"), { name: "wrong-passphrase" });
  const changed = Uint8Array.from(found.bytes);
  changed[40] ^= 1;
  await assert.rejects(transfer.unpack(changed, "correct horse"), { name: "wrong-passphrase" });
});

test("a locked file holds the same record, and other files are not locked files", async () => {
  const file = await transfer.lockedFile(EXPORTED, "pass");
  assert.equal(file.format, "followup-guide-locked");
  assert.ok(!JSON.stringify(file).includes("Acme"));
  const bytes = transfer.lockedBytes(JSON.parse(JSON.stringify(file)));
  assert.deepEqual(await transfer.unpack(bytes, "pass"), EXPORTED);
  assert.equal(transfer.lockedBytes(EXPORTED), null);
  assert.equal(transfer.lockedBytes({ format: "followup-guide-locked", version: 1, data: "*" }), null);
  assert.equal(transfer.lockedBytes(null), null);
});

test("the key comes from PBKDF2 with at least 600,000 iterations", () => {
  assert.ok(transfer.ITERATIONS >= 600000);
});

test("the backup notice: only when storage may be cleared and a change waited three days", () => {
  const now = new Date("2026-03-10T12:00:00Z");
  assert.equal(records.backupDue({}, now), false); // nothing unsaved
  assert.equal(records.backupDue({ unsaved: "2026-03-08T12:00:00Z" }, now), false); // two days
  assert.equal(records.backupDue({ unsaved: "2026-03-07T12:00:00Z" }, now), true);
  assert.equal(records.backupDue({ unsaved: "2026-03-01T12:00:00Z", persisted: true }, now), false);
  assert.equal(records.backupDue({ unsaved: "2026-03-01T12:00:00Z", dismissed: "2026-03-09T12:00:00Z" }, now), false);
  assert.equal(records.backupDue({ unsaved: "2026-03-01T12:00:00Z", dismissed: "2026-03-03T12:00:00Z" }, now), true);
});

test("persist() is asked once, and again a week after a refusal", () => {
  const now = new Date("2026-03-10T12:00:00Z");
  assert.equal(records.askPersist({}, now), true);
  assert.equal(records.askPersist({ persisted: false, asked: "2026-03-09T12:00:00Z" }, now), false);
  assert.equal(records.askPersist({ persisted: false, asked: "2026-03-02T12:00:00Z" }, now), true);
  assert.equal(records.askPersist({ persisted: true, asked: "2026-01-01T12:00:00Z" }, now), false);
});

test("CSV: byte order mark, CRLF, quotes doubled, formulas neutralised", () => {
  const text = transfer.csv([["a", 'say "hi"', "x,y", "two\nlines"], ["=SUM(A1)", "+1", "-2", "@me", "\tcmd", "\rx", "plain-dash"]]);
  assert.equal(text, '\uFEFFa,"say ""hi""","x,y","two\nlines"\r\n\'=SUM(A1),\'+1,\'-2,\'@me,\'\tcmd,"\'\rx",plain-dash\r\n');
});

test("the log: one row per application, then one per step done with its day", () => {
  const record = records.normalise({ version: 3, applications: {
    b: { company: "Globex", created: "2026-03-02T00:00:00Z", done: {}, moments: {} },
    a: { company: "Acme", role: "Analyst", contact: "Rita (agency)", created: "2026-03-01T00:00:00Z", applied: "2026-02-20",
      interviewers: [{ name: "José", email: "jose@acme.example" }, { name: "Kim" }], outcome: "offer", outcomeDay: "2026-03-20",
      moments: { interview: "2026-03-06" }, note: "=cmd", done: { "send-one-follow-up": "2026-03-16T15:00:00Z", "send-a-thank-you": "2026-03-07T15:00:00Z", old: true } },
  } });
  const names = { steps: { "send-a-thank-you": "Send a thank-you", "send-one-follow-up": "Send one follow-up" }, outcomes: { offer: "They offered me the job" } };
  const items = transfer.logRows(record, names, (iso) => iso.slice(0, 10));
  assert.deepEqual(items.map((item) => item.company), ["Acme", "Globex"]);
  assert.equal(items[0].contact, "Rita (agency); José <jose@acme.example>; Kim");
  assert.deepEqual(items[0].steps, [{ step: "old", date: "" }, { step: "Send a thank-you", date: "2026-03-07" },
    { step: "Send one follow-up", date: "2026-03-16" }]);
  const rows = transfer.logTable(items, ["C", "R", "P", "A", "I", "S", "D", "O", "OD", "N"]);
  assert.deepEqual(rows[1], ["Acme", "Analyst", "Rita (agency); José <jose@acme.example>; Kim", "2026-02-20", "2026-03-06", "", "",
    "They offered me the job", "2026-03-20", "=cmd"]);
  assert.deepEqual(rows[3], ["Acme", "Analyst", "", "", "", "Send a thank-you", "2026-03-07", "", "", ""]);
  assert.equal(rows.length, 1 + 1 + 3 + 1);
});

test("the log dates an offer on the day the reader gave for it, not the day the answer was saved", () => {
  const record = records.normalise({ version: 3, applications: {
    a: { company: "Initech", outcome: "offer", outcomeDay: "2026-11-27", moments: { interview: "2026-11-13", offer: "2026-11-25" } },
    b: { company: "Globex", outcome: "rejection", outcomeDay: "2026-11-27", moments: { offer: "2026-11-20" } } } });
  const items = transfer.logRows(record, { steps: {}, outcomes: {} }, (iso) => iso.slice(0, 10));
  assert.deepEqual(items.map((item) => item.outcomeDay), ["2026-11-25", "2026-11-27"]); // a no is not dated by the offer field
  assert.equal(transfer.logTable(items, [])[1][8], "2026-11-25");
});

test("an emptied record counts as empty; the device part never travels", () => {
  const record = records.normalise({ version: 3, applications: {}, general: { done: {}, moments: {} }, details: {},
    device: { persisted: true, backup: "2026-03-01T00:00:00Z", unsaved: 5 } });
  assert.equal(records.isEmpty(record), true);
  assert.deepEqual(record.device, { persisted: true, backup: "2026-03-01T00:00:00Z" });
  assert.equal("device" in records.exported(record, "x"), false);
  record.details["your-name"] = "Ana";
  assert.equal(records.isEmpty(record), false);
});

test("a link that inflates past the limit is refused as it inflates, not after", async () => {
  const zeros = new Uint8Array(transfer.MAX_JSON + 1); // a few kilobytes once compressed
  const bytes = new Uint8Array(await new Response(new Blob([zeros]).stream()
    .pipeThrough(new CompressionStream("deflate"))).arrayBuffer());
  assert.ok(bytes.length < 10000);
  await assert.rejects(transfer.unpack(bytes), { name: "too-big" });
  const fitting = await transfer.pack({ note: "a".repeat(transfer.MAX_JSON - 20) });
  assert.equal((await transfer.unpack(fitting)).note.length, transfer.MAX_JSON - 20);
});
