/** `trajectory`: every parameter over the epochs, from the run's snapshots. */
import { defineView } from "../view.ts";

export const trajectory = defineView({
  name: "trajectory",
  options: [],
  needs: { trained: true, snapshots: true },
  applies: ({ run }) => ((run?.snapshots?.length ?? 0) >= 2 ? null : `"trajectory" needs a run with at least 2 parameter snapshots (record.paramsAt or record.every)`),
});
