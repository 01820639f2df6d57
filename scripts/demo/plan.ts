// When and where the planted patterns happen, and who they involve. Timings are written for the default 26 weeks
// and stretch with --weeks; everything here is the same with --null except that `planted` is false.
import { Rng, streamId } from "./rng.js";
import {
  COMMUNITY,
  dayIn,
  HOSPITAL,
  isoDate,
  present,
  PRIMARY_CARE,
  SOCIAL_CARE,
  teamNamed,
  VOLUNTARY,
  type Calendar,
  type Workforce,
} from "./system.js";

interface Gathering {
  name: string;
  week: number;
  day: number;
  attendees: number[];
}

interface Wave {
  label: string;
  day: number;
}

export interface Plan {
  planted: boolean;
  calendar: Calendar;
  /** Hospital ↔ social care contact is thinned from this week (0-based) down to `decayFloor` in the last week. */
  decayStart: number;
  decayFloor: number;
  /** From this week, Riverside → hospital rows survive with probability `collapseKeep` (one side stops answering). */
  collapseStart: number;
  collapseKeep: number;
  /** Riverside-initiated share of Riverside ↔ Eastfield contact in the one-way relationship. */
  oneWayBias: number;
  /** The Harbour person who alone links Harbour Voluntary Services with Eastfield PCN, and the day they leave. */
  spanner: number;
  spannerLeaves: number;
  forum: Gathering;
  briefing: Gathering;
  /** New ties each forum attendee forms with attendees of other organisations. */
  forumTiesPerAttendee: number;
  psDropTeam: number;
  /** Fall of the team's mean psychological safety (1–7 scale) in wave 2. */
  psDrop: number;
  /** Rated 1–5 by Northgate Hospital staff: County Social Care (planted) vs what it would be without the plant. */
  rcHospitalRatesSocialCare: number;
  rcHospitalRatesSocialCareNull: number;
  /** Weeks by which delayed discharges follow hospital ↔ social care contact. */
  deliveryLag: number;
  waves: [Wave, Wave];
}

const STREAM_EVENTS = streamId("events");

/** Week index (0-based) for week `n` (1-based) of the default 26, stretched to the window. */
export function weekFor(n: number, weeks: number): number {
  return Math.min(weeks - 1, Math.max(0, Math.round((n * weeks) / 26) - 1));
}

/**
 * `strength` scales every planted change for calibration (1, the default, is the demo as documented; 0.5 halves
 * each fall, collapse, drop and asymmetry).
 */
export function makePlan(seed: number, workforce: Workforce, calendar: Calendar, planted: boolean, strength = 1): Plan {
  const scaled = (full: number, none: number) => (strength === 1 ? full : none + (full - none) * strength);
  const W = calendar.weeks;
  const connectors = teamNamed(workforce, "Community Connectors");
  const steady = (p: number) => {
    const person = workforce.people[p];
    return person.left === null && person.joined < calendar.startDay;
  };
  const spanner = connectors.members.find(
    (p) => steady(p) && workforce.people[p].profession === "volunteer coordinator",
  );
  if (spanner === undefined) throw new Error("the Community Connectors team has no steady volunteer coordinator");

  const rng = new Rng(seed, STREAM_EVENTS);
  const scale = workforce.people.length / 450;
  const gathering = (name: string, week: number, perOrg: number): Gathering => {
    const day = dayIn(calendar, week, 2);
    const attendees: number[] = [];
    for (const org of [HOSPITAL, COMMUNITY, PRIMARY_CARE, SOCIAL_CARE, VOLUNTARY]) {
      const pool = workforce.people
        .filter((p) => p.org === org && p.index !== spanner && present(p, day))
        .map((p) => p.index);
      attendees.push(...rng.sample(pool, perOrg));
    }
    return { name, week, day, attendees: attendees.sort((a, b) => a - b) };
  };
  const forum = gathering("Cross-system discharge forum", weekFor(8, W), Math.max(5, Math.round(6 * scale)));
  const briefing = gathering("Winter plan briefing", weekFor(12, W), Math.max(6, Math.round(8 * scale)));

  const waveDay = (week: number) => dayIn(calendar, week, 0);
  const wave1 = waveDay(weekFor(3, W));
  const wave2 = waveDay(weekFor(24, W));
  return {
    planted,
    calendar,
    decayStart: weekFor(14, W),
    decayFloor: scaled(0.3, 1),
    collapseStart: weekFor(17, W),
    collapseKeep: scaled(0.1, 1),
    oneWayBias: 0.97,
    spanner,
    spannerLeaves: dayIn(calendar, weekFor(18, W), 4),
    forum,
    briefing,
    forumTiesPerAttendee: 2,
    psDropTeam: teamNamed(workforce, "Emergency Department").index,
    psDrop: scaled(1, 0),
    rcHospitalRatesSocialCare: scaled(2.7, 3.9),
    rcHospitalRatesSocialCareNull: 3.9,
    deliveryLag: 4,
    waves: [
      { label: isoDate(wave1).slice(0, 7), day: wave1 },
      { label: isoDate(wave2).slice(0, 7), day: wave2 },
    ],
  };
}

/**
 * Share of baseline hospital ↔ social care contact kept in week `week` (1 before the decay): a geometric fall that
 * reaches `decayFloor` in the last week, so most of the loss comes early, as when a link starts to fail.
 */
export function decayFactor(plan: Plan, week: number): number {
  if (!plan.planted || week < plan.decayStart) return 1;
  const span = plan.calendar.weeks - plan.decayStart;
  return plan.decayFloor ** ((week - plan.decayStart + 1) / span);
}
