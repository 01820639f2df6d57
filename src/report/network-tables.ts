// The network section as display tables: the overview, cross-boundary connection and links per boundary,
// boundary spanners, depth and durability of ties, and forums.
import type { NetworkSection } from "../result/network.js";
import { ci, int, num, pct, table, type DisplayTable } from "./display-table.js";

export function networkTables(network: NetworkSection): DisplayTable[] {
  return [
    table({
      id: "network-overview",
      practice: 3,
      title: "Network",
      caption: `${network.directed ? "Directed" : "Undirected"} ties between people; betweenness ${network.betweennessMethod}${network.betweennessSampleSize ? ` (${network.betweennessSampleSize} sources sampled)` : ""}.`,
      headings: ["people", "ties", "interactions", "density", "reciprocity", "isolates", "components"],
      numeric: [true, true, true, true, true, true, true],
      rows: [
        [
          int(network.peopleCount),
          int(network.tieCount),
          int(network.interactionCount),
          num(network.density, 4),
          num(network.reciprocity),
          int(network.isolates),
          int(network.components),
        ],
      ],
      terminal: true,
    }),
    ...network.boundaries.flatMap((b) => boundaryTables(network, b)),
    ...brokerTables(network),
    ...depthTables(network),
    ...forumTables(network),
  ];
}

/** Cross-boundary connection (E-I) per group, and the busiest links between groups. */
function boundaryTables(network: NetworkSection, b: NetworkSection["boundaries"][number]): DisplayTable[] {
  const tables: DisplayTable[] = [];
  tables.push(
    table({
      id: `network-ei-${b.attribute}`,
      practice: 3,
      title: `Cross-boundary connection by ${b.attribute}`,
      caption: `E-I index = (external − internal)/(external + internal) ties: −1 all internal, +1 all external. Network E-I ${num(b.eiIndex)} vs ${num(b.expectedEiIndex)} expected under random mixing.`,
      headings: ["group", "n", "external", "internal", "E-I", "expected", "spanners", "isolated"],
      rows: b.groups.map((g) => [
        g.value,
        int(g.n),
        int(g.external),
        int(g.internal),
        num(g.eiIndex),
        num(g.expectedEiIndex),
        int(g.spanningMembers),
        int(g.isolatedMembers),
      ]),
      numeric: [false, true, true, true, true, true, true, true],
      terminal: b === network.boundaries[0],
    }),
  );
  const links = b.links.slice(0, 15);
  if (links.length > 0) {
    tables.push(
      table({
        id: `network-links-${b.attribute}`,
        practice: 3,
        title: `Links between ${b.attribute} groups`,
        caption:
          "Ties and interactions between each pair of groups; reciprocity = pairs in contact both ways / pairs in contact; carriers = people at either end.",
        headings: ["link", "ties", "interactions", "each way", "reciprocity", "carriers", "top carrier share"],
        numeric: [false, true, true, true, true, true, true],
        rows: links.map((l) => [
          `${l.groups[0]} ↔ ${l.groups[1]}`,
          int(l.ties),
          int(l.interactions),
          l.arcs ? `${l.arcs[0]} / ${l.arcs[1]}` : "—",
          num(l.pairReciprocity),
          int(l.carrierCount),
          l.carriers[0] ? pct(l.carriers[0].share) : "—",
        ]),
        terminal: false,
      }),
    );
  }
  return tables;
}

function brokerTables(network: NetworkSection): DisplayTable[] {
  const tables: DisplayTable[] = [];
  const brokers = [...network.people]
    .sort((a, b) => b.betweenness - a.betweenness || a.id.localeCompare(b.id))
    .slice(0, 10);
  if (brokers.length > 0 && network.brokerageAttribute) {
    tables.push(
      table({
        id: "network-brokers",
        practice: 3,
        title: "Boundary spanners (person-level)",
        caption: `Highest betweenness; Gould–Fernandez brokerage roles on ${network.brokerageAttribute}; Burt's constraint (lower = more brokerage opportunity).`,
        headings: [
          "person",
          network.brokerageAttribute,
          "betweenness (norm.)",
          "liaison",
          "gatekeeper",
          "representative",
          "constraint",
          "leaver",
        ],
        numeric: [false, false, true, true, true, true, true, false],
        rows: brokers.map((p) => [
          p.id,
          p.groups[network.brokerageAttribute!] ?? "—",
          num(p.betweennessNormalised, 3),
          int(p.brokerage.liaison),
          int(p.brokerage.gatekeeper),
          int(p.brokerage.representative),
          num(p.constraint, 3),
          p.leaver ? "yes" : "",
        ]),
        terminal: false,
      }),
    );
  }
  return tables;
}

function depthTables(network: NetworkSection): DisplayTable[] {
  const tables: DisplayTable[] = [];
  if (network.depth) {
    for (const d of network.depth.boundaries) {
      tables.push(
        table({
          id: `network-depth-${d.attribute}`,
          practice: 4,
          title: `Depth and durability of ties by ${d.attribute}`,
          caption: `Durable = still in contact ${network.depth.durabilityPeriods} ${network.depth.period}s after first contact; relational = 1:1, huddle, meeting, social channels.`,
          headings: [
            "ties",
            "relationships",
            `median ${network.depth.period}s active`,
            "repeat",
            "relational",
            "durable",
            "95% CI",
          ],
          numeric: [false, true, true, true, true, true, true],
          rows: [["within groups", d.within] as const, ["across groups", d.cross] as const].map(([name, t]) => [
            name,
            int(t.relationships),
            num(t.medianPeriodsActive, 1),
            pct(t.repeatShare),
            pct(t.relationalShare),
            pct(t.durability.share),
            t.durability.ci ? `${pct(t.durability.ci[0])} to ${pct(t.durability.ci[1])}` : "—",
          ]),
          terminal: false,
        }),
      );
    }
  }
  return tables;
}

function forumTables(network: NetworkSection): DisplayTable[] {
  const tables: DisplayTable[] = [];
  if (network.forums && network.forums.length > 0) {
    tables.push(
      table({
        id: "network-forums",
        practice: 7,
        title: "Forums: new cross-boundary ties after each event",
        caption:
          "Share of cross-group attendee pairs with no prior contact who made contact in the window after, vs the same for non-attendees of the same groups.",
        headings: [
          "event",
          "date",
          "attendees",
          "attendees: new ties",
          "non-attendees: new ties",
          "rate ratio",
          "95% CI",
        ],
        numeric: [false, false, true, true, true, true, true],
        rows: network.forums.map((f) => [
          f.event,
          f.date,
          int(f.attendees),
          `${int(f.attendeesAfter.newTies)}/${int(f.attendeesAfter.atRisk)} (${pct(f.attendeesAfter.rate)})`,
          `${int(f.nonAttendeesAfter.newTies)}/${int(f.nonAttendeesAfter.atRisk)} (${pct(f.nonAttendeesAfter.rate)})`,
          num(f.rateRatio, 1),
          ci(f.rateRatioCi, 1),
        ]),
        terminal: false,
      }),
    );
  }
  return tables;
}
