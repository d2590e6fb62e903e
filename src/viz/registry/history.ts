/** `history`: loss and accuracy over the epochs (train and test). */
import { defineView } from "../view.ts";

export const history = defineView({
  name: "history",
  options: [],
  needs: { trained: true, history: true },
  page: { tab: "history", order: 4 },
  applies: ({ run }) => ((run?.history?.epoch.length ?? 0) >= 1 ? null : `"history" needs a run's history`),
});
