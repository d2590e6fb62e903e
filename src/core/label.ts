/** A target value: a class label (number or string) or, for regression, a number. */
export type Label = number | string;
