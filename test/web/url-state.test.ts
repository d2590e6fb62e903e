import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { validateExperiment } from "../../src/experiment/validate.ts";
import { prepareExperiment } from "../../src/experiment/prepare.ts";
import { createTrainer } from "../../src/nn/trainer.ts";
import { evaluate } from "../../src/nn/evaluate.ts";
import { ACTIVATIONS, CLASS_DATASETS, defaultSetup, FEATURES, HIDABLE, INITS, OPTIMIZERS, PAGE_LOSSES, REG_DATASETS, SPEEDS, toExperiment, trainCount, type Setup } from "../../src/web/setup.ts";
import { noticeText, parseHash, seedOf, toHash } from "../../src/web/url-state.ts";

// A link as TensorFlow Playground writes it (its own serialisation order and spelling).
const PLAYGROUND_LINK =
  "#activation=relu&batchSize=20&dataset=spiral&regDataset=reg-plane&learningRate=0.01&regularizationRate=0.001&noise=10&networkShape=6,3&seed=0.47231&showTestData=true&discretize=false&percTrainData=70&x=true&y=true&xTimesY=true&xSquared=false&ySquared=false&cosX=false&sinX=true&cosY=false&sinY=false&collectStats=false&problem=classification&initZero=false&hideText=false&regularization=L2&learningRate_hide=true&problem_hide=true";

describe("the set-up in the URL", () => {
  it("an empty hash is TensorFlow Playground's default set-up, without notices", () => {
    const { setup, notices } = parseHash("");
    expect(notices).toEqual([]);
    expect(setup).toEqual(defaultSetup());
    expect(setup).toMatchObject({ dataset: "circle", activation: "tanh", learningRate: 0.03, batchSize: 10, percTrainData: 50, networkShape: [4, 2], features: ["x", "y"] });
  });

  it("reads a TensorFlow Playground link field by field", () => {
    const { setup, notices } = parseHash(PLAYGROUND_LINK);
    expect(notices).toEqual([]);
    expect(setup).toMatchObject({
      activation: "relu",
      batchSize: 20,
      dataset: "spiral",
      learningRate: 0.01,
      regularization: "L2",
      regularizationRate: 0.001,
      noise: 10,
      networkShape: [6, 3],
      showTestData: true,
      discretize: false,
      percTrainData: 70,
      problem: "classification",
      features: ["x", "y", "xTimesY", "sinX"],
      hide: ["learningRate", "problem"],
    });
    // The Playground's seed strings become a fixed whole-number seed: the same link, the same run.
    expect(setup.seed).toBe(seedOf("0.47231"));
    expect(parseHash(PLAYGROUND_LINK).setup.seed).toBe(setup.seed);
  });

  it("writes every field so that reading it back gives the same set-up", () => {
    const setupArb = fc.record({
      problem: fc.constantFrom("classification", "regression"),
      dataset: fc.constantFrom(...CLASS_DATASETS),
      regDataset: fc.constantFrom(...REG_DATASETS),
      noise: fc.integer({ min: 0, max: 50 }),
      percTrainData: fc.integer({ min: 1, max: 9 }).map((k) => k * 10),
      batchSize: fc.integer({ min: 1, max: 30 }),
      features: fc.subarray([...FEATURES], { minLength: 1 }),
      networkShape: fc.array(fc.integer({ min: 1, max: 32 }), { maxLength: 10 }),
      activation: fc.constantFrom(...ACTIVATIONS),
      learningRate: fc.constantFrom(0.00001, 0.003, 0.03, 1, 3),
      regularization: fc.constantFrom("none", "L1", "L2"),
      regularizationRate: fc.constantFrom(0, 0.001, 0.3, 10),
      seed: fc.integer({ min: 0, max: 0xffffffff }),
      showTestData: fc.boolean(),
      discretize: fc.boolean(),
      hide: fc.subarray([...HIDABLE]),
      optimizer: fc.constantFrom(...OPTIMIZERS),
      momentum: fc.constantFrom(0.5, 0.9, 0.99),
      loss: fc.constantFrom(...PAGE_LOSSES),
      init: fc.constantFrom(...INITS),
      speed: fc.constantFrom(...SPEEDS),
      example: fc.constantFrom(null, "moons-deep", "one-feature", "file"),
      lang: fc.constantFrom(null, "en", "zh"),
    }) as fc.Arbitrary<Setup>;
    fc.assert(
      fc.property(setupArb, (setup) => {
        const back = parseHash(toHash(setup));
        expect(back.notices).toEqual([]);
        expect(back.setup).toEqual(setup);
      }),
    );
  });

  it("garbage falls back to the defaults for those fields, each with a notice", () => {
    const { setup, notices } = parseHash("#learningRate=abc&batchSize=0&networkShape=4,99&activation=rleu&dataset=moons&bogus=1&%zz=3&noise=-5&percTrainData=200&x=false&y=false&seed=");
    const d = defaultSetup();
    expect(setup).toEqual(d);
    expect(notices).toHaveLength(10);
    expect(notices.join("\n")).toMatch(/learningRate: "abc" is not a learning rate/);
    expect(notices.join("\n")).toMatch(/activation: "rleu" is not one of relu, tanh, sigmoid, linear; using tanh/);
    expect(notices.join("\n")).toMatch(/bogus: not a playground field/);
    expect(notices.join("\n")).toMatch(/malformed/);
    expect(notices.join("\n")).toMatch(/no input feature/);
  });

  it("keeps the language: lang=zh or en; another value is a notice, in the link's language if it names one", () => {
    expect(parseHash("#lang=zh").setup.lang).toBe("zh");
    expect(parseHash("#lang=en").setup.lang).toBe("en");
    expect(toHash({ ...defaultSetup(), lang: "zh" })).toMatch(/&lang=zh(&|$)/);
    expect(toHash(defaultSetup())).not.toMatch(/lang=/);
    const bad = parseHash("#lang=fr");
    expect(bad.setup.lang).toBeNull();
    expect(bad.notices).toEqual(['lang: "fr" is not one of en, zh; using the browser\'s language']);
    const zh = parseHash("#lang=zh&batchSize=0");
    expect(zh.notices).toEqual(['batchSize："0" 不是 1 到 30 之间的整数；改用 10']);
    expect(noticeText("en", zh.messages[0])).toBe('batchSize: "0" is not a whole number from 1 to 30; using 10');
  });

  it("never throws, whatever the hash", () => {
    fc.assert(fc.property(fc.string(), (s) => void parseHash(s)));
    fc.assert(fc.property(fc.array(fc.tuple(fc.constantFrom("learningRate", "networkShape", "batchSize", "x", "seed", "noise", "zz_hide"), fc.string())), (pairs) => void parseHash(pairs.map(([k, v]) => `${k}=${v}`).join("&"))));
  });
});

describe("the set-up as an experiment file", () => {
  it("validates for every dataset, problem, activation and regulariser", () => {
    for (const problem of ["classification", "regression"] as const) {
      for (const dataset of problem === "classification" ? CLASS_DATASETS : REG_DATASETS) {
        for (const regularization of ["none", "L1", "L2"] as const) {
          const setup: Setup = { ...defaultSetup(), problem, regularization, regularizationRate: 0.01, features: [...FEATURES], ...(problem === "classification" ? { dataset: dataset as Setup["dataset"] } : { regDataset: dataset as Setup["regDataset"] }) };
          const e = validateExperiment(toExperiment(setup, 10));
          expect(e.data).toMatchObject({ dataset, samples: problem === "classification" ? 500 : 1200 });
          expect(e.model.layers.at(-1)).toEqual({ units: 1, activation: problem === "classification" ? "sigmoid" : "linear" });
        }
      }
    }
  });

  it("the default set-up, trained as the page trains it, brings the test loss under 0.1 within 300 epochs", () => {
    const p = prepareExperiment(validateExperiment(toExperiment(defaultSetup(), 1)));
    const trainer = createTrainer(p.model, p.data, { ...p.config, epochs: Infinity });
    let epoch = 0;
    let loss = Infinity;
    while (epoch < 300 && !(loss < 0.1)) {
      trainer.step(1);
      epoch++;
      loss = evaluate(p.model, p.data.testX!.data, p.data.testY!, p.data.testX!.rows).loss;
    }
    trainer.dispose();
    expect(loss).toBeLessThan(0.1);
    expect(epoch).toBeLessThan(300);
  });

  it("validates with every optimiser, loss and initialisation the page offers", () => {
    for (const problem of ["classification", "regression"] as const)
      for (const optimizer of OPTIMIZERS)
        for (const loss of PAGE_LOSSES)
          for (const init of INITS) {
            const e = validateExperiment(toExperiment({ ...defaultSetup(), problem, optimizer, loss, init, regularization: "L2", regularizationRate: 0.01 }, 3));
            expect(e.train.optimizer).toBe(optimizer === "momentum" || optimizer === "nesterov" ? "sgd" : optimizer);
            // Momentum is SGD's setting: the other optimisers have none.
            const sgd = e.train.optimizer === "sgd";
            expect(e.train.nesterov).toBe(sgd ? optimizer === "nesterov" : undefined);
            expect(e.train.momentum).toBe(optimizer === "momentum" || optimizer === "nesterov" ? 0.9 : sgd ? 0 : undefined);
            expect(e.loss).toBe(problem === "regression" && loss === "binary-crossentropy" ? "mse" : loss);
            expect(e.train.batchSize).toBe(optimizer === "gd" || optimizer === "lbfgs" ? null : 10);
          }
  });

  it("turns the Playground's per-update rate into scikit-learn's alpha: rate × batch size", () => {
    const setup: Setup = { ...defaultSetup(), regularization: "L2", regularizationRate: 0.003, batchSize: 10 };
    const train = toExperiment(setup, 5).train as { l1?: number; l2?: number };
    expect(train.l2).toBeCloseTo(0.03, 15);
    expect(train.l1).toBeUndefined();
    // A batch larger than the training set is the whole training set.
    const big = toExperiment({ ...setup, regularization: "L1", batchSize: 30, percTrainData: 10 }, 5).train as { l1: number };
    expect(trainCount({ ...setup, percTrainData: 10 })).toBe(50);
    expect(big.l1).toBeCloseTo(0.003 * 30, 15);
  });
});
