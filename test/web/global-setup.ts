/** Builds the playground page once before the tests that serve it (the build is reused while current). */
import { buildPage } from "../../src/cli/serve/build.ts";

export default async function setup(): Promise<void> {
  await buildPage();
}
