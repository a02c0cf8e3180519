// Unit tests of the guide's pure JavaScript (site_overrides/assets/core/), run with
// `node --test tests/js/` (tests/unit/test_javascript.py runs them under pytest).
// Run with TZ=America/New_York so that the daylight-saving change of 8 March 2026 is crossed.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");

const CORE = path.join(__dirname, "..", "..", "site_overrides", "assets", "core");
const dates = require(path.join(CORE, "dates.js"));
const calendar = require(path.join(CORE, "calendar.js"));
const records = require(path.join(CORE, "records.js"));

const RULES = {
  moments: [
    { id: "interview", asked: true, reachedBy: null, ifNotGiven: null },
    { id: "stated-date", asked: true, reachedBy: null, ifNotGiven: { amount: 7, unit: "days", of: "interview" } },
    { id: "follow-up", asked: false, reachedBy: "send-one-follow-up", ifNotGiven: null },
  ],
  steps: [
    { entry: "send-a-thank-you", relation: "within", weekends: "move", amount: 24, unit: "hours", of: "interview" },
    { entry: "send-one-follow-up", relation: "after", weekends: "move", amount: 7, unit: "days", of: "stated-date" },
    { entry: "close-the-loop", relation: "after", weekends: "keep", amount: 14, unit: "days", of: "follow-up" },
    { entry: "stay-in-touch", relation: "every", weekends: "move", amount: 3, unit: "months", of: "interview" },
  ],
};
const GUIDE = {
  rules: RULES,
  phases: { "when-the-answer-comes": ["reply-to-an-offer", "reply-to-a-no"], afterwards: ["stay-in-touch"] },
  outcomes: { offer: ["when-the-answer-comes"], rejection: ["when-the-answer-comes"] },
};

function day(date) {
  return dates.localDay(date);
}

test("the tests run in New York time", () => {
  assert.equal(process.env.TZ, "America/New_York");
});

test("hours are elapsed time across the change to summer time", () => {
  const start = new Date(2026, 2, 7, 15, 0); // the eve of the change
  const later = dates.add(start, { amount: 24, unit: "hours" });
  assert.equal(later.getTime() - start.getTime(), 24 * 3600000);
  assert.equal(later.getHours(), 16);
});

test("days keep the time of day across the change", () => {
  const later = dates.add(new Date(2026, 2, 7, 15, 0), { amount: 1, unit: "days" });
  assert.equal(later.getHours(), 15);
  assert.equal(day(later), "20260308");
});

test("a month after 31 January is the last day of February", () => {
  assert.equal(day(dates.add(new Date(2026, 0, 31, 12), { amount: 1, unit: "months" })), "20260228");
  assert.equal(day(dates.add(new Date(2026, 10, 30, 12), { amount: 3, unit: "months" })), "20270228");
});

test("a step on a Saturday or Sunday moves to Monday unless it keeps weekends", () => {
  const friday = new Date(2026, 2, 6, 12);
  assert.equal(day(dates.stepDate(friday, { amount: 1, unit: "days" })), "20260309");
  assert.equal(day(dates.stepDate(friday, { amount: 2, unit: "days", weekends: "keep" })), "20260308");
  assert.equal(day(dates.stepDate(friday, { amount: 24, unit: "hours" })), "20260307"); // hours never move
  assert.equal(day(dates.stepDate(friday, { amount: 3, unit: "days" })), "20260309"); // Monday stays
});

test("the plan dates every step from the moments given", () => {
  const given = dates.givenMoments(RULES, { interview: "2026-03-06", "interview-time": "15:00" });
  const plan = dates.planDates(RULES, given);
  assert.equal(plan.dates["send-a-thank-you"].toISOString(), "2026-03-07T20:00:00.000Z");
  assert.ok(plan.assumed["stated-date"]);
  assert.equal(day(plan.moments["stated-date"]), "20260313");
  assert.equal(day(plan.dates["send-one-follow-up"]), "20260320");
  assert.equal(day(plan.dates["close-the-loop"]), "20260403");
  assert.equal(day(plan.dates["stay-in-touch"]), "20260608"); // 6 June is a Saturday
});

test("only the decision date gives the steps that count from it", () => {
  const plan = dates.planDates(RULES, dates.givenMoments(RULES, { "stated-date": "2026-03-13" }));
  assert.deepEqual(Object.keys(plan.dates).sort(), ["close-the-loop", "send-one-follow-up"]);
});

test("typed text that is not a date gives no moment", () => {
  assert.deepEqual(dates.givenMoments(RULES, { interview: "06/03/2026" }), {});
  assert.deepEqual(dates.givenMoments(RULES, null), {});
});

function eventsOf(app, only, now = new Date(2026, 2, 6, 9), guide = GUIDE) {
  return calendar.planEvents({
    schedule: records.schedule(records.application(app, app.id), guide, now), only,
    decision: { moment: "stated-date", title: "the date they said they would decide" },
    steps: { "send-one-follow-up": { title: "Follow up", summary: "Once.", url: "https://example.org/x/#send-one-follow-up" } },
    uid: (key) => `${app.id}-${key}@guide`, sequence: () => 0,
    summary: (step) => `${app.company}: ${step}`, reminder: (summary) => `Reminder: ${summary}`,
  });
}

test("calendar events name the company, link back, repeat and include the decision date", () => {
  const app = { id: "a1", company: "Acme", moments: { interview: "2026-03-06", "interview-time": "15:00", "stated-date": "2026-03-13" } };
  const events = eventsOf(app);
  assert.deepEqual(events.map((e) => e.uid), ["a1-send-a-thank-you@guide", "a1-send-one-follow-up@guide",
    "a1-close-the-loop@guide", "a1-stay-in-touch@guide", "a1-stated-date@guide"]);
  assert.equal(events[1].summary, "Acme: Follow up");
  assert.equal(events[1].description, "Once.\nhttps://example.org/x/#send-one-follow-up");
  assert.deepEqual(events[3].repeat, { amount: 3, unit: "months", count: 4 }); // a year of notes
  assert.equal(events[0].start.toISOString(), "2026-03-06T20:00:00.000Z");
  const text = calendar.calendar("Guide", events, new Date(Date.UTC(2026, 2, 1)));
  assert.match(text, /\r\nRRULE:FREQ=MONTHLY;INTERVAL=3;COUNT=4\r\n/);
  assert.match(text, /\r\nDTSTART;VALUE=DATE:20260313\r\n/);
  assert.ok(text.split("\r\n").every((line) => Buffer.byteLength(line) <= 75));
  assert.ok(text.endsWith("END:VCALENDAR\r\n"));
});

test("an assumed decision date is not an event, and one step alone is one event", () => {
  const app = { id: "a2", company: "Globex", moments: { interview: "2026-03-06" } };
  assert.ok(!eventsOf(app).some((e) => e.uid.includes("stated-date")));
  assert.deepEqual(eventsOf(app, "close-the-loop").map((e) => e.uid), ["a2-close-the-loop@guide"]);
});

// The default guide's shape: waiting steps, then an offer's steps counted from the offer.
const OFFER_GUIDE = {
  rules: { moments: RULES.moments.concat([{ id: "offer", asked: true }]),
    steps: RULES.steps.concat([{ entry: "accept-in-writing", relation: "within", weekends: "move", amount: 7, unit: "days", of: "offer" }]) },
  phases: { offers: ["get-it-in-writing", "accept-in-writing"], noes: ["reply-to-a-no"], later: ["stay-in-touch"] },
  outcomes: { offer: ["offers"], rejection: ["noes", "later"] },
};

test("a recorded offer stops the waiting steps in the schedule, the calendar and what is due alike", () => {
  const app = { id: "a3", company: "Initech", moments: { interview: "2026-03-02", "stated-date": "2026-03-20" } };
  const now = new Date(2026, 2, 16, 9);
  const waiting = eventsOf(app, undefined, now, OFFER_GUIDE).map((e) => e.uid);
  assert.ok(waiting.includes("a3-send-one-follow-up@guide") && waiting.includes("a3-stated-date@guide")); // before the answer
  app.moments.offer = "2026-03-12"; // the offer's date given (as in the planner), the answer not recorded: an answer too
  const given = records.schedule(records.application(app, app.id), OFFER_GUIDE, now);
  assert.equal(given.answered, true);
  assert.deepEqual(given.steps.map((s) => [s.entry, day(s.date)]), [["accept-in-writing", "20260319"], ["get-it-in-writing", "20260312"]]);
  assert.equal(records.answerDay(records.application(app, app.id)), ""); // (the log names recorded answers only)
  Object.assign(app, { outcome: "offer", outcomeDay: "2026-03-16" });
  const schedule = records.schedule(records.application(app, app.id), OFFER_GUIDE, now);
  assert.equal(schedule.answered, true);
  assert.deepEqual(schedule.steps.map((s) => [s.entry, day(s.date)]),
    [["accept-in-writing", "20260319"], ["get-it-in-writing", "20260312"]]); // undated: the offer's day the reader gave
  assert.deepEqual(eventsOf(app, undefined, now, OFFER_GUIDE).map((e) => e.uid), ["a3-accept-in-writing@guide"]);
  const record = records.normalise({ version: 3, applications: { a3: app } });
  assert.equal(records.due(record, OFFER_GUIDE, now)[0].entry, "accept-in-writing");
  assert.equal(records.answerDay(record.applications.a3), "2026-03-12");
  delete record.applications.a3.moments.offer;
  assert.equal(records.answerDay(record.applications.a3), "2026-03-16"); // no date given: the day it was recorded
});

test("weeks after an answer its steps stop being overdue, and the row says to archive it; staying in touch stays", () => {
  const offer = { company: "Initech", moments: { interview: "2026-03-02", offer: "2026-03-12" }, outcome: "offer", outcomeDay: "2026-03-12" };
  const no = { company: "Globex", moments: { interview: "2026-03-02" }, outcome: "rejection", outcomeDay: "2026-03-14" };
  const record = records.normalise({ version: 3, applications: { o: offer, n: no } });
  const rows = (when) => Object.fromEntries(records.due(record, OFFER_GUIDE, when).map((r) => [r.application.id, [r.status, r.entry]]));
  assert.deepEqual(rows(new Date(2026, 2, 25, 9)), // 13 days after the offer: still overdue
    { o: ["overdue", "accept-in-writing"], n: ["upcoming", "reply-to-a-no"] }); // (a step no timing dates is never late)
  assert.deepEqual(rows(new Date(2026, 5, 1, 9)), // months later: the offer is answered (archive it), the no keeps in touch
    { o: ["answered", ""], n: ["upcoming", "stay-in-touch"] });
  const waiting = records.normalise({ version: 3, applications: { w: { company: "Acme", moments: { interview: "2026-03-02" },
    done: Object.fromEntries(OFFER_GUIDE.rules.steps.map((step) => [step.entry, "2026-03-03T10:00:00Z"])) } } });
  assert.equal(records.due(waiting, OFFER_GUIDE, new Date(2026, 5, 1, 9))[0].status, "done"); // no answer yet: "done"
});

test("while an offer's steps are under way, each application still waiting is asked to hear of it, beside its own next step", () => {
  const guide = { ...OFFER_GUIDE, meanwhile: { offer: "tell-the-one-you-prefer" } };
  const record = records.normalise({ version: 3, applications: {
    o: { company: "Brightwell", moments: { interview: "2026-03-02", offer: "2026-03-12" } }, // the offer's date given
    w: { company: "Ravi Tech", moments: { interview: "2026-03-05", "stated-date": "2026-03-20" },
      done: { "send-a-thank-you": "2026-03-05T20:00:00Z" } },
    n: { company: "Nordlicht", moments: { interview: "2026-03-01" }, outcome: "rejection", outcomeDay: "2026-03-10" } } });
  let now = new Date(2026, 2, 13, 9);
  const rows = () => Object.fromEntries(records.due(record, guide, now).map((r) => [r.application.id,
    [r.status, r.entry, r.date && day(r.date), r.meanwhile && [r.meanwhile.entry, r.meanwhile.application.id, day(r.meanwhile.until)]]]));
  // Its own next step stays; the offer's request comes beside it, until the offer's last dated step (accept, the 19th).
  assert.deepEqual(rows(), { o: ["upcoming", "accept-in-writing", "20260319", null],
    w: ["upcoming", "send-one-follow-up", "20260327", ["tell-the-one-you-prefer", "o", "20260319"]],
    n: ["upcoming", "reply-to-a-no", null, null] }); // an answered one is not asked
  now = new Date(2026, 2, 19, 20);
  assert.deepEqual(rows().w[3][0], "tell-the-one-you-prefer"); // the last day still
  now = new Date(2026, 2, 20, 9);
  assert.deepEqual(rows().w[3], null); // the day promised has gone: the request with it
  now = new Date(2026, 2, 13, 9);
  record.applications.w.done["tell-the-one-you-prefer"] = "2026-03-13T08:00:00Z";
  assert.deepEqual(rows().w[3], null); // ticked for this one
  delete record.applications.w.done["tell-the-one-you-prefer"];
  record.applications.o.archived = true;
  assert.deepEqual(rows().w[3], null); // an offer archived asks nothing more
  record.applications.o.archived = false;
  record.applications.o.done["accept-in-writing"] = record.applications.o.done["get-it-in-writing"] = "2026-03-14T10:00:00Z";
  assert.deepEqual(rows().w[3], null); // nor one whose steps are all done
  delete record.applications.o.done["accept-in-writing"];
  assert.equal(records.due(record, OFFER_GUIDE, now).some((r) => r.meanwhile), false); // a guide without it
});

test("once the reader says yes to an offer, the other applications are told to withdraw instead of chasing", () => {
  const guide = { ...OFFER_GUIDE, meanwhile: { offer: "tell-the-one-you-prefer" },
    accepted: { offer: { by: "accept-in-writing", others: "withdraw-from-the-others" } } };
  const record = records.normalise({ version: 3, applications: {
    o: { company: "Brightwell", moments: { interview: "2026-03-02", offer: "2026-03-12" } },
    w: { company: "Ravi Tech", moments: { interview: "2026-03-05", "stated-date": "2026-03-06" } },
    n: { company: "Nordlicht", moments: { interview: "2026-03-01" }, outcome: "rejection", outcomeDay: "2026-03-10" } } });
  let now = new Date(2026, 2, 16, 9);
  const rows = () => Object.fromEntries(records.due(record, guide, now).map((r) => [r.application.id,
    [r.status, r.entry, r.date && day(r.date), Boolean(r.meanwhile)]]));
  assert.deepEqual(rows().w, ["overdue", "send-one-follow-up", "20260313", true]); // before the yes: its own step, and the offer's request
  record.applications.o.done["accept-in-writing"] = new Date(2026, 2, 16, 8).toISOString();
  assert.deepEqual(rows(), { o: ["answered", "", null, false], // (getting it in writing came before the yes: gone)
    w: ["upcoming", "withdraw-from-the-others", "20260317", false], // due the day after the yes, no more chasing
    n: ["upcoming", "reply-to-a-no", null, false] }); // an answered one keeps its own steps
  assert.equal(records.due(record, guide, now).find((r) => r.application.id === "w").ahead, false); // (nothing for its calendar)
  now = new Date(2026, 2, 18, 9);
  assert.deepEqual(rows().w.slice(0, 2), ["overdue", "withdraw-from-the-others"]);
  record.applications.o.archived = true; // archived, the yes still stands
  record.applications.w.done["withdraw-from-the-others"] = "2026-03-18T10:00:00Z";
  assert.deepEqual(rows().w.slice(0, 3), ["closed", "", null]);
  record.applications.w.done = {};
  record.applications.o.done["accept-in-writing"] = true; // a tick without its time (an old file): due tomorrow
  assert.deepEqual(rows().w.slice(0, 3), ["upcoming", "withdraw-from-the-others", "20260319"]);
  assert.equal(records.due(record, OFFER_GUIDE, now).find((r) => r.application.id === "w").entry, "send-one-follow-up"); // a guide without it
  assert.deepEqual(["o", "w", "n"].map((id) => records.stoppedElsewhere(record, guide, id, now)), [false, true, false]);
  record.applications.w.done["withdraw-from-the-others"] = "2026-03-18T10:00:00Z";
  delete record.applications.o.done["accept-in-writing"]; // the yes unticked: the one told it is withdrawn stays so
  assert.deepEqual(rows().w.slice(0, 2), ["closed", ""]);
  assert.equal(records.stoppedElsewhere(record, guide, "w", now), true);
  record.applications.w.done = {};
  record.applications.o.done["accept-in-writing"] = new Date(2026, 2, 20, 16).toISOString(); // a yes on a Friday
  assert.deepEqual(rows().w.slice(0, 3), ["upcoming", "withdraw-from-the-others", "20260323"]); // due the Monday after
  record.applications.o.done["withdraw-from-the-others"] = "2026-03-20T17:00:00Z"; // ticked once, on the accepted one
  assert.deepEqual(rows().w.slice(0, 2), ["closed", ""]);
  const yes = record.applications.o.done["accept-in-writing"];
  delete record.applications.o.done["accept-in-writing"]; // the yes unticked: those told stay told
  assert.deepEqual(rows().w.slice(0, 2), ["closed", ""]);
  record.applications.o.done["accept-in-writing"] = yes;
  // An application added after the yes belongs to a later search: its own steps, nothing to withdraw.
  record.applications.later = records.application({ company: "Later", moments: { interview: "2026-06-01" },
    created: "2026-06-01T12:00:00Z" }, "later");
  now = new Date(2026, 5, 2, 9);
  assert.deepEqual(rows().later.slice(0, 2), ["today", "send-a-thank-you"]);
  assert.equal(records.stoppedElsewhere(record, guide, "later", now), false);
});

test("an offer's request lasts while its answer is awaited: until the day promised, or open while none is given", () => {
  const guide = { ...OFFER_GUIDE, meanwhile: { offer: "tell-the-one-you-prefer" },
    rules: { moments: OFFER_GUIDE.rules.moments.concat([{ id: "answer-date", asked: true }]), // no day assumed
      steps: RULES.steps.concat([{ entry: "answer-them", relation: "within", weekends: "keep", amount: 0, unit: "days", of: "answer-date" },
        { entry: "get-it-in-writing", relation: "within", weekends: "keep", amount: 1, unit: "days", of: "offer" }]) },
    phases: { ...OFFER_GUIDE.phases, offers: ["get-it-in-writing", "answer-them", "accept-in-writing"] },
    accepted: { offer: { by: "accept-in-writing", others: "withdraw" } } };
  const record = records.normalise({ version: 3, applications: {
    o: { company: "Brightwell", moments: { interview: "2026-03-02", offer: "2026-03-12" } },
    p: { company: "Contoso", moments: { interview: "2026-03-01", offer: "2026-03-11", "answer-date": "2026-03-20" } },
    w: { company: "Ravi Tech", moments: { interview: "2026-03-05" } } } });
  const asked = (now) => (records.due(record, guide, now).find((r) => r.application.id === "w").meanwhile || {});
  const row = (id, now) => records.due(record, guide, now).find((r) => r.application.id === id);
  // Brightwell gave no day: its request has none, and stays; Contoso's day (the 20th) is the soonest known.
  assert.deepEqual([asked(new Date(2026, 2, 16, 9)).application.id, day(asked(new Date(2026, 2, 16, 9)).until)], ["p", "20260320"]);
  record.applications.p.done["answer-them"] = "2026-03-16T10:00:00Z"; // Contoso answered: its request ends
  assert.deepEqual([asked(new Date(2026, 2, 16, 9)).application.id, asked(new Date(2026, 2, 16, 9)).until], ["o", null]);
  const answerStep = records.schedule(record.applications.o, guide, new Date(2026, 2, 16, 9)).steps.find((s) => s.entry === "answer-them");
  assert.deepEqual([answerStep.rule, answerStep.status], [null, "upcoming"]); // no day given: no date, never late
  assert.equal(asked(new Date(2026, 3, 27, 9)).application.id, "o"); // weeks later, an answer still awaited: still asked
  const late = records.schedule(record.applications.o, guide, new Date(2026, 3, 27, 9)).steps.find((s) => s.entry === "answer-them");
  assert.equal(late.status, "upcoming"); // and the answer still to give, not gone
  // Once the reader says yes, the offer's dated steps not done have had their moment.
  record.applications.o.moments["answer-date"] = "2026-03-19";
  assert.equal(row("o", new Date(2026, 2, 16, 9)).entry, "get-it-in-writing"); // overdue since the 13th
  record.applications.o.done["accept-in-writing"] = "2026-03-16T08:00:00Z";
  assert.equal(records.schedule(record.applications.o, guide, new Date(2026, 2, 16, 9)).steps
    .find((s) => s.entry === "get-it-in-writing").status, "passed");
});

test("an offer's request names the day promised for the answer only when the reader gave it", () => {
  const guide = { ...OFFER_GUIDE, meanwhile: { offer: "tell-the-one-you-prefer" },
    rules: { moments: OFFER_GUIDE.rules.moments.concat([{ id: "answer-date", asked: true, ifNotGiven: { amount: 7, unit: "days", of: "offer" } }]),
      steps: RULES.steps.concat([{ entry: "accept-in-writing", relation: "within", weekends: "keep", amount: 0, unit: "days", of: "answer-date" }]) } };
  const record = records.normalise({ version: 3, applications: {
    o: { company: "Brightwell", moments: { interview: "2026-03-02", offer: "2026-03-12" } },
    w: { company: "Ravi Tech", moments: { interview: "2026-03-05" } } } });
  const asked = () => records.due(record, guide, new Date(2026, 2, 13, 9)).find((r) => r.application.id === "w").meanwhile;
  assert.deepEqual([asked().assumed, day(asked().until)], [true, "20260319"]); // a week after the offer: assumed
  record.applications.o.moments["answer-date"] = "2026-03-17";
  assert.deepEqual([asked().assumed, day(asked().until)], [false, "20260317"]);
});

test("after a no, the answer's phase and the phases it names under 'then' give the next steps", () => {
  const app = records.application({ moments: { interview: "2026-03-02", "stated-date": "2026-03-06" }, outcome: "rejection",
    outcomeDay: "2026-03-10" }, "n");
  const schedule = records.schedule(app, OFFER_GUIDE, new Date(2026, 2, 10, 9));
  assert.equal(schedule.answered, true);
  // The answer's own phase first (its step dated on the answer's day), then the one that follows it.
  assert.deepEqual(schedule.steps.map((s) => s.entry), ["reply-to-a-no", "stay-in-touch"]);
  const record = records.normalise({ version: 3, applications: { n: app } });
  assert.equal(records.due(record, OFFER_GUIDE, new Date(2026, 2, 10, 9))[0].entry, "reply-to-a-no");
  assert.ok(!schedule.steps.some((s) => s.entry === "send-one-follow-up" || s.entry === "close-the-loop"));
});

test("a late step is passed over once a step counted from a later moment is due; its tick is untouched", () => {
  // Thank-you by 3 March, decision 6 March, follow-up 13 March, other contact 27 March.
  const record = records.normalise({ version: 3, applications: {
    g: { company: "Globex", moments: { interview: "2026-03-02", "stated-date": "2026-03-06" } } } });
  const at = (d) => records.due(record, GUIDE, d)[0];
  assert.deepEqual([at(new Date(2026, 2, 10, 9)).entry, at(new Date(2026, 2, 10, 9)).status], ["send-a-thank-you", "overdue"]);
  assert.deepEqual([at(new Date(2026, 2, 16, 9)).entry, at(new Date(2026, 2, 16, 9)).status], ["send-one-follow-up", "overdue"]);
  assert.deepEqual([at(new Date(2026, 2, 30, 9)).entry, at(new Date(2026, 2, 30, 9)).status], ["close-the-loop", "overdue"]);
  const statuses = records.schedule(record.applications.g, GUIDE, new Date(2026, 2, 16, 9)).steps.map((s) => [s.entry, s.status]);
  assert.deepEqual(statuses, [["send-a-thank-you", "passed"], ["send-one-follow-up", "overdue"], ["close-the-loop", "upcoming"],
    ["stay-in-touch", "upcoming"]]);
  assert.deepEqual(record.applications.g.done, {});
});

test("steps from the same moment keep their order: an offer's first step is not passed by its last", () => {
  const app = records.application({ moments: { interview: "2026-03-02" }, outcome: "offer", outcomeDay: "2026-03-02" }, "o");
  const guide = { ...OFFER_GUIDE, rules: { ...OFFER_GUIDE.rules, steps: OFFER_GUIDE.rules.steps.concat(
    [{ entry: "get-it-in-writing", relation: "within", weekends: "move", amount: 1, unit: "days", of: "offer" }]) } };
  const steps = records.schedule(app, guide, new Date(2026, 2, 12, 9)).steps;
  assert.deepEqual(steps.map((s) => [s.entry, s.status]), [["get-it-in-writing", "overdue"], ["accept-in-writing", "overdue"]]);
});

test("a calendar file leaves out ticked steps and dates gone, and a repeating step ends after a year", () => {
  const app = { id: "c1", company: "Acme", moments: { interview: "2026-03-02", "stated-date": "2026-03-06" },
    done: { "close-the-loop": "2026-03-20T10:00:00Z" } };
  const events = eventsOf(app, undefined, new Date(2026, 2, 16, 9));
  // The thank-you (3 March) and the decision date (6 March) are gone, the follow-up (13 March) is late, the other contact is ticked.
  assert.deepEqual(events.map((e) => e.uid), ["c1-stay-in-touch@guide"]);
  assert.deepEqual(eventsOf(app, undefined, new Date(2026, 2, 13, 9)).map((e) => e.uid),
    ["c1-send-one-follow-up@guide", "c1-stay-in-touch@guide"]); // due today: still in
  const text = calendar.calendar("Guide", events, new Date(Date.UTC(2026, 2, 16)));
  assert.match(text, /\r\nDTSTART;VALUE=DATE:20260602\r\nDTEND;VALUE=DATE:20260603\r\nRRULE:FREQ=MONTHLY;INTERVAL=3;COUNT=4\r\n/);
  assert.equal(records.inCalendar({ rule: RULES.steps[3], status: "overdue" }), true); // a repeat still to come
  assert.equal(records.inCalendar({ rule: RULES.steps[1], status: "overdue" }), false);
  const record = records.normalise({ version: 3, applications: { c1: app } });
  assert.equal(records.due(record, GUIDE, new Date(2026, 2, 16, 9))[0].ahead, true);
  record.applications.c1.done["stay-in-touch"] = "2026-03-16T10:00:00Z";
  assert.equal(records.due(record, GUIDE, new Date(2026, 2, 16, 9))[0].ahead, false); // nothing for a file: no button
});

test("long lines fold at 75 octets, never inside a character", () => {
  const folded = calendar.fold("SUMMARY:" + "é".repeat(80));
  for (const line of folded.split("\r\n")) assert.ok(Buffer.byteLength(line) <= 75);
  assert.equal(folded.replace(/\r\n /g, ""), "SUMMARY:" + "é".repeat(80));
});

test("a crafted id or a lone CR in a name cannot start a line of its own in a calendar file", () => {
  const id = "x\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:evil";
  const app = { id, company: "Acme\rATTENDEE:mailto:boss@evil.example", moments: { interview: "2026-03-06" } };
  const text = calendar.calendar("Guide", eventsOf(app), new Date(Date.UTC(2026, 2, 1)));
  const lines = text.split("\r\n");
  assert.equal(lines.filter((line) => line === "BEGIN:VEVENT").length, lines.filter((line) => /^UID:/.test(line)).length);
  assert.ok(!/\r(?!\n)/.test(text) && !lines.some((line) => /^(UID:evil|ATTENDEE)/.test(line)));
  assert.match(text, /\r\nUID:x--END-VEVENT--BEGIN-VEVENT--UID-evil-/);
  assert.match(text, /SUMMARY:Acme\\nATTENDEE:mailto:boss@evil.example/);
  // No file's id reaches a record unless it is one the guide makes.
  assert.deepEqual(Object.keys(records.normalise({ version: 3, applications: { [id]: app, a1b2: {} } }).applications), ["a1b2"]);
});

test("a repeat of nothing cannot loop for ever (the generator refuses 'every: 0 days')", () => {
  const day = new Date(2026, 2, 6);
  assert.equal(calendar.yearOf(day, { amount: 0, unit: "days" }), 400);
  assert.equal(calendar.yearOf(day, { amount: 3, unit: "months" }), 4);
});

test("fill replaces known placeholders and leaves the others", () => {
  assert.equal(records.fill("{a} and {b}", { a: 1 }), "1 and {b}");
});

test("anything unreadable is an empty record", () => {
  for (const value of [null, 42, "x", [], { version: 2, done: {} }, { version: 3, applications: "no" }]) {
    const record = records.normalise(value);
    assert.deepEqual(record.applications, {});
    assert.deepEqual(record.general.done, {});
  }
});

test("the older keys become a first application, own details kept apart", () => {
  const record = records.migrate({
    checklist: { version: 2, done: { "send-a-thank-you": "2026-03-06T10:00:00Z" } },
    plan: { interview: "2026-03-06", "interview-time": "15:00" },
    details: { "your-name": "Ana", company: "Acme", role: "Analyst", "interviewer-name": "José", detail: "the dashboard" },
  }, new Date(2026, 2, 7), 0.5);
  const [app] = Object.values(record.applications);
  assert.equal(record.chosen, app.id);
  assert.deepEqual(app.done, { "send-a-thank-you": "2026-03-06T10:00:00Z" });
  assert.deepEqual(app.moments, { interview: "2026-03-06", "interview-time": "15:00" });
  assert.equal(app.company, "Acme");
  assert.deepEqual(app.interviewers, [{ name: "José", email: "" }]);
  assert.deepEqual(app.overrides["*"], { detail: "the dashboard" });
  assert.deepEqual(record.details, { "your-name": "Ana" });
  const fromList = records.migrate({ checklistList: ["keep-searching"] }, new Date(), 0.1);
  assert.deepEqual(fromList.applications[fromList.chosen].done, { "keep-searching": true });
  assert.equal(records.migrate({}, new Date(), 0.1), null);
});

test("import merges by application id and never unticks", () => {
  const ours = records.normalise({ version: 3, applications: {
    a1: { company: "Acme", done: { x: "t1" }, moments: { interview: "2026-03-06" } } } });
  const count = records.merge(ours, { format: "followup-guide-progress", version: 3, applications: {
    a1: { company: "Other", done: { y: "t2" }, moments: { interview: "2026-01-01", "stated-date": "2026-03-13" } },
    a2: { company: "Globex", done: { z: "t3" } } } });
  assert.equal(count, 2);
  assert.deepEqual(ours.applications.a1.done, { x: "t1", y: "t2" });
  assert.equal(ours.applications.a1.company, "Acme");
  assert.deepEqual(ours.applications.a1.moments, { interview: "2026-03-06", "stated-date": "2026-03-13" });
  assert.equal(ours.applications.a2.company, "Globex");
});

test("a version 2 checklist file becomes a new application, not the chosen one; a foreign file is refused", () => {
  const record = records.normalise({ version: 3, chosen: "a1", applications: { a1: { company: "Acme", done: {} } } });
  assert.equal(records.merge(record, { format: "followup-guide-progress", version: 2, done: { x: "t", y: "t" } }), 2);
  assert.deepEqual(record.applications.a1.done, {});
  const [added] = Object.values(record.applications).filter((app) => app.id !== "a1");
  assert.deepEqual([added.done, added.company, record.chosen], [{ x: "t", y: "t" }, "", "a1"]);
  const empty = records.normalise(null); // nothing here: the new application is chosen, as migrate does
  assert.deepEqual(records.mergeCounted(empty, { format: "followup-guide-progress", version: 2, done: { x: true } }), { count: 1, applications: 1 });
  assert.deepEqual(records.current(empty).done, { x: true });
  assert.equal(records.merge(record, { format: "followup-guide-progress", version: 2, done: {} }), 0);
  assert.equal(records.merge(record, { something: "else" }), -1);
  assert.equal(records.merge(record, null), -1);
});

// --- Two devices: stamps, tombstones and "last change wins" ----------------------------------

const FILE = { format: "followup-guide-progress", version: 3 };
const T = (day, hour = 10) => new Date(Date.UTC(2026, 10, day, hour)); // 27 November 2026 and the days around it
const iso = (day, hour) => T(day, hour).toISOString();
const CONTOSO = { company: "Contoso", role: "Designer", moments: { interview: "2026-11-26", "stated-date": "2026-12-04" },
  done: { "send-a-thank-you": iso(26, 18) } };

// A record with `apps`, and the same record after `change` made at `now`, stamped as store.js does.
function changed(record, change, now) {
  const before = records.normalise(JSON.parse(JSON.stringify(record)));
  const after = records.normalise(JSON.parse(JSON.stringify(record)));
  change(after);
  return records.stamp(before, after, now);
}
const device = (apps, more = {}) => records.normalise({ version: 3, applications: JSON.parse(JSON.stringify(apps)), ...more });
const asFile = (record) => ({ ...FILE, ...JSON.parse(JSON.stringify(records.exported(record, "s"))) });

test("stamp: each changed field, tick, untick, date and deletion gets the time of the change; nothing else", () => {
  const start = device({ c: CONTOSO, f: { company: "Fabrikam" } });
  const after = changed(start, (r) => {
    r.applications.c.moments["stated-date"] = "2026-12-11";
    delete r.applications.c.done["send-a-thank-you"];
    r.applications.c.done["keep-searching"] = iso(30); // a tick holds its own time: no stamp
    r.applications.c.archived = true;
    r.applications.c.interviewers = [{ name: "Kim", email: "" }];
    r.applications.c.overrides["thank-you-email"] = { detail: "the dashboard" };
    delete r.applications.f;
  }, T(30));
  assert.deepEqual(after.applications.c.stamps, { archived: iso(30), interviewers: iso(30), "done.send-a-thank-you": iso(30),
    "moments.stated-date": iso(30), "overrides.thank-you-email": iso(30) });
  assert.deepEqual(after.removed, { f: iso(30) });
  // A new application has none (the other device has nothing of it to disagree with, and links
  // stay short); a stamp the change set itself (a merge) is kept.
  const added = changed(after, (r) => {
    r.applications.n = records.application({ company: "Northwind", created: "x" }, "n");
    r.applications.c.stamps.note = iso(1);
    r.applications.c.note = "from the other device";
  }, T(31));
  assert.deepEqual(added.applications.n.stamps, {});
  assert.equal(added.applications.c.stamps.note, iso(1));
  // A tick's time changing is no change; tombstones older than 400 days go when saving.
  const old = device({ c: CONTOSO }, { removed: { gone: "2025-01-01T00:00:00.000Z", recent: iso(20) } });
  const same = changed(old, (r) => { r.applications.c.done["send-a-thank-you"] = "another time"; }, T(30));
  assert.deepEqual([same.applications.c.stamps, same.removed], [{}, { recent: iso(20) }]);
});

test("records and files without stamps merge exactly as before: what is here stays, missing filled, ticks added", () => {
  const ours = device({ c: { ...CONTOSO, outcome: "withdrew" } });
  const theirs = device({ c: { ...CONTOSO, done: { "keep-searching": "t" }, archived: true, note: "n",
    moments: { interview: "2026-11-26", "stated-date": "2026-12-11", "offer": "2026-12-07" }, outcome: "rejection" } });
  assert.equal(records.merge(ours, asFile(theirs)), 1);
  const app = ours.applications.c;
  assert.deepEqual(app.done, { "send-a-thank-you": iso(26, 18), "keep-searching": "t" });
  assert.deepEqual(app.moments, { interview: "2026-11-26", "stated-date": "2026-12-04", offer: "2026-12-07" });
  assert.deepEqual([app.outcome, app.note, app.archived, app.stamps], ["withdrew", "n", false, {}]);
});

test("both stamped: the later change of each field wins, and changes to different fields of one application both survive", () => {
  const base = device({ c: CONTOSO, g: { company: "Globex", role: "Engineer" } });
  const laptop = changed(base, (r) => {
    r.applications.c.moments["stated-date"] = "2026-12-11"; // HR moved the decision
    delete r.applications.c.done["send-a-thank-you"]; // ticked by mistake
    r.applications.g.outcome = "rejection";
  }, T(30, 10));
  const phone = changed(base, (r) => {
    r.applications.c.note = "asked about the team"; // another field, the same day
    r.applications.g.outcome = "withdrew"; // earlier than the laptop's answer
  }, T(30, 9));
  const file = asFile(laptop);
  assert.equal(records.merge(phone, file), 0);
  const c = phone.applications.c;
  assert.deepEqual([c.moments["stated-date"], c.done, c.note], ["2026-12-11", {}, "asked about the team"]);
  assert.deepEqual([phone.applications.g.outcome, phone.applications.g.stamps.outcome], ["rejection", iso(30, 10)]);
  assert.equal(c.stamps["done.send-a-thank-you"], iso(30, 10)); // the winning stamps are kept
  // And back: the laptop ends up the same; loading the same again changes nothing.
  records.merge(laptop, asFile(phone));
  assert.deepEqual(laptop.applications, phone.applications);
  const again = JSON.stringify(phone);
  assert.equal(records.preview(phone, file).none, true);
  records.merge(phone, file);
  assert.equal(JSON.stringify(phone), again);
});

test("one side stamped: a stamped change beats an unstamped value, either way round", () => {
  const old = device({ c: CONTOSO }); // saved before stamps
  const edited = changed(old, (r) => { r.applications.c.moments["stated-date"] = "2026-12-11"; r.applications.c.role = ""; }, T(30));
  records.merge(old, asFile(edited));
  assert.deepEqual([old.applications.c.moments["stated-date"], old.applications.c.role], ["2026-12-11", ""]);
  const unstamped = device({ c: { ...CONTOSO, role: "Lead", moments: { "stated-date": "2026-12-20" } } });
  records.merge(edited, asFile(unstamped));
  assert.deepEqual([edited.applications.c.moments["stated-date"], edited.applications.c.role], ["2026-12-11", ""]);
});

test("an archive, an answer and an untick travel to a device that has the application", () => {
  const base = device({ c: CONTOSO, f: { company: "Fabrikam", done: { "send-a-thank-you": "t" } } });
  const laptop = changed(base, (r) => {
    r.applications.f.archived = true;
    delete r.applications.f.done["send-a-thank-you"];
    r.applications.c.outcome = "offer";
    r.applications.c.outcomeDay = "2026-12-07";
  }, T(30));
  const phone = device(base.applications);
  const preview = records.preview(phone, asFile(laptop));
  assert.deepEqual([preview.archived.map((a) => a.company), preview.changed.map((a) => a.company), preview.unticked, preview.ticked],
    [["Fabrikam"], ["Contoso"], 1, 0]);
  assert.equal(preview.made.slice(0, 2), "20"); // exported() says when the copy was made
  records.merge(phone, asFile(laptop));
  assert.deepEqual([phone.applications.f.archived, phone.applications.f.done, phone.applications.c.outcome,
    phone.applications.c.outcomeDay], [true, {}, "offer", "2026-12-07"]);
});

test("a deletion travels; an edit after the deletion wins; a tombstone keeps a deleted application from coming back", () => {
  const NOW = T(30, 13); // merge takes a deletion as no later than a day after now
  const base = device({ c: CONTOSO, f: { company: "Fabrikam" } });
  const laptop = changed(base, (r) => { delete r.applications.f; }, T(30));
  const phone = device(base.applications);
  const preview = records.preview(phone, asFile(laptop), NOW);
  assert.deepEqual(preview.removed.map((a) => a.company), ["Fabrikam"]);
  phone.chosen = "f";
  records.merge(phone, asFile(laptop), NOW);
  assert.deepEqual([Object.keys(phone.applications), phone.removed, phone.chosen], [["c"], { f: iso(30) }, ""]);
  // The laptop loads an older copy that still has Fabrikam: it does not come back.
  records.merge(laptop, asFile(base), NOW);
  assert.deepEqual(Object.keys(laptop.applications), ["c"]);
  // The phone had written a note to Fabrikam after the laptop deleted it: the edit wins on both.
  const phone2 = changed(device(base.applications), (r) => { r.applications.f.note = "they called back"; }, T(30, 12));
  records.merge(phone2, asFile(laptop), NOW);
  assert.deepEqual([phone2.applications.f.note, phone2.removed], ["they called back", {}]);
  records.merge(laptop, asFile(phone2), NOW);
  assert.deepEqual([laptop.applications.f.note, laptop.removed], ["they called back", {}]);
});

test("a tick carries its own time: a later tick beats an earlier untick, a later untick an earlier tick", () => {
  const base = device({ c: CONTOSO });
  const unticked = changed(base, (r) => { delete r.applications.c.done["send-a-thank-you"]; }, T(28));
  const reticked = changed(unticked, (r) => { r.applications.c.done["send-a-thank-you"] = iso(29); }, T(29));
  assert.deepEqual(reticked.applications.c.stamps, { "done.send-a-thank-you": iso(28) }); // the tick's own time is newer
  const other = device(unticked.applications); // still holds the untick of the 28th
  records.merge(other, asFile(reticked));
  assert.deepEqual(other.applications.c, reticked.applications.c); // the same on both
  records.merge(base, asFile(unticked)); // the tick of the 26th gives way to the untick of the 28th
  assert.deepEqual(base.applications.c.done, {});
  const ticked = device({ c: { ...CONTOSO, done: { "send-a-thank-you": iso(27) } } }); // ticked on both: this one's time stays
  records.merge(ticked, asFile(device({ c: CONTOSO })));
  assert.deepEqual(ticked.applications.c.done, { "send-a-thank-you": iso(27) });
});

test("a file or link leaves out an application's id and empty fields, and reads back the same", () => {
  const record = device({ c: CONTOSO, e: {} });
  const file = asFile(record);
  assert.deepEqual(file.applications.e, {});
  assert.deepEqual(Object.keys(file.applications.c).sort(), ["company", "done", "moments", "role"]);
  assert.deepEqual(records.normalise(file).applications, record.applications);
});

test("calendar events keep the higher sequence of the two devices", () => {
  const ours = device({ c: { ...CONTOSO, calendar: { x: { at: "a", sequence: 3 }, y: { at: "b", sequence: 1 } } } });
  const theirs = device({ c: { ...CONTOSO, calendar: { x: { at: "c", sequence: 2 }, y: { at: "d", sequence: 4 }, z: { at: "e", sequence: 0 } } } });
  records.merge(ours, asFile(theirs));
  assert.deepEqual(ours.applications.c.calendar, { x: { at: "a", sequence: 3 }, y: { at: "d", sequence: 4 }, z: { at: "e", sequence: 0 } });
});

test("stamps and tombstones that are not usable are dropped when read, without an error", () => {
  const record = records.normalise(JSON.parse(`{"version": 3, "removed": {"__proto__": "2026-11-01T00:00:00Z",
    "constructor": "2026-11-01T00:00:00Z", "gone": "2026-11-01T00:00:00Z", "bad": "yesterday", "num": 5},
    "applications": {"c": {"company": "C", "stamps": {"company": "2026-11-01T00:00:00Z", "done.x": "2026-11-02T00:00:00Z",
    "done.__proto__": "2026-11-02T00:00:00Z", "done.": "2026-11-02T00:00:00Z", "secret": "2026-11-02T00:00:00Z",
    "note": 7, "role": "not a time", "created": "2026-11-02T00:00:00Z", "overrides.toString": "2026-11-02T00:00:00Z"}}}}`));
  assert.deepEqual(record.removed, { gone: "2026-11-01T00:00:00Z" });
  assert.deepEqual(record.applications.c.stamps, { company: "2026-11-01T00:00:00Z", "done.x": "2026-11-02T00:00:00Z" });
  assert.deepEqual(records.normalise({ version: 3, removed: "x", applications: { c: { stamps: [1] } } }).applications.c.stamps, {});
});

test("what a load changes, in the reader's terms; a load of what is already here changes nothing", () => {
  const here = device({ c: CONTOSO }, { general: { done: { y: "t" } } });
  const there = device({ c: CONTOSO, n: { company: "Northwind" } }, { general: { done: { y: "t", z: "t" } }, details: { "your-name": "Ana" } });
  const preview = records.preview(here, asFile(there));
  assert.deepEqual([preview.added.map((a) => a.company), preview.ticked, preview.other, preview.none], [["Northwind"], 1, true, false]);
  assert.equal(records.preview(here, asFile(here)).none, true);
  assert.equal(records.preview(here, { something: "else" }), null);
  assert.equal(records.preview(here, { ...FILE, made: "long ago", applications: {} }).made, "");
});

test("templates start from the application, then what was typed for them", () => {
  const record = records.normalise({ version: 3, chosen: "a1", details: { "your-name": "Ana" }, applications: {
    a1: { company: "Acme", role: "Analyst", interviewers: [{ name: "José", email: "j@example.org" }],
      moments: { interview: "2026-03-06", "interview-time": "15:00", "answer-date": "2026-03-20" },
      overrides: { "thank-you-email": { company: "Acme Ltd" } } } } });
  const values = records.prefill(record, "thank-you-email", (text) => `day ${text}`);
  // A day given for a moment fills the field named like it (the interview's: interview-date); a time does not.
  assert.deepEqual(values, { "your-name": "Ana", company: "Acme Ltd", role: "Analyst", "interviewer-name": "José",
    "interviewer-email": "j@example.org", "interview-date": "day 2026-03-06", "answer-date": "day 2026-03-20" });
  assert.equal(records.prefill(record, "other", String).company, "Acme");
});

test("a template for the employer one prefers starts from the day promised for another application's offer", () => {
  const guide = {
    rules: { moments: [{ id: "interview", asked: true }, { id: "offer", asked: true },
      { id: "answer-date", asked: true, ifNotGiven: { amount: 7, unit: "days", of: "offer" } }],
    steps: [{ entry: "answer-them", relation: "after", weekends: "keep", amount: 0, unit: "days", of: "answer-date" },
      { entry: "follow-up", relation: "after", weekends: "keep", amount: 7, unit: "days", of: "interview" }] },
    phases: { offers: ["answer-them"], waiting: ["follow-up"] },
    outcomes: { offer: ["offers"], rejection: ["offers"] }, answerDays: { deadline: "offer" },
  };
  const record = records.normalise({ version: 3, chosen: "w", applications: {
    o: { company: "Brightwell", moments: { interview: "2026-03-02", offer: "2026-03-12", "answer-date": "2026-03-19" } },
    p: { company: "Contoso", moments: { interview: "2026-03-01", offer: "2026-03-13", "answer-date": "2026-03-17" } },
    w: { company: "Ravi Tech", moments: { interview: "2026-03-05" } } } });
  let now = new Date(2026, 2, 13, 9);
  const deadline = () => records.prefill(record, "competing-deadline", String, guide, now).deadline;
  assert.equal(deadline(), "2026-03-17"); // the soonest of the two offers' days
  record.applications.p.outcome = "rejection";
  assert.equal(deadline(), "2026-03-19"); // another answer fills another field
  delete record.applications.p.outcome;
  assert.equal(records.prefill(record, "competing-deadline", String).deadline, undefined); // without the guide's data
  now = new Date(2026, 2, 18, 9);
  assert.equal(deadline(), "2026-03-19"); // Contoso's day has gone
  record.applications.o.archived = true;
  assert.equal(deadline(), undefined); // an archived offer fills nothing
  record.applications.o.archived = false;
  delete record.applications.o.moments["answer-date"];
  now = new Date(2026, 2, 13, 9);
  record.applications.p.archived = true;
  assert.equal(deadline(), undefined); // a day the reader did not give (a week after the offer, assumed) is not written for them
  record.applications.o.moments["answer-date"] = "2026-03-19";
  record.applications.w.overrides["competing-deadline"] = { deadline: "2026-03-18" };
  assert.equal(deadline(), "2026-03-18"); // what the reader typed wins
  record.applications.w.overrides = {};
  record.applications.w.moments.offer = "2026-03-10"; // the chosen one has its own offer: nothing to tell it
  assert.equal(deadline(), undefined);
});

test("what is due: soonest first, ticked steps done, overdue and today marked", () => {
  const record = records.normalise({ version: 3, applications: {
    late: { company: "Late", moments: { interview: "2026-03-02" } },
    soon: { company: "Soon", moments: { interview: "2026-03-09" }, done: { "send-a-thank-you": "t" } },
    none: { company: "Undated" },
    done: { company: "Done", moments: { interview: "2026-03-01" },
      done: { "send-a-thank-you": "t", "send-one-follow-up": "t", "close-the-loop": "t", "stay-in-touch": "t" } },
    closed: { company: "Closed", archived: true, moments: { interview: "2026-03-01" } },
  } });
  const rows = records.due(record, GUIDE, new Date(2026, 2, 9, 9, 0));
  assert.deepEqual(rows.map((r) => [r.application.id, r.entry, r.status]), [
    ["late", "send-a-thank-you", "overdue"],
    ["soon", "send-one-follow-up", "upcoming"],
    ["none", "", "none"],
    ["done", "", "done"],
  ]);
  const today = records.due(record, GUIDE, new Date(2026, 2, 3, 9, 0))[0];
  assert.equal(today.status, "today");
});

test("a recorded answer stops the waiting steps and brings that phase's steps", () => {
  const record = records.normalise({ version: 3, applications: {
    a1: { company: "Acme", moments: { interview: "2026-03-02" }, outcome: "offer", outcomeDay: "2026-03-20",
      done: { "reply-to-an-offer": "t" } } } });
  const [row] = records.due(record, GUIDE, new Date(2026, 2, 20, 9));
  assert.equal(row.entry, "reply-to-a-no");
  assert.deepEqual([row.status, row.date], ["upcoming", null]); // no timing gives it a deadline: never late, no date shown
  assert.equal(records.due(record, GUIDE, new Date(2026, 3, 10, 9))[0].status, "answered"); // weeks later it has had its time
});

test("working days skip Saturdays and Sundays, as generator/timing.py counts them", () => {
  const friday = new Date(2026, 2, 6, 15, 0);
  assert.equal(day(dates.add(friday, { amount: 1, unit: "working days" })), "20260309");
  assert.equal(day(dates.add(friday, { amount: 2, unit: "working days" })), "20260310");
  assert.equal(day(dates.add(new Date(2026, 2, 2, 9), { amount: 5, unit: "working days" })), "20260309");
  assert.equal(dates.add(friday, { amount: 2, unit: "working days" }).getHours(), 15); // across the clock change
});

test("a repeating step in working days repeats on working days", () => {
  const text = calendar.calendar("Guide", [
    { uid: "a", day: new Date(2026, 2, 9), summary: "s", description: "", reminder: "r", repeat: { amount: 5, unit: "working days" } },
    { uid: "b", day: new Date(2026, 2, 9), summary: "s", description: "", reminder: "r", repeat: { amount: 1, unit: "working days" } },
  ], new Date(Date.UTC(2026, 2, 1)));
  assert.match(text, /\r\nRRULE:FREQ=WEEKLY;INTERVAL=1\r\n/);
  assert.match(text, /\r\nRRULE:FREQ=DAILY;INTERVAL=1;BYDAY=MO,TU,WE,TH,FR\r\n/);
});

test("an answer named like a moment dates that moment's steps from the day it was recorded", () => {
  const rules = {
    moments: [{ id: "interview", asked: true }, { id: "offer", asked: true }],
    steps: [{ entry: "get-it-in-writing", relation: "within", weekends: "move", amount: 1, unit: "days", of: "offer" }],
  };
  const guide = { rules, phases: { offers: ["negotiate", "get-it-in-writing"] }, outcomes: { offer: ["offers"] } };
  const record = records.normalise({ version: 3, applications: {
    a1: { company: "Acme", moments: { interview: "2026-03-02" }, outcome: "offer", outcomeDay: "2026-03-06" } } });
  const [row] = records.due(record, guide, new Date(2026, 2, 6, 9));
  assert.equal(row.entry, "get-it-in-writing"); // the dated step first
  assert.equal(day(row.date), "20260309"); // Saturday the 7th moves to Monday
  record.applications.a1.done["get-it-in-writing"] = "t";
  assert.equal(records.due(record, guide, new Date(2026, 2, 6, 9))[0].entry, "negotiate"); // then the others
});

test("the next interviewer follows the one named, and there is none after the last or a typed name", () => {
  const app = { interviewers: [{ name: "José", email: "jose@acme.example" }, { name: "Kim", email: "kim@acme.example" }] };
  assert.deepEqual(records.nextInterviewer(app, "José"), { name: "Kim", email: "kim@acme.example" });
  assert.equal(records.nextInterviewer(app, "Kim"), null);
  assert.equal(records.nextInterviewer(app, "Someone else"), null);
  assert.equal(records.nextInterviewer(undefined, "José"), null);
});

test("rename: ticks, calendar events and typed details follow renamed ids; what is under a new id wins", () => {
  const record = records.normalise({
    version: 3, chosen: "a1", details: {},
    general: { done: { "be-patient": "2026-03-01" }, moments: {} },
    applications: {
      a1: { done: { "be-patient": "2026-03-02", "wait-patiently": "2026-03-05", "keep-searching": true },
        calendar: { "be-patient": { at: "2026-03-09T00:00:00.000Z", sequence: 2 } },
        overrides: { "old-note": { note: "typed" } } },
    },
  });
  records.rename(record, { entries: { "be-patient": "wait-patiently" }, templates: { "old-note": "new-note" } });
  assert.deepEqual(record.general.done, { "wait-patiently": "2026-03-01" });
  assert.deepEqual(record.applications.a1.done, { "wait-patiently": "2026-03-05", "keep-searching": true });
  assert.deepEqual(record.applications.a1.calendar, { "wait-patiently": { at: "2026-03-09T00:00:00.000Z", sequence: 2 } });
  assert.deepEqual(record.applications.a1.overrides, { "new-note": { note: "typed" } });
});

test("inWords: dates written with the guide's names and patterns, in English and in another order", () => {
  const english = {
    long: "{weekday}, {month} {day}, {year}", short: "{month} {day}", withTime: "{date} at {time}",
    time: "{hour12}:{minute} {period}",
    months: "January, February, March, April, May, June, July, August, September, October, November, December",
    monthsShort: "Jan, Feb, Mar, Apr, May, Jun, Jul, Aug, Sep, Oct, Nov, Dec",
    weekdays: "Sunday, Monday, Tuesday, Wednesday, Thursday, Friday, Saturday", periods: "AM, PM",
  };
  assert.equal(dates.inWords(new Date(2026, 2, 6, 9), false, english), "Friday, March 6, 2026");
  assert.equal(dates.inWords(new Date(2026, 2, 6, 9), "short", english), "Mar 6");
  assert.equal(dates.inWords(new Date(2026, 2, 6, 15, 5), true, english), "Friday, March 6, 2026 at 3:05 PM");
  assert.equal(dates.inWords(new Date(2026, 2, 6, 0, 30), true, english), "Friday, March 6, 2026 at 12:30 AM");
  const spanish = { ...english, long: "{weekday}, {day} de {month} de {year}", withTime: "{date}, {time}",
    time: "{hour}:{minute}", months: "enero, febrero, marzo, abril, mayo, junio, julio, agosto, septiembre, octubre, noviembre, diciembre",
    weekdays: "domingo, lunes, martes, miércoles, jueves, viernes, sábado" };
  assert.equal(dates.inWords(new Date(2026, 2, 4, 15, 0), true, spanish), "miércoles, 4 de marzo de 2026, 15:00");
});

test("writesDayFirst: the reader's region decides whether the day comes before the month", () => {
  for (const locale of ["en-GB", "en-IN", "en-AU", "de-DE", "fr", "es-MX"]) assert.equal(dates.writesDayFirst(locale), true, locale);
  for (const locale of ["en-US", "en", "ja-JP"]) assert.equal(dates.writesDayFirst(locale), false, locale);
  assert.equal(dates.writesDayFirst("not a language tag!"), false);
});

test("names every object has are never ids, answers or the choice (a crafted file cannot hide progress)", () => {
  const inherited = ["constructor", "toString", "valueOf", "hasOwnProperty", "__proto__"];
  for (const name of inherited) {
    const applications = JSON.parse(`{"a1": {"company": "Acme", "outcome": "${name}", "done": {"${name}": "t", "x": "t"},
      "moments": {"${name}": "2026-03-06"}, "overrides": {"${name}": {"company": "Evil"}},
      "calendar": {"${name}": {"at": "t"}}}, "${name}": {"company": "Evil"}}`);
    const record = records.normalise({ version: 3, chosen: name, applications, general: { done: { y: "t" } } });
    assert.equal(record.chosen, "", name);
    assert.deepEqual(Object.keys(record.applications), ["a1"], name);
    const app = record.applications.a1;
    assert.equal(app.outcome, "", name);
    assert.deepEqual([Object.keys(app.done), Object.keys(app.moments), Object.keys(app.overrides), Object.keys(app.calendar)],
      [["x"], [], [], []], name);
    assert.equal(records.current(record), record.general, name);
    const ours = records.normalise({ version: 3, general: { done: { z: "t" } } });
    assert.deepEqual(records.mergeCounted(ours, { format: "followup-guide-progress", version: 3, chosen: name, applications }),
      { count: 1, applications: 1 }, name);
    assert.equal(ours.chosen, "", name);
    assert.equal(Object.getPrototypeOf(ours.applications), Object.prototype, name);
  }
});

test("dates that do not exist are dropped, not moved to another day", () => {
  assert.deepEqual(dates.givenMoments(RULES, { interview: "2026-02-31" }), {});
  assert.equal(dates.givenMoments(RULES, { interview: "2026-02-28", "interview-time": "99:99" }).interview.getHours(), 12);
  assert.equal(dates.givenMoments(RULES, { interview: "2026-02-28", "interview-time": "09:30:00" }).interview.getMinutes(), 30);
  const record = records.normalise({ version: 3, general: { moments: { interview: "2026-99-99", "stated-date": "2026-03-13" } },
    applications: { a1: { moments: { interview: "2026-02-31", "interview-time": "24:00" }, outcome: "offer",
      outcomeDay: "2026-99-99", applied: "2026-02-30", calendar: { x: { at: "t", sequence: 1e308 }, y: { at: "t", sequence: 2 } } } } });
  assert.deepEqual(record.general.moments, { "stated-date": "2026-03-13" });
  const app = record.applications.a1;
  assert.deepEqual([app.moments, app.outcomeDay, app.applied], [{}, "", ""]);
  assert.deepEqual(app.calendar, { x: { at: "t", sequence: 0 }, y: { at: "t", sequence: 2 } });
});

test("a step due within a time is overdue from that time only if the reader gave the time", () => {
  const untimed = records.normalise({ version: 3, applications: { a: { moments: { interview: "2026-03-02" } } } });
  const timed = records.normalise({ version: 3, applications: { a: { moments: { interview: "2026-03-02", "interview-time": "09:00" } } } });
  const at = (hour) => new Date(2026, 2, 3, hour, 0); // the thank-you is due within 24 hours: on 3 March
  assert.deepEqual([9, 13, 23].map((hour) => records.due(untimed, GUIDE, at(hour))[0].status), ["today", "today", "today"]);
  assert.equal(records.due(untimed, GUIDE, new Date(2026, 2, 4, 0, 1))[0].status, "overdue");
  assert.deepEqual([8, 10].map((hour) => records.due(timed, GUIDE, at(hour))[0].status), ["today", "overdue"]);
});

test("the first application takes the ticks and dates made before it; later ones start empty", () => {
  const record = records.normalise({ version: 3, general: { done: { x: "t" }, moments: { interview: "2026-03-06" } } });
  const first = records.addApplication(record, "a1", "2026-03-07T10:00:00Z");
  assert.deepEqual([first.done, first.moments, record.chosen], [{ x: "t" }, { interview: "2026-03-06" }, "a1"]);
  assert.deepEqual(record.general, { done: {}, moments: {} });
  record.general.done.y = "t";
  const second = records.addApplication(record, "a2", "2026-03-08T10:00:00Z");
  assert.deepEqual([second.done, second.moments, record.general.done, record.chosen], [{}, {}, { y: "t" }, "a2"]);
});

test("an import chooses its application only where that hides none of this browser's own ticks", () => {
  const file = { format: "followup-guide-progress", version: 3, chosen: "a1", applications: { a1: { done: { x: "t" } } } };
  const empty = records.normalise(null);
  assert.deepEqual(records.mergeCounted(empty, file), { count: 1, applications: 1 });
  assert.equal(empty.chosen, "a1");
  const ticked = records.normalise({ version: 3, general: { done: { y: "t" } } });
  records.merge(ticked, file);
  assert.equal(ticked.chosen, "");
  assert.equal(records.mergeCounted(ticked, { something: "else" }), null);
});

test("an import that would hold more than 500 applications changes nothing; the same ones again always merge", () => {
  const many = (from, count) => Object.fromEntries(
    Array.from({ length: count }, (_, i) => [`a${from + i}`, { company: `Company ${from + i}`, done: { x: "t" } }]));
  const file = (applications) => ({ format: "followup-guide-progress", version: 3, applications });
  const record = records.normalise({ version: 3, applications: many(0, 499) });
  const before = JSON.stringify(record);
  assert.equal(records.merge(record, file(many(499, 2))), records.TOO_MANY);
  assert.equal(records.mergeCounted(record, file(many(499, 2))), null);
  assert.equal(JSON.stringify(record), before);
  assert.deepEqual(records.mergeCounted(record, file(many(499, 1))), { count: 1, applications: 1 });
  assert.equal(Object.keys(record.applications).length, 500);
  assert.deepEqual(records.mergeCounted(record, file(many(0, 500))), { count: 0, applications: 0 }); // its own backup
  assert.equal(records.merge(records.normalise(null), file(many(0, 501))), records.TOO_MANY);
});

test("a device whose clock is behind still stamps its change after what it replaced, and wins", () => {
  // The laptop (right clock) unticks at 10:00 on the 30th; the phone, 10 minutes slow, loads that,
  // then ticks again at what it thinks is 9:55: its tick must be the later change on both devices.
  const phone = device({ c: CONTOSO });
  const laptop = changed(device({ c: CONTOSO }), (r) => { delete r.applications.c.done["send-a-thank-you"]; }, T(30, 10));
  records.merge(phone, asFile(laptop), T(30, 10));
  assert.deepEqual(phone.applications.c.done, {});
  const slow = new Date(T(30, 10).getTime() - 5 * 60000);
  const reticked = changed(phone, (r) => { r.applications.c.done["send-a-thank-you"] = slow.toISOString(); }, slow);
  assert.ok(Date.parse(reticked.applications.c.stamps["done.send-a-thank-you"]) > T(30, 10).getTime());
  records.merge(laptop, asFile(reticked), T(30, 10));
  assert.ok(laptop.applications.c.done["send-a-thank-you"]);
  // A date moved, and an application deleted, on the slow device: the same.
  const moved = changed(reticked, (r) => { r.applications.c.moments["stated-date"] = "2026-12-18"; }, slow);
  const deleted = changed(moved, (r) => { delete r.applications.c; }, slow);
  assert.ok(Date.parse(deleted.removed.c) > Date.parse(moved.applications.c.stamps["moments.stated-date"]));
  records.merge(laptop, asFile(moved), T(30, 10));
  assert.equal(laptop.applications.c.moments["stated-date"], "2026-12-18");
  records.merge(laptop, asFile(deleted), T(30, 10));
  assert.deepEqual(Object.keys(laptop.applications), []);
});

test("the same field changed on both devices at the same moment ends alike on both", () => {
  const start = device({ c: CONTOSO });
  const phone = changed(start, (r) => { r.applications.c.contact = "Ann"; }, T(30));
  const laptop = changed(start, (r) => { r.applications.c.contact = "Bob"; }, T(30));
  const [a, b] = [records.normalise(JSON.parse(JSON.stringify(phone))), records.normalise(JSON.parse(JSON.stringify(laptop)))];
  records.merge(a, asFile(laptop), T(30));
  records.merge(b, asFile(phone), T(30));
  assert.equal(a.applications.c.contact, b.applications.c.contact);
});

test("the same version 2 file loaded twice is one application", () => {
  const record = records.normalise(null);
  const old = { format: "followup-guide-progress", version: 2, done: { x: "t", y: "t" } };
  assert.deepEqual(records.mergeCounted(record, old), { count: 2, applications: 1 });
  assert.deepEqual(records.mergeCounted(record, old), { count: 0, applications: 0 });
  assert.match(Object.keys(record.applications)[0], /^[a-z0-9]{1,40}$/);
});

test("a copy holding an application deleted here leaves it deleted, says so, and brings it back when asked", () => {
  const phone = device({ c: CONTOSO, f: { company: "Fabrikam" } });
  const backup = asFile(phone);
  const deleted = changed(phone, (r) => { delete r.applications.c; }, T(30));
  const seen = records.preview(deleted, backup, T(30));
  assert.deepEqual([seen.none, seen.deletedHere.map((app) => app.company)], [true, ["Contoso"]]);
  const kept = records.normalise(JSON.parse(JSON.stringify(deleted)));
  records.merge(kept, backup, T(30));
  assert.deepEqual(Object.keys(kept.applications), ["f"]);
  assert.deepEqual(records.mergeCounted(deleted, backup, ["c"]), { count: 1, applications: 1 });
  assert.deepEqual([Object.keys(deleted.applications).sort(), deleted.removed], [["c", "f"], {}]);
  // Changed on the other device after the deletion: it comes back by itself, said as such.
  const edited = changed(device({ c: CONTOSO }), (r) => { r.applications.c.note = "second round"; }, T(31));
  const back = records.preview(changed(device({ c: CONTOSO }), (r) => { delete r.applications.c; }, T(30)), asFile(edited), T(31));
  assert.deepEqual([back.added.length, back.restored.map((app) => app.company), back.deletedHere], [0, ["Contoso"], []]);
});

test("a file's odd values are read as what they stand for: a tick, a calendar sequence of 0", () => {
  let deep = [1];
  for (let i = 0; i < 100000; i++) deep = [deep]; // +deep would recurse until the stack runs out
  const record = records.normalise({ version: 3, applications: { a1: { company: "Acme",
    done: { "send-a-thank-you": { nested: [1, 2] }, "keep-searching": "x".repeat(41), "be-patient": iso(27), "ask-when-you-will-hear": "t" },
    calendar: { k: { at: iso(27), sequence: deep }, n: { at: iso(27), sequence: 3.7 } } } } });
  const app = record.applications.a1;
  assert.deepEqual(app.done, { "send-a-thank-you": true, "keep-searching": true, "be-patient": iso(27), "ask-when-you-will-hear": "t" });
  assert.deepEqual(app.calendar, { k: { at: iso(27), sequence: 0 }, n: { at: iso(27), sequence: 3 } });
});

test("deletions a file brings: only applications' ids, none dated more than a day ahead, the latest 500", () => {
  const removed = { "not an id": iso(27), __proto__x: iso(27), far: "2999-01-01T00:00:00.000Z" };
  for (let i = 0; i < 600; i++) removed["r" + i] = new Date(T(1).getTime() + i * 60000).toISOString();
  const record = device({ c: CONTOSO });
  records.merge(record, { ...FILE, applications: {}, removed }, T(27));
  assert.equal(Object.keys(record.removed).length, 500);
  assert.equal(record.removed.far, new Date(T(27).getTime() + 86400000).toISOString()); // then let go with the others (stamp)
  assert.ok(!("not an id" in record.removed) && !("__proto__x" in record.removed));
  assert.ok(!("r0" in record.removed) && "r599" in record.removed); // the earliest went
  assert.deepEqual(Object.keys(record.applications), ["c"]);
});

test("an application with many ticks is compared, stamped and merged like any other", () => {
  const done = {};
  for (let i = 0; i < 20000; i++) done["step-" + i] = iso(27);
  const many = device({ c: { ...CONTOSO, done } });
  const edited = changed(many, (r) => { r.applications.c.note = "called"; delete r.applications.c.done["step-5"]; }, T(28));
  assert.deepEqual(Object.keys(edited.applications.c.stamps), ["note", "done.step-5"]);
  const seen = records.changes(many, edited);
  assert.deepEqual([seen.changed.length, seen.unticked, seen.ticked], [1, 1, 0]);
  records.merge(many, asFile(edited), T(28));
  assert.equal(Object.keys(many.applications.c.done).length, 19999);
  assert.equal(many.applications.c.note, "called");
});

test("a date stored under a field's name never fills that field in a template", () => {
  const record = records.normalise({ version: 3, chosen: "a1", details: { "your-email": "ana@example.org" }, applications: {
    a1: { company: "Acme", moments: { company: "2026-03-05", "your-email": "2026-03-05", "interviewer-name": "2026-03-05", "answer-date": "2026-03-20" } } } });
  const values = records.prefill(record, "thank-you-email", (text) => `day ${text}`);
  assert.deepEqual([values.company, values["your-email"], values["interviewer-name"], values["answer-date"]],
    ["Acme", "ana@example.org", undefined, "day 2026-03-20"]);
});

test("a step settled by a date is done once the reader gives that date", () => {
  const guide = { ...OFFER_GUIDE, rules: { moments: OFFER_GUIDE.rules.moments.concat([{ id: "answer-date", asked: true }]),
    steps: OFFER_GUIDE.rules.steps.concat([{ entry: "ask-for-time", relation: "within", weekends: "move", amount: 1,
      unit: "days", of: "offer", settledBy: "answer-date" }]) },
    phases: { ...OFFER_GUIDE.phases, offers: ["ask-for-time", ...OFFER_GUIDE.phases.offers] } };
  const app = { company: "Initech", moments: { interview: "2026-03-02", offer: "2026-03-12" } };
  const now = new Date(2026, 2, 13, 9);
  const status = () => records.schedule(records.application(app, "o"), guide, now).steps.find((s) => s.entry === "ask-for-time").status;
  assert.equal(status(), "today");
  app.moments["answer-date"] = "2026-03-16";
  assert.equal(status(), "done");
  const record = records.normalise({ version: 3, applications: { o: app } });
  assert.notEqual(records.due(record, guide, now)[0].entry, "ask-for-time"); // not what is next
});

test("once the day promised for the answer has gone, the answer comes first, before a step of the offer due the same day", () => {
  const guide = { ...OFFER_GUIDE, rules: { moments: OFFER_GUIDE.rules.moments.concat([{ id: "answer-date", asked: true }]),
    steps: RULES.steps.concat([
      { entry: "get-it-in-writing", relation: "within", weekends: "move", amount: 1, unit: "working days", of: "offer" },
      { entry: "accept-in-writing", relation: "within", weekends: "keep", amount: 0, unit: "days", of: "answer-date" }]) } };
  // An offer on a Friday: in writing by Monday, the answer promised for that Monday too.
  const app = { company: "Initech", moments: { interview: "2026-03-02", offer: "2026-03-13", "answer-date": "2026-03-16" } };
  const record = records.normalise({ version: 3, applications: { o: app } });
  const next = (now) => { const row = records.due(record, guide, now)[0]; return [row.status, row.entry]; };
  assert.deepEqual(next(new Date(2026, 2, 16, 9)), ["today", "get-it-in-writing"]); // the day itself: in order
  assert.deepEqual(next(new Date(2026, 2, 18, 9)), ["overdue", "accept-in-writing"]); // late: the answer they wait for
});
