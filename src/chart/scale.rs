//! Value axes: nice round tick steps and the mapping from values to positions.
//!
//! Pure arithmetic, no drawing and no formatting (tick labels come from `numfmt::axis_ticks`). Steps are
//! 1, 2, 2.5 or 5 × 10ⁿ; every input, including a zero span or an infinite one, gives a usable
//! axis without panicking.

/// Most intervals an axis may have: a light grid of a few lines.
const MAX_INTERVALS: f64 = 5.0;
/// Step multipliers tried in order, within one power of ten and the next.
const MULTIPLIERS: [f64; 8] = [1.0, 2.0, 2.5, 5.0, 10.0, 20.0, 25.0, 50.0];
/// Tolerance, in steps, for values that lie on a tick except for binary noise.
const EPS: f64 = 1e-9;

/// A linear axis from `lo` to `hi` with ticks every `step`.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Axis {
    /// Value at the low end (a tick).
    pub(super) lo: f64,
    /// Value at the high end (a tick).
    pub(super) hi: f64,
    /// Distance between ticks; passed to `numfmt::axis_ticks` to choose decimals.
    pub(super) step: f64,
    /// Tick values from `lo` to `hi`, computed as `k × step` (no accumulated error).
    pub(super) ticks: Vec<f64>,
}

impl Axis {
    /// An axis with round ticks covering `lo..=hi` (either order). When `whole` is set (counts),
    /// steps below 1 and fractional steps are not used.
    pub(super) fn nice(lo: f64, hi: f64, whole: bool) -> Axis {
        let (mut lo, mut hi) = if lo <= hi { (lo, hi) } else { (hi, lo) };
        if !lo.is_finite() || !hi.is_finite() {
            (lo, hi) = (0.0, 1.0);
        }
        if lo == hi {
            // A single value: span from zero to it (or one unit above an all-zero series).
            if lo > 0.0 {
                lo = 0.0;
            } else if lo < 0.0 {
                hi = 0.0;
            } else {
                hi = 1.0;
            }
        }
        let span = hi - lo;
        if !span.is_finite() {
            // Beyond f64's range for a difference (|values| near 1e308): no round ticks.
            return Axis { lo, hi, step: f64::INFINITY, ticks: vec![lo, hi] };
        }
        let exponent = (span / MAX_INTERVALS).log10().floor().clamp(-300.0, 300.0) as i32;
        let step = MULTIPLIERS
            .iter()
            .map(|m| scaled(*m, exponent))
            .filter(|step| !whole || (*step >= 1.0 && step.fract() == 0.0))
            .find(|step| intervals(lo, hi, *step) <= MAX_INTERVALS)
            .unwrap_or_else(|| if whole { span.ceil().max(1.0) } else { span });
        let first = (lo / step + EPS).floor();
        let last = (hi / step - EPS).ceil();
        let count = (last - first).clamp(1.0, 50.0) as i64;
        let ticks: Vec<f64> = (0..=count).map(|k| (first + k as f64) * step).collect();
        Axis { lo: first * step, hi: (first + count as f64) * step, step, ticks }
    }

    /// Position of `v` between `start` (at `lo`) and `end` (at `hi`); never NaN.
    pub(super) fn map(&self, v: f64, start: f64, end: f64) -> f64 {
        let t = (v - self.lo) / (self.hi - self.lo);
        if t.is_finite() { start + t * (end - start) } else { start }
    }
}

/// `m × 10^exponent`, correctly rounded (dividing by an exact power of ten for negative
/// exponents, so that 2.5 × 10⁻¹ is exactly 0.25 and 10 × 10⁻¹ exactly 1).
fn scaled(m: f64, exponent: i32) -> f64 {
    if exponent >= 0 { m * 10f64.powi(exponent) } else { m / 10f64.powi(-exponent) }
}

/// Number of tick intervals needed to cover `lo..=hi` with `step`.
fn intervals(lo: f64, hi: f64, step: f64) -> f64 {
    (hi / step - EPS).ceil() - (lo / step + EPS).floor()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(lo: f64, hi: f64, whole: bool, expected: (f64, f64, f64)) {
        let axis = Axis::nice(lo, hi, whole);
        let close = |a: f64, b: f64| (a - b).abs() <= 1e-12 * b.abs().max(1.0);
        assert!(
            close(axis.lo, expected.0) && close(axis.hi, expected.1) && close(axis.step, expected.2),
            "axis for {lo}..{hi}: {axis:?}"
        );
        assert_eq!(axis.ticks.first(), Some(&axis.lo));
        assert_eq!(axis.ticks.last(), Some(&axis.hi));
    }

    #[test]
    fn round_steps() {
        check(0.0, 155_000.0, true, (0.0, 200_000.0, 50_000.0));
        check(0.0, 110_000.0, true, (0.0, 125_000.0, 25_000.0));
        check(0.0, 19_500.0, true, (0.0, 20_000.0, 5_000.0));
        check(0.0, 1_691.0, true, (0.0, 2_000.0, 500.0));
        check(0.0, 22_400.0, true, (0.0, 25_000.0, 5_000.0));
        check(0.0, 100.0, true, (0.0, 100.0, 20.0));
        check(0.0, 41.6, false, (0.0, 50.0, 10.0));
        check(0.0, 5.026e9, false, (0.0, 6e9, 2e9));
        check(-30.0, 70.0, true, (-50.0, 75.0, 25.0));
        check(0.0, 1e15, true, (0.0, 1e15, 2e14));
        check(0.0, 0.37, false, (0.0, 0.4, 0.1));
    }

    #[test]
    fn every_step_is_1_2_2_5_or_5_times_a_power_of_ten() {
        for hi in [1.0, 3.0, 7.0, 12.0, 99.0, 123.0, 4321.0, 61_400.0, 9.9e9, 3.3e-3] {
            let step = Axis::nice(0.0, hi, false).step;
            let mantissa = step / 10f64.powf(step.log10().floor());
            assert!([1.0, 2.0, 2.5, 5.0].iter().any(|m| (m - mantissa).abs() < 1e-9), "step {step} for {hi}");
            let count = Axis::nice(0.0, hi, false).ticks.len();
            assert!((3..=6).contains(&count), "{count} ticks for {hi}");
        }
    }

    #[test]
    fn counts_get_whole_steps() {
        check(0.0, 3.0, true, (0.0, 3.0, 1.0));
        check(0.0, 0.0, true, (0.0, 1.0, 1.0));
        check(0.0, 12.0, true, (0.0, 15.0, 5.0));
    }

    #[test]
    fn degenerate_spans_do_not_panic() {
        check(5.0, 5.0, true, (0.0, 5.0, 1.0));
        check(-5.0, -5.0, true, (-5.0, 0.0, 1.0));
        let huge = Axis::nice(-1e308, 1e308, false);
        assert!(huge.map(0.0, 0.0, 100.0).is_finite());
        let nan = Axis::nice(f64::NAN, 1.0, false);
        assert_eq!((nan.lo, nan.hi), (0.0, 1.0));
    }

    #[test]
    fn maps_linearly() {
        let axis = Axis::nice(0.0, 100.0, true);
        assert_eq!(axis.map(50.0, 300.0, 100.0), 200.0);
    }
}
