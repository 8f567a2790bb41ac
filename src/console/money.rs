//! Exact money. Every amount the tool handles is an integer number of fen (0.01 yuan).
//!
//! The console sends yuan sometimes as JSON numbers (`123.4`) and sometimes as strings
//! (`"123.40"`). Both are read from their decimal text, never through binary floating point
//! (serde_json's `arbitrary_precision` keeps a number's text), and anything with more than two
//! decimals, an exponent, or a value past `i64` fen is refused rather than rounded.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A non-negative or signed amount of money in fen. Fees are never negative; balances can be
/// (arrears), so the sign is only accepted where the caller says so ([`SignedFen`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Fen(i64);

/// Why a piece of text is not an amount of money.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MoneyError {
    #[error("{}", crate::t!("money-malformed", text = .0))]
    Malformed(String),
    #[error("{}", crate::t!("money-too-precise", text = .0))]
    TooPrecise(String),
    #[error("{}", crate::t!("money-negative", text = .0))]
    Negative(String),
    #[error("{}", crate::t!("money-overflow", text = .0))]
    Overflow(String),
}

impl Fen {
    pub const ZERO: Fen = Fen(0);

    pub const fn from_fen(fen: i64) -> Fen {
        Fen(fen)
    }

    pub const fn fen(self) -> i64 {
        self.0
    }

    /// Parses yuan text (`102.35`, `102.3`, `102`, `-12.50`), allowing a sign only when asked.
    pub fn parse_yuan(text: &str, allow_negative: bool) -> Result<Fen, MoneyError> {
        let malformed = || MoneyError::Malformed(text.to_string());
        let (negative, digits) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let (whole, frac) = match digits.split_once('.') {
            Some((w, f)) => (w, Some(f)),
            None => (digits, None),
        };
        if whole.is_empty() || !whole.bytes().all(|b| b.is_ascii_digit()) {
            return Err(malformed());
        }
        let frac = match frac {
            None => "",
            Some(f) if f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit()) => {
                return Err(malformed())
            }
            Some(f) if f.len() > 2 => return Err(MoneyError::TooPrecise(text.to_string())),
            Some(f) => f,
        };
        let overflow = || MoneyError::Overflow(text.to_string());
        let whole: i64 = whole.parse().map_err(|_| overflow())?;
        let mut cents: i64 = frac.parse().unwrap_or(0);
        if frac.len() == 1 {
            cents *= 10;
        }
        let magnitude = whole
            .checked_mul(100)
            .and_then(|v| v.checked_add(cents))
            .ok_or_else(overflow)?;
        if negative && magnitude != 0 {
            if !allow_negative {
                return Err(MoneyError::Negative(text.to_string()));
            }
            return Ok(Fen(-magnitude));
        }
        Ok(Fen(magnitude))
    }

    pub fn is_negative(self) -> bool {
        self.0 < 0
    }

    pub fn checked_add(self, other: Fen) -> Option<Fen> {
        self.0.checked_add(other.0).map(Fen)
    }

    pub fn checked_sub(self, other: Fen) -> Option<Fen> {
        self.0.checked_sub(other.0).map(Fen)
    }

    /// `self × numerator ÷ denominator`, rounded down to the fen (the quote rule's pro rata).
    pub fn prorate(self, numerator: i64, denominator: i64) -> Fen {
        if denominator <= 0 {
            return Fen::ZERO;
        }
        let value = i128::from(self.0) * i128::from(numerator.clamp(0, denominator))
            / i128::from(denominator);
        Fen(value as i64)
    }

    /// `¥102.35`, `-¥12.50`.
    pub fn with_symbol(self) -> String {
        if self.0 < 0 {
            format!("-¥{}", Fen(-self.0))
        } else {
            format!("¥{self}")
        }
    }

    /// The shortest decimal text of this amount (`102.3`, `102`), as the real order API sends
    /// numbers. Used by the sandbox to send JSON numbers.
    pub fn to_short_text(self) -> String {
        let full = self.to_string();
        let trimmed = full.trim_end_matches('0');
        trimmed.trim_end_matches('.').to_string()
    }
}

impl fmt::Display for Fen {
    /// `102.35`, `-12.50`: always two decimals, no symbol.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        let text = format!("{sign}{}.{:02}", abs / 100, abs % 100);
        f.pad(&text)
    }
}

impl FromStr for Fen {
    type Err = MoneyError;

    /// A user-typed amount: non-negative yuan, surrounding spaces and a leading `¥` tolerated.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let t = s.trim();
        let t = t
            .strip_prefix('¥')
            .or_else(|| t.strip_prefix('￥'))
            .unwrap_or(t)
            .trim();
        Fen::parse_yuan(t, false)
    }
}

fn yuan_text<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    use serde::de::Error;
    match serde_json::Value::deserialize(deserializer)? {
        serde_json::Value::String(s) => Ok(s),
        serde_json::Value::Number(n) => Ok(n.to_string()),
        other => Err(D::Error::custom(format!(
            "expected an amount of money, found {other}"
        ))),
    }
}

impl<'de> Deserialize<'de> for Fen {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = yuan_text(deserializer)?;
        Fen::parse_yuan(&text, false).map_err(serde::de::Error::custom)
    }
}

/// Sent as a string with two decimals (`"102.35"`), as the real API's string amounts.
impl Serialize for Fen {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// An amount that may be negative (an account balance in arrears).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct SignedFen(pub Fen);

impl<'de> Deserialize<'de> for SignedFen {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = yuan_text(deserializer)?;
        Fen::parse_yuan(&text, true)
            .map(SignedFen)
            .map_err(serde::de::Error::custom)
    }
}

impl Serialize for SignedFen {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

/// Serializes a fee as a JSON number with its exact shortest text (`102.3`), as the real order
/// API does. Only the sandbox sends this; the client reads either form.
pub fn as_json_number<S: Serializer>(fen: &Fen, serializer: S) -> Result<S::Ok, S::Error> {
    use serde::ser::Error;
    let number: serde_json::Number = fen.to_short_text().parse().map_err(S::Error::custom)?;
    number.serialize(serializer)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn parse_json(text: &str) -> Result<Fen, String> {
        serde_json::from_str::<Fen>(text).map_err(|e| e.to_string())
    }

    #[test]
    fn reads_numbers_and_strings_exactly() {
        assert_eq!(parse_json("\"102.35\"").unwrap(), Fen(10235));
        assert_eq!(parse_json("102.35").unwrap(), Fen(10235));
        assert_eq!(parse_json("102.3").unwrap(), Fen(10230));
        assert_eq!(parse_json("102").unwrap(), Fen(10200));
        assert_eq!(parse_json("0.01").unwrap(), Fen(1));
        assert_eq!(parse_json("1.10").unwrap(), Fen(110));
        assert_eq!(parse_json("\"0\"").unwrap(), Fen(0));
        // 0.1 + 0.2 style float traps cannot happen: the text is read, not a double.
        assert_eq!(parse_json("0.29").unwrap(), Fen(29));
    }

    #[test]
    fn refuses_what_is_not_exact_money() {
        for bad in [
            "102.351",
            "1.230",
            "\"102.351\"",
            "1e2",
            "1E2",
            "\"1e2\"",
            "\"NaN\"",
            "\"inf\"",
            "\"\"",
            "\"12.\"",
            "\".5\"",
            "\"+5\"",
            "\" 5\"",
            "\"1,000.00\"",
            "null",
            "true",
            "[]",
            "\"99999999999999999999\"",
            "92233720368547758.08",
            "102.349999999999994315658113919198513031005859375",
        ] {
            assert!(parse_json(bad).is_err(), "{bad} should be refused");
        }
    }

    #[test]
    fn negatives_only_where_allowed() {
        assert!(parse_json("-12.50").is_err());
        assert!(parse_json("\"-0.01\"").is_err());
        let balance: SignedFen = serde_json::from_str("\"-12.50\"").unwrap();
        assert_eq!(balance.0, Fen(-1250));
        assert_eq!(balance.0.to_string(), "-12.50");
        assert_eq!(balance.0.with_symbol(), "-¥12.50");
        // "-0" is zero, not a negative amount.
        assert_eq!(parse_json("\"-0.00\"").unwrap(), Fen(0));
    }

    #[test]
    fn formats_with_two_decimals_and_symbol() {
        assert_eq!(Fen(10235).to_string(), "102.35");
        assert_eq!(Fen(5).to_string(), "0.05");
        assert_eq!(Fen(10235).with_symbol(), "¥102.35");
        assert_eq!(Fen(10230).to_short_text(), "102.3");
        assert_eq!(Fen(10200).to_short_text(), "102");
        assert_eq!(Fen(0).to_short_text(), "0");
        assert_eq!(format!("{:>8}", Fen(100)), "    1.00");
        assert_eq!(serde_json::to_string(&Fen(10230)).unwrap(), "\"102.30\"");
    }

    #[test]
    fn user_input_tolerates_symbol_and_spaces() {
        assert_eq!(" ¥102.35 ".parse::<Fen>().unwrap(), Fen(10235));
        assert_eq!("￥1".parse::<Fen>().unwrap(), Fen(100));
        assert!("-1".parse::<Fen>().is_err());
        assert!("abc".parse::<Fen>().is_err());
    }

    #[test]
    fn prorates_rounding_down() {
        assert_eq!(Fen(10000).prorate(1, 3), Fen(3333));
        assert_eq!(Fen(10000).prorate(0, 3), Fen(0));
        assert_eq!(Fen(10000).prorate(5, 3), Fen(10000));
        assert_eq!(Fen(i64::MAX).prorate(1, 2), Fen(i64::MAX / 2));
    }

    proptest! {
        #[test]
        fn string_round_trip(fen in 0i64..i64::MAX) {
            let text = Fen(fen).to_string();
            prop_assert_eq!(Fen::parse_yuan(&text, false).unwrap(), Fen(fen));
            let json = serde_json::to_string(&Fen(fen)).unwrap();
            prop_assert_eq!(serde_json::from_str::<Fen>(&json).unwrap(), Fen(fen));
        }

        #[test]
        fn number_round_trip(fen in 0i64..i64::MAX) {
            let mut out = Vec::new();
            let mut ser = serde_json::Serializer::new(&mut out);
            as_json_number(&Fen(fen), &mut ser).unwrap();
            prop_assert_eq!(serde_json::from_slice::<Fen>(&out).unwrap(), Fen(fen));
        }

        #[test]
        fn signed_round_trip(fen in i64::MIN + 1..i64::MAX) {
            let json = serde_json::to_string(&SignedFen(Fen(fen))).unwrap();
            prop_assert_eq!(serde_json::from_str::<SignedFen>(&json).unwrap().0, Fen(fen));
        }

        #[test]
        fn arbitrary_text_never_panics(text in "\\PC{0,24}") {
            let _ = Fen::parse_yuan(&text, true);
        }
    }
}
