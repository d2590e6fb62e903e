/** The walkthroughs' titles (each experiment file's "name", by its file name) in Simplified Chinese, for the page's menu. */
export const EXAMPLE_TITLES_ZH: Readonly<Record<string, string>> = {
  "circles-three-neurons": "一类在另一类之内：三个隐藏神经元，一个三维的隐藏空间",
  "gauss-two-neurons": "三个高斯分布的点群，两个隐藏神经元让它们可分",
  "moons-deep": "双月数据，四个 relu 层，普通梯度下降",
  "one-feature": "一个特征，两个隐藏神经元",
  "spiral-layers": "螺旋（TensorFlow Playground）：三个窄的 relu 层对比一个宽层",
  "three-classes": "三个类别，六个神经元，softmax 输出",
  "twelve-steps": "一次迭代的十二个步骤，手算",
  "visual-circles": "一个非线性问题：一个 relu 神经元隐藏层（scikit-learn 的 MLPClassifier）",
  "visual-linear": "一个线性可分的问题：逻辑回归画出那条直线",
};
