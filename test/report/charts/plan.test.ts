// Which charts a result gets, their file names and the Markdown that links them.
import { describe, expect, it } from "vitest";
import { slug, uniqueStems, wrapText } from "../../../src/report/charts/labels.js";
import { planCharts } from "../../../src/report/charts/plan.js";
import { renderMarkdown } from "../../../src/report/markdown.js";
import { report } from "./fixtures.js";

describe("chart file names", () => {
  it("are lower-case ASCII with single hyphens, cut at a word boundary", () => {
    expect(slug("interactions:organisation:A & B <Care>|County Social Care")).toBe(
      "interactions-organisation-a-b-care-county-social-care",
    );
    expect(slug("Équipe Soins à Domicile")).toBe("equipe-soins-a-domicile");
    expect(slug("↔↔")).toBe("chart");
    const long = slug("x".repeat(50) + " " + "y".repeat(50));
    expect(long).toBe("x".repeat(50));
  });

  it("are unique in order of appearance, even when a suffix collides with a real name", () => {
    expect(uniqueStems(["a", "a", "a-2", "b", "a"])).toEqual(["a", "a-2", "a-2-2", "b", "a-3"]);
  });

  it("wraps subtitles at spaces", () => {
    expect(wrapText("one two three four", 9)).toEqual(["one two", "three", "four"]);
  });
});

describe("planCharts", () => {
  it("plans scale charts per boundary with a shown group, the RC heatmap, a map per boundary and an SPC chart per signalled series", () => {
    const plans = planCharts(report());
    expect(plans.map((p) => [p.kind, p.stem, p.practice])).toEqual([
      ["scale-groups", "scale-trust-by-organisation", 1],
      ["scale-groups", "scale-trust-by-team", 1],
      ["rc-heatmap", "rc-heatmap", 1],
      ["network-map", "network-organisation", 3],
      // The worked-example series has no signal, so no chart.
      ["spc", "spc-interactions-organisation-a-b-care-county-social-care", 5],
    ]);
  });

  it("leaves out a scale chart whose groups are all suppressed", () => {
    const r = report();
    r.survey!.scales[0].groups = r.survey!.scales[0].groups.filter((g) => g.attribute !== "team" || g.suppressed);
    expect(planCharts(r).map((p) => p.stem)).not.toContain("scale-trust-by-team");
  });

  it("plans nothing for a result without sections", () => {
    expect(planCharts({ ...report(), survey: null, network: null, signals: null, series: null })).toEqual([]);
  });
});

describe("Markdown links", () => {
  it("puts each chart in its practice's section with its title and escaped alt text", () => {
    const r = report();
    const charts = planCharts(r).map((p) => ({
      path: `charts/${p.stem}.svg`,
      title: p.title,
      alt: p.alt,
      practice: p.practice,
    }));
    const md = renderMarkdown(r, { charts });
    const section5 = md.slice(md.indexOf("## 5."));
    expect(section5).toContain("![XmR chart of interactions for A &amp; B &lt;Care&gt; ↔ County Social Care");
    expect(section5).toContain("](charts/spc-interactions-organisation-a-b-care-county-social-care.svg)");
    const section3 = md.slice(md.indexOf("## 3."), md.indexOf("## 5."));
    expect(section3).toContain("**Contact between organisation groups**");
    expect(section3).toContain("](charts/network-organisation.svg)");
    for (const c of charts) expect(md).toContain(`](${c.path})`);
  });
});
