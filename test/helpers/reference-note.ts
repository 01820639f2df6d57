// vitest globalSetup: say once, at the top of the run, when the optional reference data (../shared/data beside the
// clone) is absent. The tests that need it skip (test/helpers/shared-data.ts), but a skip count at the end does not
// say why; this line does, and says how to run them.
import { existsSync } from "node:fs";
import { join } from "node:path";

export default function note(): void {
  const shared = join(import.meta.dirname, "../../../shared/data");
  if (existsSync(shared)) return;
  console.log(
    `\nNOTE: ${shared} is absent, so the reference tests that read it are skipped (R psych on bfi, qicharts2's CDI ` +
      "data, published networks, a real Viva Insights export). Put the data at ../shared beside the clone to run them.\n",
  );
}
