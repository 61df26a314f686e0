//! A compiled word list: the one way rule words are matched.
//!
//! A [`Lexicon`] is built once from a table of `(word, value)` rows and
//! answers two questions, both longest word first (a longer word shadows the
//! shorter words it contains, so 人次 beats 人 and 将近 beats 近):
//!
//! - [`Lexicon::longest_prefix`]: the word at the very start of a text, by an
//!   anchored Aho-Corasick automaton (one pass, no backtracking);
//! - [`Lexicon::longest_suffix`]: the word at the very end of a text (the
//!   words before a number), by checking the rows from the longest down;
//!   these lists are short, so this is a few byte comparisons.

use aho_corasick::{
    AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, Anchored, Input, MatchKind, StartKind,
};

/// A word list with a value per word.
pub struct Lexicon<T: Copy + 'static> {
    automaton: AhoCorasick,
    /// Rows in pattern-id order.
    rows: Vec<(&'static str, T)>,
    /// Row indices, longest word first.
    by_length: Vec<usize>,
    /// Bytes some word starts with: most texts fail this one lookup.
    first_bytes: [bool; 256],
    /// Bytes some word ends with.
    last_bytes: [bool; 256],
}

impl<T: Copy + 'static> Lexicon<T> {
    /// Compiles `rows`. Panics only on an empty word or a table too large for
    /// the automaton, both programming errors caught by the table tests.
    pub fn new(rows: impl IntoIterator<Item = (&'static str, T)>) -> Lexicon<T> {
        let rows: Vec<(&'static str, T)> = rows.into_iter().collect();
        assert!(rows.iter().all(|(w, _)| !w.is_empty()), "empty rule word");
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Anchored)
            // A contiguous NFA builds in a fraction of a DFA's time and
            // searches these short words about as fast: a one-report run
            // spends most of its time building the tables.
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(rows.iter().map(|(w, _)| w))
            .expect("a word table compiles");
        let mut by_length: Vec<usize> = (0..rows.len()).collect();
        by_length.sort_by_key(|&i| std::cmp::Reverse(rows[i].0.len()));
        let mut first_bytes = [false; 256];
        let mut last_bytes = [false; 256];
        for (w, _) in &rows {
            let bytes = w.as_bytes();
            if let (Some(&f), Some(&l)) = (bytes.first(), bytes.last()) {
                first_bytes[usize::from(f)] = true;
                last_bytes[usize::from(l)] = true;
            }
        }
        Lexicon {
            automaton,
            rows,
            by_length,
            first_bytes,
            last_bytes,
        }
    }

    /// The longest word `s` starts with: its value and byte length.
    #[inline]
    pub fn longest_prefix(&self, s: &str) -> Option<(T, usize)> {
        let &first = s.as_bytes().first()?;
        if !self.first_bytes[usize::from(first)] {
            return None;
        }
        let found = self.automaton.find(Input::new(s).anchored(Anchored::Yes))?;
        let (_, value) = self.rows.get(found.pattern().as_usize())?;
        Some((*value, found.end()))
    }

    /// The longest word `s` ends with: its value and byte length.
    #[inline]
    pub fn longest_suffix(&self, s: &str) -> Option<(T, usize)> {
        let bytes = s.as_bytes();
        let &last = bytes.last()?;
        if !self.last_bytes[usize::from(last)] {
            return None;
        }
        self.by_length
            .iter()
            .filter_map(|&i| self.rows.get(i))
            .find(|(w, _)| {
                // compare the last byte before calling into memcmp
                w.as_bytes().last() == Some(&last) && bytes.ends_with(w.as_bytes())
            })
            .map(|(w, v)| (*v, w.len()))
    }

    /// The value of the word spelled exactly `s`.
    pub fn exact(&self, s: &str) -> Option<T> {
        self.rows.iter().find(|(w, _)| *w == s).map(|(_, v)| *v)
    }

    /// Every word, in table order.
    pub fn words(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.rows.iter().map(|(w, _)| *w)
    }
}

/// Words listed more than once in `words` (for the table tests).
pub fn duplicates<'a>(words: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let mut all: Vec<&str> = words.into_iter().collect();
    all.sort_unstable();
    let mut dups: Vec<&str> = all
        .windows(2)
        .filter(|w| w[0] == w[1])
        .map(|w| w[0])
        .collect();
    dups.dedup();
    dups
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_word_wins_at_both_ends() {
        let lex = Lexicon::new([("近", 1), ("将近", 2), ("人", 3), ("人次", 4)]);
        assert_eq!(lex.longest_prefix("人次。"), Some((4, 6)));
        assert_eq!(lex.longest_prefix("人。"), Some((3, 3)));
        assert_eq!(lex.longest_prefix("。人"), None);
        assert_eq!(lex.longest_suffix("读者将近"), Some((2, 6)));
        assert_eq!(lex.longest_suffix("最近"), Some((1, 3)));
        assert_eq!(lex.longest_suffix(""), None);
        assert_eq!(lex.exact("人次"), Some(4));
        assert_eq!(duplicates(["a", "b", "a", "a"]), vec!["a"]);
    }
}
