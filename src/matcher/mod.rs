//! Matchers: the machinery that finds the words of `tables/` in text.
//!
//! `tables/` holds rows only (words, units, punctuation); these build the
//! structures that search for them, once per run.
//!
//! - [`lexicon`]: exact, longest-prefix and longest-suffix lookups of a
//!   word list (`Lexicon`), and a character map (`CharMap`). Input: a
//!   `&str` at a position; output: the row's value and the match length.
//! - [`words`]: every occurrence of many words at once (`WordSet`,
//!   `WordIndex`). Input: a text; output: the matches, by row.

pub mod lexicon;
pub mod words;
