// The shape of the demo integrated care system: organisations, teams, professions, people, and the calendar.
// Team sizes below are for the default 450 people; other sizes replicate teams ("Surgery 2") so teams stay
// team-sized instead of growing to hundreds.
import { Rng, streamId } from "./rng.js";

export const DAY_MS = 86_400_000;

interface TeamSpec {
  name: string;
  /** Members at the default size (450 people). */
  size: number;
  /** Profession → share of the team. */
  professions: Record<string, number>;
  /** Relative chance that a cross-organisation tie starts in this team (interface teams face outwards). */
  outward?: number;
  /** Kept at `size` and never replicated, whatever the system size (the deliberately small team). */
  fixed?: boolean;
}

export interface OrganisationSpec {
  name: string;
  /** Used in relational coordination column names: RC_<dimension>_<short>. */
  short: string;
  responseRate: number;
  teams: TeamSpec[];
}

export const DEFAULT_PEOPLE = 450;

export const ORGANISATIONS: OrganisationSpec[] = [
  {
    name: "Northgate Hospital",
    short: "Hospital",
    responseRate: 0.68,
    teams: [
      {
        name: "Emergency Department",
        size: 26,
        professions: { nurse: 0.45, doctor: 0.3, "healthcare assistant": 0.15, admin: 0.1 },
      },
      {
        name: "Acute Medical Unit",
        size: 24,
        professions: { nurse: 0.5, doctor: 0.25, "healthcare assistant": 0.15, admin: 0.1 },
      },
      {
        name: "Surgery",
        size: 22,
        professions: { nurse: 0.4, doctor: 0.35, "healthcare assistant": 0.15, admin: 0.1 },
      },
      {
        name: "Elderly Care",
        size: 20,
        professions: { nurse: 0.45, doctor: 0.2, therapist: 0.15, "healthcare assistant": 0.2 },
      },
      {
        name: "Discharge Hub",
        size: 16,
        outward: 5,
        professions: { nurse: 0.4, therapist: 0.2, "care coordinator": 0.25, admin: 0.15 },
      },
      { name: "Therapies", size: 18, outward: 1.5, professions: { therapist: 0.8, admin: 0.1, manager: 0.1 } },
      { name: "Pharmacy", size: 12, professions: { pharmacist: 0.7, "healthcare assistant": 0.2, admin: 0.1 } },
      { name: "Outpatients", size: 20, professions: { nurse: 0.4, doctor: 0.25, admin: 0.3, manager: 0.05 } },
      { name: "Chaplaincy", size: 4, fixed: true, professions: { chaplain: 1 } },
    ],
  },
  {
    name: "Riverside Community Health",
    short: "Community",
    responseRate: 0.74,
    teams: [
      {
        name: "District Nursing North",
        size: 20,
        outward: 1.5,
        professions: { nurse: 0.75, "healthcare assistant": 0.2, manager: 0.05 },
      },
      {
        name: "District Nursing South",
        size: 18,
        outward: 1.5,
        professions: { nurse: 0.75, "healthcare assistant": 0.2, manager: 0.05 },
      },
      { name: "Community Therapy", size: 16, professions: { therapist: 0.85, admin: 0.15 } },
      {
        name: "Rapid Response",
        size: 14,
        outward: 3,
        professions: { nurse: 0.5, therapist: 0.3, "care coordinator": 0.2 },
      },
      {
        name: "Community Mental Health",
        size: 14,
        professions: { "mental health practitioner": 0.7, doctor: 0.15, admin: 0.15 },
      },
      { name: "Scheduling", size: 8, professions: { admin: 0.75, manager: 0.25 } },
    ],
  },
  {
    name: "Eastfield Primary Care Network",
    short: "PrimaryCare",
    responseRate: 0.62,
    teams: [
      { name: "Eastfield Surgery", size: 24, professions: { doctor: 0.35, nurse: 0.3, admin: 0.35 } },
      { name: "Parkside Practice", size: 22, professions: { doctor: 0.35, nurse: 0.3, admin: 0.35 } },
      { name: "Clinical Pharmacy", size: 9, professions: { pharmacist: 0.8, admin: 0.2 } },
      { name: "Social Prescribing", size: 10, outward: 3, professions: { "social prescriber": 0.8, admin: 0.2 } },
      { name: "Care Coordination", size: 10, outward: 3, professions: { "care coordinator": 0.8, admin: 0.2 } },
      { name: "PCN Management", size: 6, professions: { manager: 0.7, admin: 0.3 } },
    ],
  },
  {
    name: "County Social Care",
    short: "SocialCare",
    responseRate: 0.7,
    teams: [
      { name: "Hospital Social Work", size: 14, outward: 5, professions: { "social worker": 0.8, admin: 0.2 } },
      {
        name: "Adult Social Care North",
        size: 20,
        professions: { "social worker": 0.6, "support worker": 0.3, manager: 0.1 },
      },
      {
        name: "Adult Social Care South",
        size: 18,
        professions: { "social worker": 0.6, "support worker": 0.3, manager: 0.1 },
      },
      {
        name: "Reablement",
        size: 15,
        outward: 2,
        professions: { "support worker": 0.6, therapist: 0.3, "care coordinator": 0.1 },
      },
      { name: "Brokerage", size: 10, professions: { "care coordinator": 0.6, admin: 0.4 } },
    ],
  },
  {
    name: "Harbour Voluntary Services",
    short: "Voluntary",
    responseRate: 0.78,
    teams: [
      { name: "Volunteer Services", size: 14, professions: { "volunteer coordinator": 0.5, "support worker": 0.5 } },
      {
        name: "Community Connectors",
        size: 10,
        outward: 2,
        professions: { "volunteer coordinator": 0.4, "support worker": 0.4, "care coordinator": 0.2 },
      },
      { name: "Carers Support", size: 10, outward: 1.5, professions: { "support worker": 0.8, manager: 0.2 } },
      { name: "Harbour Office", size: 6, professions: { admin: 0.7, manager: 0.3 } },
    ],
  },
];

export const HOSPITAL = 0;
export const COMMUNITY = 1;
export const PRIMARY_CARE = 2;
export const SOCIAL_CARE = 3;
export const VOLUNTARY = 4;

export interface Team {
  index: number;
  name: string;
  org: number;
  spec: TeamSpec;
  /** 0 for the first instance of a template, 1 for "<name> 2", ... */
  copy: number;
  members: number[];
}

export interface Person {
  index: number;
  id: string;
  org: number;
  team: number;
  profession: string;
  role: "leader" | "staff";
  /** Day numbers (days since 1970-01-01, UTC). */
  joined: number;
  left: number | null;
}

/** The observation window: `weeks` whole ISO weeks from Monday `startDay`. */
export interface Calendar {
  startDay: number;
  weeks: number;
}

export const DEFAULT_START = "2026-05-04";

export function dayOf(iso: string): number {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
}

export function isoDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Day number of weekday `weekday` (0 = Monday) in week `week` (0-based) of the window. */
export function dayIn(calendar: Calendar, week: number, weekday: number): number {
  return calendar.startDay + week * 7 + weekday;
}

export interface Workforce {
  people: Person[];
  teams: Team[];
  /** Organisation index per person, for hot loops. */
  orgOf: Int8Array;
}

/** Professions apportioned by largest remainder, so even a team of 4 gets the mix its spec asks for. */
function apportion(mix: Record<string, number>, size: number): string[] {
  const entries = Object.entries(mix);
  const total = entries.reduce((s, [, w]) => s + w, 0);
  const quotas = entries.map(([name, w]) => ({ name, exact: (w / total) * size }));
  const counts = quotas.map((q) => Math.floor(q.exact));
  let missing = size - counts.reduce((a, b) => a + b, 0);
  const byRemainder = quotas
    .map((q, i) => ({ i, rest: q.exact - counts[i] }))
    .sort((x, y) => y.rest - x.rest || x.i - y.i);
  for (const { i } of byRemainder) {
    if (missing-- <= 0) break;
    counts[i]++;
  }
  return entries.flatMap(([name], i) => Array<string>(counts[i]).fill(name));
}

function teamSizes(people: number): { org: number; spec: TeamSpec; copy: number; size: number }[] {
  const scale = people / DEFAULT_PEOPLE;
  const out: { org: number; spec: TeamSpec; copy: number; size: number }[] = [];
  ORGANISATIONS.forEach((org, o) => {
    for (const spec of org.teams) {
      const copies = spec.fixed ? 1 : Math.max(1, Math.round(scale));
      for (let copy = 0; copy < copies; copy++) {
        out.push({
          org: o,
          spec,
          copy,
          size: spec.fixed ? spec.size : Math.max(3, Math.round((spec.size * scale) / copies)),
        });
      }
    }
  });
  // Rounding leaves the total a few people off: the largest team absorbs the difference.
  const diff = people - out.reduce((s, t) => s + t.size, 0);
  const largest = out.reduce((best, t, i) => (t.size > out[best].size ? i : best), 0);
  out[largest].size += diff;
  return out;
}

const STREAM_HR = streamId("hr");
const STREAM_IDS = streamId("ids");

/**
 * People with their organisation, team, profession, role and employment dates. About 3% join during the window
 * and about 3.5% leave during it (both modes alike: ordinary turnover is not a planted pattern).
 */
export function buildWorkforce(seed: number, peopleCount: number, calendar: Calendar): Workforce {
  const slots: { org: number; team: number; profession: string; role: "leader" | "staff" }[] = [];
  const teams: Team[] = [];
  for (const t of teamSizes(peopleCount)) {
    const team: Team = {
      index: teams.length,
      name: t.copy === 0 ? t.spec.name : `${t.spec.name} ${t.copy + 1}`,
      org: t.org,
      spec: t.spec,
      copy: t.copy,
      members: [],
    };
    teams.push(team);
    apportion(t.spec.professions, t.size).forEach((profession, i) => {
      // The first member leads the team; managers lead too.
      slots.push({
        org: t.org,
        team: team.index,
        profession,
        role: i === 0 || profession === "manager" ? "leader" : "staff",
      });
    });
  }
  // Ids are handed out in a shuffled order, as an HR system would: an id says nothing about where a person works.
  new Rng(seed, STREAM_IDS).shuffle(slots);
  const width = Math.max(4, String(slots.length).length);
  const rng = new Rng(seed, STREAM_HR);
  const lastDay = dayIn(calendar, calendar.weeks - 1, 4);
  const people: Person[] = slots.map((slot, index) => {
    rng.reseed(seed, STREAM_HR, index, 0);
    const u = rng.float();
    const joinerWeek = 1 + rng.int(Math.max(1, calendar.weeks - 6));
    const history = dayOf("2008-01-05") + rng.int(dayOf("2026-04-24") - dayOf("2008-01-05"));
    const leaverWeek = 2 + rng.int(Math.max(1, calendar.weeks - 3));
    const weekday = rng.int(5);
    const joined = u < 0.03 ? dayIn(calendar, joinerWeek, 0) : history;
    const left = u >= 0.03 && u < 0.065 ? Math.min(lastDay, dayIn(calendar, leaverWeek, weekday)) : null;
    return { index, id: `P${String(index + 1).padStart(width, "0")}`, ...slot, joined, left };
  });
  for (const p of people) teams[p.team].members.push(p.index);
  const orgOf = Int8Array.from(people, (p) => p.org);
  return { people, teams, orgOf };
}

export function present(person: Person, day: number): boolean {
  return person.joined <= day && (person.left === null || day <= person.left);
}

export function teamNamed(workforce: Workforce, name: string): Team {
  const team = workforce.teams.find((t) => t.name === name);
  if (!team) throw new Error(`no team named ${name}`);
  return team;
}
