// Names cut in the middle keep both ends, so two labels that start alike stay apart.
import { describe, expect, it } from "vitest";
import { shortenMiddle, shortenName } from "../../src/text/shorten.js";

describe("shortenName", () => {
  it("leaves a name that fits alone", () => {
    expect(shortenName("Discharge Hub", 13)).toBe("Discharge Hub");
  });

  it("keeps whole words from both ends, the start first, while they fit", () => {
    expect(shortenName("Eastfield Primary Care Network", 25)).toBe("Eastfield Primary…Network");
    expect(shortenName("Eastfield Primary Care Network", 18)).toBe("Eastfield…Network");
    expect(shortenName("Harbour Voluntary Services", 16)).toBe("Harbour…Services");
  });

  it("falls back to characters from both ends when two words do not fit", () => {
    expect(shortenName("Harbour Voluntary Services", 11)).toBe("Harbou…ices");
    expect(shortenName("Harbour Voluntary Services", 11).length).toBeLessThanOrEqual(11);
    expect(shortenName("Supercalifragilistic", 9)).toBe("Super…tic");
    expect(shortenName("Anything", 1)).toBe("…");
  });
});

describe("shortenMiddle", () => {
  it("cuts each side of a pair on its own, so both groups keep their ends", () => {
    const a = shortenMiddle("Harbour Voluntary Services ↔ Riverside Community Health", 35);
    const b = shortenMiddle("Harbour Voluntary Services ↔ County Social Care", 35);
    expect(a).toBe("Harbour…Services ↔ Riverside…Health");
    expect(b).toBe("Harbour…Services ↔ County…Care");
    expect(shortenMiddle("Eastfield Primary Care Network ↔ Harbour Voluntary Services", 35)).toBe(
      "Eastfiel…Network ↔ Harbour…Services",
    );
    expect(a).not.toBe(b);
  });

  it("gives a short side its full length and the long side the rest", () => {
    expect(shortenMiddle("Surgery ↔ Eastfield Primary Care Network", 30)).toBe("Surgery ↔ Eastfield…Network");
  });

  it("keeps a short lead-in whole before the names", () => {
    const label = shortenMiddle("Interactions: Eastfield Primary Care Network ↔ Harbour Voluntary Services", 50);
    expect(label).toBe("Interactions: Eastfield…Network ↔ Harbour…Services");
    expect(label.length).toBeLessThanOrEqual(50);
  });

  it("never exceeds the width, and leaves labels that fit unchanged", () => {
    const labels = [
      "Northgate Hospital rates its coordination with County Social Care weak (RC 2.72)",
      "Reciprocity: Northgate Hospital ↔ Riverside Community Health",
      "a ↔ b ↔ c",
    ];
    for (const label of labels)
      for (let width = 4; width < 90; width++) expect(shortenMiddle(label, width).length).toBeLessThanOrEqual(width);
    expect(shortenMiddle("a ↔ b ↔ c", 9)).toBe("a ↔ b ↔ c");
  });
});
