//! Fault injection for the sandbox: the failures real networks and consoles produce, on demand.
//!
//! Spec: comma-separated `key=value`, e.g. `latency=50ms,503=0.2,429=0.1,drop=0.5`.
//! - `latency=DUR`   added before every answer
//! - `500=P`, `503=P`, `429=P`  answer that error with probability P, before doing anything
//! - `drop=P`        after a refund is stored, close the connection without answering
//! - `stall=P`       after doing the work, hold the answer for `stall-for`, then close
//! - `stall-for=DUR` (default 60s)
//! - `retry-after=N` seconds sent with 429/503 (default 1)

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use rand::Rng;

/// What a running sandbox has done and injected, for load and fault tests' figures.
#[derive(Debug, Default)]
pub struct FaultStats {
    pub requests: AtomicU64,
    pub refunds_stored: AtomicU64,
    pub error_500: AtomicU64,
    pub error_503: AtomicU64,
    pub error_429: AtomicU64,
    pub dropped: AtomicU64,
    pub stalled: AtomicU64,
}

impl FaultStats {
    pub fn add(counter: &AtomicU64) {
        counter.fetch_add(1, Ordering::Relaxed);
    }

    /// `requests=… refunds-stored=… 500=… 503=… 429=… dropped=… stalled=…`
    pub fn summary(&self) -> String {
        let g = |c: &AtomicU64| c.load(Ordering::Relaxed);
        format!(
            "requests={} refunds-stored={} 500={} 503={} 429={} dropped={} stalled={}",
            g(&self.requests),
            g(&self.refunds_stored),
            g(&self.error_500),
            g(&self.error_503),
            g(&self.error_429),
            g(&self.dropped),
            g(&self.stalled)
        )
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Faults {
    pub latency: Duration,
    pub error_500: f64,
    pub error_503: f64,
    pub error_429: f64,
    pub drop_after_store: f64,
    pub stall: f64,
    pub stall_for: Duration,
    pub retry_after: u64,
}

impl Default for Faults {
    fn default() -> Faults {
        Faults {
            latency: Duration::ZERO,
            error_500: 0.0,
            error_503: 0.0,
            error_429: 0.0,
            drop_after_store: 0.0,
            stall: 0.0,
            stall_for: Duration::from_secs(60),
            retry_after: 1,
        }
    }
}

/// What to do with a request before the console sees it.
pub enum Before {
    Proceed,
    Answer { code: u16 },
}

impl Faults {
    pub fn parse(spec: &str) -> Result<Faults, String> {
        let mut faults = Faults::default();
        for part in spec.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let (key, value) = part
                .split_once('=')
                .ok_or_else(|| format!("fault `{part}` needs a value (key=value)"))?;
            let probability = || -> Result<f64, String> {
                let p: f64 = value
                    .parse()
                    .map_err(|_| format!("`{key}={value}`: expected a probability from 0 to 1"))?;
                if (0.0..=1.0).contains(&p) {
                    Ok(p)
                } else {
                    Err(format!(
                        "`{key}={value}`: expected a probability from 0 to 1"
                    ))
                }
            };
            let duration = || {
                humantime::parse_duration(value)
                    .map_err(|e| format!("`{key}={value}`: {e} (e.g. 200ms, 5s)"))
            };
            match key {
                "latency" => faults.latency = duration()?,
                "500" => faults.error_500 = probability()?,
                "503" => faults.error_503 = probability()?,
                "429" => faults.error_429 = probability()?,
                "drop" => faults.drop_after_store = probability()?,
                "stall" => faults.stall = probability()?,
                "stall-for" => faults.stall_for = duration()?,
                "retry-after" => {
                    faults.retry_after = value
                        .parse()
                        .map_err(|_| format!("`{key}={value}`: expected whole seconds"))?
                }
                other => {
                    return Err(format!(
                        "unknown fault `{other}` (known: latency, 500, 503, 429, drop, stall, stall-for, retry-after)"
                    ))
                }
            }
        }
        Ok(faults)
    }

    pub fn is_active(&self) -> bool {
        *self != Faults::default()
    }

    fn roll(p: f64) -> bool {
        p > 0.0 && rand::rng().random_bool(p)
    }

    pub fn before(&self) -> Before {
        for (p, code) in [
            (self.error_500, 500),
            (self.error_503, 503),
            (self.error_429, 429),
        ] {
            if Faults::roll(p) {
                return Before::Answer { code };
            }
        }
        Before::Proceed
    }

    pub fn drop_after_store(&self) -> bool {
        Faults::roll(self.drop_after_store)
    }

    pub fn stall(&self) -> bool {
        Faults::roll(self.stall)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_a_spec() {
        let f = Faults::parse(
            "latency=50ms, 503=0.2,429=0.1,drop=1,stall=0.5,stall-for=3s,retry-after=0",
        )
        .unwrap();
        assert_eq!(f.latency, Duration::from_millis(50));
        assert_eq!(f.error_503, 0.2);
        assert_eq!(f.drop_after_store, 1.0);
        assert_eq!(f.stall_for, Duration::from_secs(3));
        assert_eq!(f.retry_after, 0);
        assert!(f.is_active());
        assert!(!Faults::parse("").unwrap().is_active());
    }

    #[test]
    fn refuses_bad_specs() {
        for bad in ["503", "503=2", "latency=fast", "boom=1", "retry-after=-1"] {
            assert!(Faults::parse(bad).is_err(), "{bad}");
        }
    }
}
