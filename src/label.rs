//! Stance labels: the three classes every model predicts, in one fixed order.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// An actor's stance toward the plan an article is about.
///
/// The order of [`Stance::ALL`] is the order of every table, confusion matrix, probability
/// vector and weight column in this crate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Stance {
    /// Backs the plan: endorses, accepts, votes for, defends it.
    Supportive,
    /// Rejects the plan: criticises, votes against, sets red lines it crosses.
    Opposed,
    /// Takes no side: studying it, declined to comment, mixed, or procedure only.
    Noncommittal,
}

/// Number of stance classes.
pub const NUM_STANCES: usize = 3;

impl Stance {
    /// All stances, in the crate's fixed order.
    pub const ALL: [Stance; NUM_STANCES] =
        [Stance::Supportive, Stance::Opposed, Stance::Noncommittal];

    /// Position of this stance in [`Stance::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// The stance at position `index` of [`Stance::ALL`].
    ///
    /// # Panics
    /// When `index >= 3`; callers index with values produced by [`Stance::index`].
    pub fn from_index(index: usize) -> Stance {
        Stance::ALL[index]
    }

    /// The lowercase name used in CSV files, JSON and reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Stance::Supportive => "supportive",
            Stance::Opposed => "opposed",
            Stance::Noncommittal => "noncommittal",
        }
    }
}

impl fmt::Display for Stance {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The error of parsing a string that names no stance.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownStance(pub String);

impl fmt::Display for UnknownStance {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown stance `{}` (allowed: supportive, opposed, noncommittal)",
            self.0
        )
    }
}

impl std::error::Error for UnknownStance {}

impl FromStr for Stance {
    type Err = UnknownStance;

    /// Parses a stance name, ignoring case and surrounding white space.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "supportive" => Ok(Stance::Supportive),
            "opposed" => Ok(Stance::Opposed),
            "noncommittal" => Ok(Stance::Noncommittal),
            _ => Err(UnknownStance(s.to_string())),
        }
    }
}

/// The index of the largest value; the first one wins ties, so results are deterministic.
pub fn argmax(values: &[f64; NUM_STANCES]) -> usize {
    let mut best = 0;
    for (i, &v) in values.iter().enumerate().skip(1) {
        if v > values[best] {
            best = i;
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_case_insensitively_and_round_trips() {
        for stance in Stance::ALL {
            assert_eq!(stance.as_str().parse::<Stance>(), Ok(stance));
            assert_eq!(Stance::from_index(stance.index()), stance);
        }
        assert_eq!(" Opposed ".parse::<Stance>(), Ok(Stance::Opposed));
        assert!("against".parse::<Stance>().is_err());
    }

    #[test]
    fn argmax_prefers_first_on_ties() {
        assert_eq!(argmax(&[0.2, 0.5, 0.3]), 1);
        assert_eq!(argmax(&[0.4, 0.4, 0.2]), 0);
    }
}
