//! Console times: `yyyy-MM-dd HH:mm:ss` in China Standard Time on the wire, ISO 8601 with an
//! offset everywhere we show or emit them.

use std::fmt;

use chrono::{DateTime, FixedOffset, NaiveDateTime, TimeZone, Utc};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

const WIRE_FORMAT: &str = "%Y-%m-%d %H:%M:%S";

/// UTC+8, the zone every console time is written in.
pub fn china() -> FixedOffset {
    FixedOffset::east_opt(8 * 3600).unwrap_or_else(|| unreachable!("+08:00 is a valid offset"))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ConsoleTime(pub DateTime<FixedOffset>);

impl ConsoleTime {
    pub fn now() -> ConsoleTime {
        ConsoleTime(Utc::now().with_timezone(&china()))
    }

    pub fn from_millis(ms: i64) -> ConsoleTime {
        let utc = Utc
            .timestamp_millis_opt(ms)
            .single()
            .unwrap_or_else(Utc::now);
        ConsoleTime(utc.with_timezone(&china()))
    }

    pub fn millis(self) -> i64 {
        self.0.timestamp_millis()
    }

    /// Reads the wire form, or any RFC 3339 time a non-sandbox console might send.
    pub fn parse(text: &str) -> Option<ConsoleTime> {
        let text = text.trim();
        if let Ok(naive) = NaiveDateTime::parse_from_str(text, WIRE_FORMAT) {
            return china()
                .from_local_datetime(&naive)
                .single()
                .map(ConsoleTime);
        }
        DateTime::parse_from_rfc3339(text).ok().map(ConsoleTime)
    }

    pub fn wire(self) -> String {
        self.0
            .with_timezone(&china())
            .format(WIRE_FORMAT)
            .to_string()
    }

    /// `2026-11-27T10:00:00+08:00`.
    pub fn iso(self) -> String {
        self.0.to_rfc3339_opts(chrono::SecondsFormat::Secs, false)
    }
}

impl fmt::Display for ConsoleTime {
    /// `2026-11-27 10:00` (minutes are enough in a table).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(&self.0.format("%Y-%m-%d %H:%M").to_string())
    }
}

impl Serialize for ConsoleTime {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.wire())
    }
}

impl<'de> Deserialize<'de> for ConsoleTime {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        ConsoleTime::parse(&text).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "`{text}` is not a time (expected yyyy-MM-dd HH:mm:ss)"
            ))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_is_china_time_and_iso_keeps_the_offset() {
        let t = ConsoleTime::parse("2026-11-27 10:00:00").unwrap();
        assert_eq!(t.iso(), "2026-11-27T10:00:00+08:00");
        assert_eq!(t.wire(), "2026-11-27 10:00:00");
        assert_eq!(t.millis(), 1_795_744_800_000);
        assert_eq!(ConsoleTime::from_millis(t.millis()), t);
        let z = ConsoleTime::parse("2026-11-27T02:00:00Z").unwrap();
        assert_eq!(z.millis(), t.millis());
        assert_eq!(z.wire(), "2026-11-27 10:00:00");
        assert!(ConsoleTime::parse("yesterday").is_none());
    }
}
