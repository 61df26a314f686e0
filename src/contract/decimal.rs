//! Exact decimal numbers: the one number type every stage hands on.
//!
//! Report figures are decimal by nature (168.52 万元, 0.1396 册), and scaling
//! them by 万 or 亿 in binary floating point is wrong surprisingly often:
//! `0.07 * 10000.0` is `700.0000000000001`. A [`Decimal`] keeps an integer
//! mantissa and a count of decimal places, so 5.6万 is exactly 56000 and
//! arithmetic that would overflow says so instead of wrapping.

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The largest number of decimal places a [`Decimal`] keeps.
pub const MAX_SCALE: u8 = 18;

/// An exact decimal number: `mantissa × 10^-scale`.
///
/// Values are kept normalized (no trailing zero decimals), so two equal
/// numbers compare equal field by field: `5.60` and `5.6` are one value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Decimal {
    mantissa: i64,
    scale: u8,
}

impl Decimal {
    /// Zero.
    pub const ZERO: Decimal = Decimal {
        mantissa: 0,
        scale: 0,
    };

    /// `mantissa × 10^-scale`, normalized; `None` when `scale` is beyond
    /// [`MAX_SCALE`].
    pub fn new(mantissa: i64, scale: u8) -> Option<Decimal> {
        (scale <= MAX_SCALE).then(|| Decimal { mantissa, scale }.normalized())
    }

    /// A whole number.
    pub const fn from_int(n: i64) -> Decimal {
        Decimal {
            mantissa: n,
            scale: 0,
        }
    }

    /// The integer mantissa (the digits without the decimal point).
    pub fn mantissa(self) -> i64 {
        self.mantissa
    }

    /// How many digits stand after the decimal point.
    pub fn scale(self) -> u8 {
        self.scale
    }

    /// True when the value has no fractional part.
    pub fn is_integer(self) -> bool {
        self.scale == 0
    }

    /// The value as an `i64` when it is whole.
    pub fn to_i64(self) -> Option<i64> {
        self.is_integer().then_some(self.mantissa)
    }

    /// The nearest `f64`, for display and plotting only.
    pub fn to_f64(self) -> f64 {
        // Parsing the exact decimal text gives the correctly rounded f64.
        self.to_string().parse().unwrap_or(f64::NAN)
    }

    /// True when the value is below zero.
    pub fn is_negative(self) -> bool {
        self.mantissa < 0
    }

    /// The value with its sign flipped; `None` on overflow.
    pub fn checked_neg(self) -> Option<Decimal> {
        Some(Decimal {
            mantissa: self.mantissa.checked_neg()?,
            scale: self.scale,
        })
    }

    /// `self × 10^exp` (exp may be negative), exact; `None` on overflow or
    /// when more than [`MAX_SCALE`] decimals would be needed.
    pub fn checked_mul_pow10(self, exp: i32) -> Option<Decimal> {
        if exp >= 0 {
            let exp = u32::try_from(exp).ok()?;
            let shift = exp.min(u32::from(self.scale));
            let scale = self.scale - shift as u8;
            let rest = exp - shift;
            let mantissa = self.mantissa.checked_mul(10i64.checked_pow(rest)?)?;
            Decimal::new(mantissa, scale)
        } else {
            let scale = u32::from(self.scale) + exp.unsigned_abs();
            Decimal::new(self.mantissa, u8::try_from(scale).ok()?)
        }
    }

    /// Exact sum; `None` on overflow.
    pub fn checked_add(self, other: Decimal) -> Option<Decimal> {
        let scale = self.scale.max(other.scale);
        let a = self.rescaled(scale)?;
        let b = other.rescaled(scale)?;
        Decimal::new(a.checked_add(b)?, scale)
    }

    /// Exact product; `None` on overflow.
    pub fn checked_mul(self, other: Decimal) -> Option<Decimal> {
        let mantissa = self.mantissa.checked_mul(other.mantissa)?;
        Decimal::new(mantissa, self.scale.checked_add(other.scale)?)
    }

    /// The mantissa expressed at a larger scale.
    fn rescaled(self, scale: u8) -> Option<i64> {
        let up = u32::from(scale.checked_sub(self.scale)?);
        self.mantissa.checked_mul(10i64.checked_pow(up)?)
    }

    fn normalized(mut self) -> Decimal {
        while self.scale > 0 && self.mantissa % 10 == 0 {
            self.mantissa /= 10;
            self.scale -= 1;
        }
        if self.mantissa == 0 {
            self.scale = 0;
        }
        self
    }
}

impl Ord for Decimal {
    fn cmp(&self, other: &Decimal) -> Ordering {
        let scale = self.scale.max(other.scale);
        match (self.rescaled(scale), other.rescaled(scale)) {
            (Some(a), Some(b)) => a.cmp(&b),
            // A value too large to rescale is larger in magnitude than the
            // other; fall back to the (then unambiguous) float comparison.
            _ => self
                .to_f64()
                .partial_cmp(&other.to_f64())
                .unwrap_or(Ordering::Equal),
        }
    }
}

impl PartialOrd for Decimal {
    fn partial_cmp(&self, other: &Decimal) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl From<i64> for Decimal {
    fn from(n: i64) -> Decimal {
        Decimal::from_int(n)
    }
}

impl fmt::Display for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.scale == 0 {
            return write!(f, "{}", self.mantissa);
        }
        let digits = self.mantissa.unsigned_abs().to_string();
        let scale = usize::from(self.scale);
        let sign = if self.mantissa < 0 { "-" } else { "" };
        if digits.len() > scale {
            let (int, frac) = digits.split_at(digits.len() - scale);
            write!(f, "{sign}{int}.{frac}")
        } else {
            write!(f, "{sign}0.{}{digits}", "0".repeat(scale - digits.len()))
        }
    }
}

/// Why a text is not a plain decimal number.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseDecimalError;

impl fmt::Display for ParseDecimalError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not a decimal number within range")
    }
}

impl std::error::Error for ParseDecimalError {}

impl FromStr for Decimal {
    type Err = ParseDecimalError;

    /// Parses plain ASCII decimal text: `-12.50`, `180383`, `0.1396`.
    fn from_str(s: &str) -> Result<Decimal, ParseDecimalError> {
        let (negative, body) = match s.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, s),
        };
        let (int, frac) = body.split_once('.').unwrap_or((body, ""));
        let well_formed = !int.is_empty()
            && int.bytes().all(|b| b.is_ascii_digit())
            && frac.bytes().all(|b| b.is_ascii_digit())
            && !(body.contains('.') && frac.is_empty());
        if !well_formed {
            return Err(ParseDecimalError);
        }
        let scale = u8::try_from(frac.len()).map_err(|_| ParseDecimalError)?;
        let mut mantissa: i64 = 0;
        for b in int.bytes().chain(frac.bytes()) {
            mantissa = mantissa
                .checked_mul(10)
                .and_then(|m| m.checked_add(i64::from(b - b'0')))
                .ok_or(ParseDecimalError)?;
        }
        if negative {
            mantissa = -mantissa;
        }
        Decimal::new(mantissa, scale).ok_or(ParseDecimalError)
    }
}

impl Serialize for Decimal {
    /// A JSON number: an integer when the value is whole, else the shortest
    /// float that prints back as exactly these decimals.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.to_i64() {
            Some(n) => serializer.serialize_i64(n),
            None => serializer.serialize_f64(self.to_f64()),
        }
    }
}

impl schemars::JsonSchema for Decimal {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Decimal".into()
    }

    fn inline_schema() -> bool {
        true
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "An exact decimal, written as a plain JSON number (an integer when whole).",
            "type": "number",
        })
    }
}

impl<'de> Deserialize<'de> for Decimal {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Decimal, D::Error> {
        let number = serde_json::Number::deserialize(deserializer)?;
        number
            .to_string()
            .parse()
            .map_err(|_| serde::de::Error::custom(format!("{number} is not an exact decimal")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().expect("test literal")
    }

    #[test]
    fn scaling_by_wan_is_exact() {
        assert_eq!(d("0.07").checked_mul_pow10(4), Some(d("700")));
        assert_eq!(
            d("5.6").checked_mul_pow10(4),
            Some(Decimal::from_int(56000))
        );
        assert_eq!(d("168.52").checked_mul_pow10(4), Some(d("1685200")));
        assert_eq!(d("3.89").checked_mul_pow10(-3), Some(d("0.00389")));
    }

    #[test]
    fn overflow_is_none_not_wrapped() {
        assert_eq!(Decimal::from_int(i64::MAX).checked_mul_pow10(1), None);
        assert_eq!(Decimal::from_int(1).checked_mul_pow10(19), None);
        assert_eq!(Decimal::from_int(1).checked_mul_pow10(-19), None);
    }

    #[test]
    fn display_and_parse_round_trip() {
        for s in ["0", "0.1396", "-22.35", "180383", "0.007", "12345.67"] {
            assert_eq!(d(s).to_string(), s);
        }
        assert_eq!(d("5.60").to_string(), "5.6");
        assert_eq!(d("-0.0").to_string(), "0");
        for bad in [
            "",
            ".5",
            "5.",
            "1e5",
            "--1",
            "1.2.3",
            "99999999999999999999",
        ] {
            assert!(bad.parse::<Decimal>().is_err(), "{bad}");
        }
    }

    #[test]
    fn serializes_whole_values_as_integers() {
        let json = serde_json::to_string(&[d("56000.0"), d("0.1396"), d("16.19")]).expect("json");
        assert_eq!(json, "[56000,0.1396,16.19]");
        let back: Vec<Decimal> = serde_json::from_str(&json).expect("parse");
        assert_eq!(back, [d("56000"), d("0.1396"), d("16.19")]);
    }

    #[test]
    fn orders_by_value() {
        assert!(d("5.6") < d("5.61"));
        assert!(d("-1") < d("0.5"));
        assert_eq!(d("2.50").cmp(&d("2.5")), Ordering::Equal);
    }
}
