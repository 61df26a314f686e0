//! A word table searched for every occurrence of every word in a text.
//!
//! [`WordSet`] answers what an overlapping Aho-Corasick search would, in the
//! same order, but builds in microseconds rather than milliseconds: a run
//! over one report would otherwise spend half its time compiling automata.
//! The words of one table are few (tens to two hundred), so at each
//! character the words starting with that character are compared in place;
//! a bitmap of first characters turns most characters away with one test.

use std::cmp::Reverse;

/// How many bits of a first character's code point pick its bucket.
const BUCKET_BITS: u32 = 10;
const BUCKETS: usize = 1 << BUCKET_BITS;

/// One occurrence of a word: its byte span in the text and its row (its
/// position in the table the set was built from).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WordMatch {
    start: usize,
    end: usize,
    row: usize,
}

impl WordMatch {
    /// Byte offset where the word starts.
    pub fn start(&self) -> usize {
        self.start
    }

    /// Byte offset just after the word.
    pub fn end(&self) -> usize {
        self.end
    }

    /// The word's length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether the word is empty (never: tables hold no empty word).
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The word's row in its table.
    pub fn row(&self) -> usize {
        self.row
    }
}

/// The words of a table, bucketed by their first character.
pub struct WordSet {
    /// Bit per bucket: does any word start with a character of it?
    filter: [u64; BUCKETS / 64],
    /// `entries[starts[k]..starts[k + 1]]` are the words of bucket `k`.
    starts: Box<[u32]>,
    /// (first character, word, row), by bucket.
    entries: Box<[(char, &'static str, usize)]>,
}

impl WordSet {
    /// Builds the set; a word's row is its position in `words`. Empty words
    /// are a programming error, caught by the table tests.
    pub fn new<'w>(words: impl IntoIterator<Item = &'w &'static str>) -> WordSet {
        let mut entries: Vec<(char, &'static str, usize)> = words
            .into_iter()
            .enumerate()
            .filter_map(|(row, word)| word.chars().next().map(|first| (first, *word, row)))
            .collect();
        entries.sort_by_key(|&(first, _, row)| (bucket(first), row));
        let mut starts = vec![0u32; BUCKETS + 1];
        let mut filter = [0u64; BUCKETS / 64];
        for &(first, _, _) in &entries {
            let k = bucket(first);
            starts[k + 1] += 1;
            filter[k / 64] |= 1 << (k % 64);
        }
        for k in 0..BUCKETS {
            starts[k + 1] += starts[k];
        }
        WordSet {
            filter,
            starts: starts.into_boxed_slice(),
            entries: entries.into_boxed_slice(),
        }
    }

    /// Every occurrence of every word in `text`, overlapping ones too,
    /// ordered as an overlapping Aho-Corasick search reports them: by where
    /// they end, then longest first, then by row.
    pub fn find_all(&self, text: &str) -> std::vec::IntoIter<WordMatch> {
        let bytes = text.as_bytes();
        let mut found = Vec::new();
        for (start, c) in text.char_indices() {
            let k = bucket(c);
            if self.filter[k / 64] & (1 << (k % 64)) == 0 {
                continue;
            }
            let (from, to) = (self.starts[k] as usize, self.starts[k + 1] as usize);
            for &(first, word, row) in self.entries.get(from..to).unwrap_or_default() {
                if first == c && bytes[start..].starts_with(word.as_bytes()) {
                    found.push(WordMatch {
                        start,
                        end: start + word.len(),
                        row,
                    });
                }
            }
        }
        found.sort_unstable_by_key(|m| (m.end, Reverse(m.len()), m.row));
        found.into_iter()
    }
}

fn bucket(c: char) -> usize {
    (c as usize) & (BUCKETS - 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use aho_corasick::AhoCorasick;
    use proptest::prelude::*;

    const WORDS: &[&str] = &[
        "馆藏",
        "馆藏量",
        "藏量",
        "量",
        "图书",
        "图书馆",
        "书",
        "书馆",
        "馆",
        "a",
        "ab",
        "b",
        "图书",
    ];

    proptest! {
        /// The same matches, in the same order, as an overlapping search by
        /// Aho-Corasick (the automaton this set replaced).
        #[test]
        fn finds_what_aho_corasick_finds(
            text in proptest::collection::vec(
                prop::sample::select(vec!["馆", "藏", "量", "图", "书", "a", "b", "，", "x"]),
                0..24,
            )
        ) {
            let text: String = text.concat();
            let automaton = AhoCorasick::new(WORDS).expect("words compile");
            let want: Vec<(usize, usize, usize)> = automaton
                .find_overlapping_iter(&text)
                .map(|m| (m.start(), m.end(), m.pattern().as_usize()))
                .collect();
            let got: Vec<(usize, usize, usize)> = WordSet::new(WORDS)
                .find_all(&text)
                .map(|m| (m.start(), m.end(), m.row()))
                .collect();
            prop_assert_eq!(got, want);
        }
    }
}
