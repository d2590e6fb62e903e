/**
 * Before the run: builds the playground page once for the tests that serve it (the build is
 * reused while current), and starts the one Chromium every browser test connects to.
 */
import type { TestProject } from "vitest/node";
import { buildPage } from "../../src/cli/serve/build.ts";
import { launchChromiumServer } from "../chromium.ts";

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const [server] = await Promise.all([launchChromiumServer(), buildPage()]);
  project.provide("chromiumEndpoint", server?.wsEndpoint() ?? "");
  return async () => {
    await server?.close();
  };
}
