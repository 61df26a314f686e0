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
        // Characters are walked by their lead bytes, and a character's
        // bucket is read from its last two bytes (see `bucket_at`): no
        // character is decoded, and the kind of lead picks no branch.
        let mut start = 0;
        while let Some(&lead) = bytes.get(start) {
            let width = usize::from(UTF8_WIDTH[usize::from(lead)]);
            let k = bucket_at(bytes, start, width);
            if self.filter[k / 64] & (1 << (k % 64)) != 0 {
                let (from, to) = (self.starts[k] as usize, self.starts[k + 1] as usize);
                for &(_, word, row) in self.entries.get(from..to).unwrap_or_default() {
                    // The word's first and last bytes first: most candidates
                    // differ there, and are turned away without a call to
                    // compare the rest.
                    let last = word.len() - 1;
                    if word.as_bytes().first() == Some(&lead)
                        && bytes.get(start + last) == word.as_bytes().get(last)
                        && bytes[start..].starts_with(word.as_bytes())
                    {
                        found.push(WordMatch {
                            start,
                            end: start + word.len(),
                            row,
                        });
                    }
                }
            }
            start += width;
        }
        found.sort_unstable_by_key(|m| (m.end, Reverse(m.len()), m.row));
        found.into_iter()
    }
}

/// A UTF-8 character's length in bytes by its lead byte (1 for a byte no
/// character starts with, which a `str` never holds there).
static UTF8_WIDTH: [u8; 256] = {
    let mut table = [1u8; 256];
    let mut byte = 0xC0;
    while byte < 0x100 {
        table[byte] = match byte {
            0xC0..=0xDF => 2,
            0xE0..=0xEF => 3,
            _ => 4,
        };
        byte += 1;
    }
    table
};

/// [`bucket`] of the character of `width` bytes at `start`, from its
/// bytes: the low ten bits of a code point are the low four of its
/// second-to-last byte and the low six of its last (a lead byte's low
/// four for a two-byte character), and an ASCII character is its byte.
fn bucket_at(bytes: &[u8], start: usize, width: usize) -> usize {
    let byte = |at: usize| usize::from(bytes.get(at).copied().unwrap_or_default());
    if width == 1 {
        return byte(start);
    }
    let end = start + width;
    ((byte(end - 2) & 0x0F) << 6) | (byte(end - 1) & 0x3F)
}

/// The words of a [`WordSet`] found in a text, read as far as asked and no
/// further, each part once: where each word occurs, for questions about a
/// stretch of the text by binary search. Many questions about one long
/// line then cost one pass over it, not one pass each.
pub struct WordIndex {
    set: &'static WordSet,
    /// The longest word of the set, in bytes.
    longest: usize,
    /// Each row found so far: its length in bytes and where it starts,
    /// ascending. Sorted by row.
    rows: Vec<(usize, usize, Vec<usize>)>,
    /// Every word ending by this offset is in `rows`.
    covered: usize,
}

impl WordIndex {
    /// An index of `set`'s words, nothing read yet.
    pub fn new(set: &'static WordSet) -> WordIndex {
        let longest = set.entries.iter().map(|(_, word, _)| word.len()).max();
        WordIndex {
            set,
            longest: longest.unwrap_or(0),
            rows: Vec::new(),
            covered: 0,
        }
    }

    /// Finds the words ending after `covered` and by `to`: a word ending
    /// there starts at most the longest word's length before `covered`.
    fn cover(&mut self, text: &str, to: usize) {
        if to <= self.covered {
            return;
        }
        let mut from = self.covered.saturating_sub(self.longest);
        while !text.is_char_boundary(from) {
            from -= 1;
        }
        let Some(part) = text.get(from..to) else {
            return;
        };
        // Matches come by where they end; one row's have one length, so
        // its starts come in order too.
        for m in self.set.find_all(part) {
            let start = from + m.start;
            if start + m.len() <= self.covered {
                continue;
            }
            match self.rows.iter_mut().find(|(row, _, _)| *row == m.row) {
                Some((_, _, starts)) => starts.push(start),
                None => {
                    let at = self.rows.partition_point(|(row, _, _)| *row < m.row);
                    self.rows.insert(at, (m.row, m.len(), vec![start]));
                }
            }
        }
        self.covered = to;
    }

    /// The rows, in table order, with a word of `text` (always the same
    /// text) lying wholly in `from..to`, where `from_of` gives each row
    /// its `from`. What [`WordSet::find_all`] finds in that stretch.
    pub fn rows_within<'a>(
        &'a mut self,
        text: &str,
        to: usize,
        from_of: impl Fn(usize) -> usize + 'a,
    ) -> impl Iterator<Item = usize> + 'a {
        self.cover(text, to);
        self.rows.iter().filter_map(move |(row, len, starts)| {
            // the last occurrence ending by `to`
            let before_end = starts.partition_point(|&start| start + len <= to);
            let last = before_end
                .checked_sub(1)
                .and_then(|last| starts.get(last))?;
            (*last >= from_of(*row)).then_some(*row)
        })
    }
}

impl WordIndex {
    /// Each row with a word of `text` lying wholly in `from..to`, with the
    /// span of its last such word, in table order.
    pub fn last_within<'a>(
        &'a mut self,
        text: &str,
        to: usize,
        from: usize,
    ) -> impl Iterator<Item = (usize, std::ops::Range<usize>)> + 'a {
        self.cover(text, to);
        self.rows.iter().filter_map(move |(row, len, starts)| {
            let before_end = starts.partition_point(|&start| start + len <= to);
            let last = *before_end
                .checked_sub(1)
                .and_then(|last| starts.get(last))?;
            (last >= from).then_some((*row, last..last + len))
        })
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
        "é书",
        "𠀀馆",
        "ß",
    ];

    #[test]
    fn a_characters_bucket_read_from_its_bytes_is_its_code_points() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let mut buffer = [0; 4];
            let encoded = c.encode_utf8(&mut buffer).as_bytes();
            let width = usize::from(UTF8_WIDTH[usize::from(encoded[0])]);
            assert_eq!(width, encoded.len(), "{c:?}");
            assert_eq!(bucket_at(encoded, 0, width), bucket(c), "{c:?}");
        }
    }

    proptest! {
        /// The same matches, in the same order, as an overlapping search by
        /// Aho-Corasick (the automaton this set replaced).
        #[test]
        fn finds_what_aho_corasick_finds(
            text in proptest::collection::vec(
                prop::sample::select(vec!["馆", "藏", "量", "图", "书", "a", "b", "，", "x", "é", "𠀀", "ß", "Ā"]),
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

        /// Asked about stretches of a text in any order, an index answers
        /// what a search of each stretch would.
        #[test]
        fn an_index_answers_what_a_search_of_the_stretch_finds(
            text in proptest::collection::vec(
                prop::sample::select(vec!["馆", "藏", "量", "图", "书", "a", "b", "，"]),
                0..40,
            ),
            asks in proptest::collection::vec((0usize..200, 0usize..200), 1..8),
        ) {
            static SET: std::sync::LazyLock<WordSet> =
                std::sync::LazyLock::new(|| WordSet::new(WORDS));
            let text: String = text.concat();
            let bounds: Vec<usize> = (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
            let asks: Vec<(usize, usize)> = asks
                .into_iter()
                .map(|(a, b)| (bounds[a % bounds.len()], bounds[b % bounds.len()]))
                .map(|(a, b)| (a.min(b), a.max(b)))
                .collect();
            let mut index = WordIndex::new(&SET);
            for (from, to) in asks {
                let got: Vec<usize> = index.rows_within(&text, to, |_| from).collect();
                let mut want: Vec<usize> = SET.find_all(&text[from..to]).map(|m| m.row()).collect();
                want.sort_unstable();
                want.dedup();
                prop_assert_eq!(got, want, "{}..{}", from, to);
            }
        }
    }
}
