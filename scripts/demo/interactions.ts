// interactions.csv, one week at a time: each relationship draws a Poisson number of contacts per week from its own
// random stream; the rows of a week are ordered by time (a stable counting sort on 5-minute slots) and streamed out.
// Every contact always draws the same six numbers, so the planted patterns only decide which rows are kept.
import { pickCumulative, Rng, streamId } from "./rng.js";
import { FLUSH_AT, type TextSink } from "./sink.js";
import { COMMUNITY, dayIn, HOSPITAL, isoDate, PRIMARY_CARE, SOCIAL_CARE, type Workforce } from "./system.js";
import { decayFactor, type Plan } from "./plan.js";
import { CHANNELS, type Relationship } from "./ties.js";

const INTERACTIONS_HEADER = "from,to,timestamp,channel,weight,duration_minutes\n";

const SLOTS_PER_DAY = 120; // 08:00–17:55 in 5-minute steps
const SLOTS_PER_WEEK = 5 * SLOTS_PER_DAY;
const STREAM_WEEK = streamId("week");
const ORGS = 5;

const EMAIL = CHANNELS.indexOf("email");
const MEETING = CHANNELS.indexOf("meeting");
const ONE_TO_ONE = CHANNELS.indexOf("1:1");
const HUDDLE = CHANNELS.indexOf("huddle");
const PHONE = CHANNELS.indexOf("phone");
const SOCIAL = CHANNELS.indexOf("social");

const MEETING_MINUTES = [30, 30, 45, 60, 60, 90];
const ONE_TO_ONE_MINUTES = [30, 45, 60];
const HUDDLE_MINUTES = [10, 15, 15];
const SOCIAL_MINUTES = [30, 45, 60];

/** Time of day by channel: huddles first thing, social contact over lunch, meetings on the quarter hour. */
function slotFor(channel: number, u: number): number {
  if (channel === HUDDLE) return Math.floor(u * 18);
  if (channel === SOCIAL) return 48 + Math.floor(u * 24);
  if (channel === MEETING || channel === ONE_TO_ONE) return 6 + 3 * Math.floor(u * 33);
  return Math.floor(u * SLOTS_PER_DAY);
}

/** Minutes for calls and meetings, 0 (written empty) for messages; emails carry how many were sent that day. */
function durationFor(channel: number, u: number): number {
  if (channel === MEETING) return MEETING_MINUTES[Math.floor(u * MEETING_MINUTES.length)];
  if (channel === ONE_TO_ONE) return ONE_TO_ONE_MINUTES[Math.floor(u * ONE_TO_ONE_MINUTES.length)];
  if (channel === HUDDLE) return HUDDLE_MINUTES[Math.floor(u * HUDDLE_MINUTES.length)];
  if (channel === SOCIAL) return SOCIAL_MINUTES[Math.floor(u * SOCIAL_MINUTES.length)];
  if (channel === PHONE) return 5 * (1 + Math.floor(u * 5));
  return 0;
}

export interface InteractionStats {
  rows: number;
  /** Rows per week per ordered organisation pair: index (week * 5 + fromOrg) * 5 + toOrg. */
  orgPairWeekly: Int32Array;
}

/** Rows of one week, as columns, reused from week to week. */
class WeekRows {
  length = 0;
  from = new Int32Array(1024);
  to = new Int32Array(1024);
  slot = new Uint16Array(1024);
  channel = new Uint8Array(1024);
  weight = new Uint8Array(1024);
  minutes = new Uint16Array(1024);

  push(from: number, to: number, slot: number, channel: number, weight: number, minutes: number): void {
    if (this.length === this.from.length) this.grow();
    const i = this.length++;
    this.from[i] = from;
    this.to[i] = to;
    this.slot[i] = slot;
    this.channel[i] = channel;
    this.weight[i] = weight;
    this.minutes[i] = minutes;
  }

  private grow(): void {
    const size = this.from.length * 2;
    const widen = <T extends Int32Array | Uint16Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(size);
      b.set(a);
      return b;
    };
    this.from = widen(this.from, (n) => new Int32Array(n));
    this.to = widen(this.to, (n) => new Int32Array(n));
    this.slot = widen(this.slot, (n) => new Uint16Array(n));
    this.channel = widen(this.channel, (n) => new Uint8Array(n));
    this.weight = widen(this.weight, (n) => new Uint8Array(n));
    this.minutes = widen(this.minutes, (n) => new Uint16Array(n));
  }

  /** Row order by time slot, ties kept in generation order (a stable counting sort). */
  order(): Int32Array {
    const starts = new Int32Array(SLOTS_PER_WEEK + 1);
    for (let i = 0; i < this.length; i++) starts[this.slot[i] + 1]++;
    for (let s = 0; s < SLOTS_PER_WEEK; s++) starts[s + 1] += starts[s];
    const out = new Int32Array(this.length);
    for (let i = 0; i < this.length; i++) out[starts[this.slot[i]]++] = i;
    return out;
  }
}

/** What the planted patterns do to one relationship (computed once, not per contact). */
interface Treatment {
  bias: number;
  decays: boolean;
  /** The endpoint (a or b) whose replies collapse, or -1. */
  silent: number;
}

function treatmentOf(r: Relationship, orgOf: Int8Array, plan: Plan): Treatment {
  const oa = orgOf[r.a];
  const ob = orgOf[r.b];
  const pair = (x: number, y: number) => (oa === x && ob === y) || (oa === y && ob === x);
  if (!plan.planted) return { bias: r.bias, decays: false, silent: -1 };
  return {
    bias: pair(COMMUNITY, PRIMARY_CARE) ? (oa === COMMUNITY ? plan.oneWayBias : 1 - plan.oneWayBias) : r.bias,
    decays: pair(HOSPITAL, SOCIAL_CARE),
    silent: pair(HOSPITAL, COMMUNITY) ? (oa === COMMUNITY ? r.a : r.b) : -1,
  };
}

export async function writeInteractions(
  sink: TextSink,
  seed: number,
  workforce: Workforce,
  plan: Plan,
  relationships: Relationship[],
): Promise<InteractionStats> {
  const { people, orgOf } = workforce;
  const { calendar } = plan;
  const ids = people.map((p) => p.id);
  const joined = Int32Array.from(people, (p) => p.joined);
  const left = Int32Array.from(people, (p) => p.left ?? 2 ** 30);
  const treatments = relationships.map((r) => treatmentOf(r, orgOf, plan));
  const orgPairWeekly = new Int32Array(calendar.weeks * ORGS * ORGS);
  const rows = new WeekRows();
  const rng = new Rng(seed, STREAM_WEEK);
  let total = 0;
  await sink.write(INTERACTIONS_HEADER);

  for (let week = 0; week < calendar.weeks; week++) {
    rows.length = 0;
    const keepDecaying = decayFactor(plan, week);
    const collapsed = plan.planted && week >= plan.collapseStart;
    const monday = dayIn(calendar, week, 0);
    for (let k = 0; k < relationships.length; k++) {
      const r = relationships[k];
      if (week < r.start || week >= r.end) continue;
      const t = treatments[k];
      rng.reseed(seed, STREAM_WEEK, k, week);
      const contacts = rng.poisson(r.rate);
      for (let c = 0; c < contacts; c++) {
        const uDirection = rng.float();
        const uKeep = rng.float();
        const channel = pickCumulative(r.channels, rng.float());
        const weekday = rng.int(5);
        const slot = slotFor(channel, rng.float());
        const uExtra = rng.float();
        const from = uDirection < t.bias ? r.a : r.b;
        const to = from === r.a ? r.b : r.a;
        const day = monday + weekday;
        if (day < joined[from] || day < joined[to] || day > left[from] || day > left[to]) continue;
        if (t.decays && uKeep >= keepDecaying) continue;
        if (collapsed && from === t.silent && uKeep >= plan.collapseKeep) continue;
        const weight = channel === EMAIL ? 1 + (uExtra < 0.3 ? 1 : 0) + (uExtra < 0.1 ? 1 : 0) : 1;
        rows.push(from, to, weekday * SLOTS_PER_DAY + slot, channel, weight, durationFor(channel, uExtra));
      }
    }

    const stamps = weekStamps(monday);
    const order = rows.order();
    let text = "";
    for (let j = 0; j < order.length; j++) {
      const i = order[j];
      const minutes = rows.minutes[i];
      text += `${ids[rows.from[i]]},${ids[rows.to[i]]},${stamps[rows.slot[i]]},${CHANNELS[rows.channel[i]]},${rows.weight[i]},${minutes === 0 ? "" : minutes}\n`;
      orgPairWeekly[(week * ORGS + orgOf[rows.from[i]]) * ORGS + orgOf[rows.to[i]]]++;
      if (text.length > FLUSH_AT) {
        await sink.write(text);
        text = "";
      }
    }
    await sink.write(text);
    total += order.length;
  }
  return { rows: total, orgPairWeekly };
}

/** ISO datetimes (UTC) of the week's 600 slots. */
function weekStamps(monday: number): string[] {
  const out: string[] = [];
  for (let d = 0; d < 5; d++) {
    const date = isoDate(monday + d);
    for (let s = 0; s < SLOTS_PER_DAY; s++) {
      const minutes = 8 * 60 + 5 * s;
      out.push(
        `${date}T${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}:00Z`,
      );
    }
  }
  return out;
}
