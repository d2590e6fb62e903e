/**
 * One safeguarded step of the Moré–Thuente line search (MINPACK-2's dcstep): from the bracket
 * so far and a trial, the new bracket and the next trial.
 */

/**
 * γ of the cubic through two points with slopes a and b (θ from their values): s·√((θ/s)² − (a/s)(b/s))
 * with s = max(|θ|, |a|, |b|), scaled so that the squares cannot overflow; `clamp` takes the root of
 * max(0, …). The same operations, in the same order, as each of dcstep's cases wrote them.
 */
function cubicGamma(theta: number, a: number, b: number, clamp = false): number {
  const s = Math.max(Math.abs(theta), Math.abs(a), Math.abs(b));
  const r = (theta / s) ** 2 - (a / s) * (b / s);
  return s * Math.sqrt(clamp ? Math.max(0, r) : r);
}

/** dcstep's state: the best step (stx), the other bracket end (sty), the trial (stp). */
export interface StepState {
  stx: number;
  fx: number;
  gx: number;
  sty: number;
  fy: number;
  gy: number;
  stp: number;
  brackt: boolean;
}

/**
 * One safeguarded step of Moré–Thuente (dcstep): given the best point (stx, fx, gx), the other end
 * (sty, fy, gy) and the trial (stp, fp, gp), updates the interval and puts the next trial in
 * st.stp, kept within [stpmin, stpmax] when no minimiser is bracketed yet.
 */
export function dcstep(st: StepState, fp: number, dp: number, stpmin: number, stpmax: number): void {
  const { stx, fx, sty, fy, stp } = st;
  const dx = st.gx;
  const dy = st.gy;
  const sgnd = dp * (dx / Math.abs(dx));
  let stpf: number;

  if (fp > fx) {
    // Case 1: higher function value — a minimiser is bracketed. Take the cubic step if it is
    // closer to stx than the quadratic step, else their average.
    const theta = (3 * (fx - fp)) / (stp - stx) + dx + dp;
    let gamma = cubicGamma(theta, dx, dp);
    if (stp < stx) gamma = -gamma;
    const p = gamma - dx + theta;
    const q = gamma - dx + gamma + dp;
    const stpc = stx + (p / q) * (stp - stx);
    const stpq = stx + (dx / ((fx - fp) / (stp - stx) + dx) / 2) * (stp - stx);
    stpf = Math.abs(stpc - stx) < Math.abs(stpq - stx) ? stpc : stpc + (stpq - stpc) / 2;
    st.brackt = true;
  } else if (sgnd < 0) {
    // Case 2: lower value, derivatives of opposite sign — bracketed. Take the cubic step if it
    // is farther from stp than the secant step, else the secant step.
    const theta = (3 * (fx - fp)) / (stp - stx) + dx + dp;
    let gamma = cubicGamma(theta, dx, dp);
    if (stp > stx) gamma = -gamma;
    const p = gamma - dp + theta;
    const q = gamma - dp + gamma + dx;
    const stpc = stp + (p / q) * (stx - stp);
    const stpq = stp + (dp / (dp - dx)) * (stx - stp);
    stpf = Math.abs(stpc - stp) > Math.abs(stpq - stp) ? stpc : stpq;
    st.brackt = true;
  } else if (Math.abs(dp) < Math.abs(dx)) {
    // Case 3: lower value, same-sign derivatives, |φ'| decreasing. The cubic step is used only
    // if the cubic tends to infinity in the step's direction or its minimum lies beyond stp.
    const theta = (3 * (fx - fp)) / (stp - stx) + dx + dp;
    // (the cubic may have no real minimum here: MINPACK clamps the root's argument at 0)
    let gamma = cubicGamma(theta, dx, dp, true);
    if (stp > stx) gamma = -gamma;
    const p = gamma - dp + theta;
    const q = gamma + (dx - dp) + gamma;
    const r = p / q;
    let stpc: number;
    if (r < 0 && gamma !== 0) stpc = stp + r * (stx - stp);
    else if (stp > stx) stpc = stpmax;
    else stpc = stpmin;
    const stpq = stp + (dp / (dp - dx)) * (stx - stp);
    if (st.brackt) {
      // Bracketed: the step closer to stp, but no more than 66% of the way to sty.
      stpf = Math.abs(stpc - stp) < Math.abs(stpq - stp) ? stpc : stpq;
      stpf = stp > stx ? Math.min(stp + 0.66 * (sty - stp), stpf) : Math.max(stp + 0.66 * (sty - stp), stpf);
    } else {
      // Not bracketed: the step farther from stp, within [stpmin, stpmax].
      stpf = Math.abs(stpc - stp) > Math.abs(stpq - stp) ? stpc : stpq;
      stpf = Math.max(stpmin, Math.min(stpmax, stpf));
    }
  } else if (st.brackt) {
    // Case 4: lower value, same-sign derivatives, |φ'| not decreasing, bracketed: the cubic
    // step between stp and sty.
    const theta = (3 * (fp - fy)) / (sty - stp) + dy + dp;
    let gamma = cubicGamma(theta, dy, dp);
    if (stp > sty) gamma = -gamma;
    const p = gamma - dp + theta;
    const q = gamma - dp + gamma + dy;
    stpf = stp + (p / q) * (sty - stp);
  } else {
    // Case 4, not bracketed: go to the end of the allowed range.
    stpf = stp > stx ? stpmax : stpmin;
  }

  // Update the interval that contains a minimiser.
  if (fp > fx) {
    st.sty = stp;
    st.fy = fp;
    st.gy = dp;
  } else {
    if (sgnd < 0) {
      st.sty = stx;
      st.fy = fx;
      st.gy = dx;
    }
    st.stx = stp;
    st.fx = fp;
    st.gx = dp;
  }
  st.stp = stpf;
}
