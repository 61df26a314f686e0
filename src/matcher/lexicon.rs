//! A compiled word list: the one way rule words are matched.
//!
//! A [`Lexicon`] is built once from a table of `(word, value)` rows and
//! answers two questions, both longest word first (a longer word shadows the
//! shorter words it contains, so 人次 beats 人 and 将近 beats 近):
//!
//! - [`Lexicon::longest_prefix`]: the word at the very start of a text;
//! - [`Lexicon::longest_suffix`]: the word at the very end of a text (the
//!   words before a number).
//!
//! The lists are short (a few to a few dozen words), so no automaton: the
//! rows are bucketed by the low byte of their first (for prefixes) or last
//! (for suffixes) character's code point, longest word first within a
//! bucket. A lookup decodes one character, turns away most texts with an
//! empty bucket and otherwise compares a word or two; the first word that
//! matches is the longest. Building is one small sort per end, microseconds
//! (an Aho-Corasick build per list was most of a one-report run's startup).
//! Among equal words (which the table tests forbid) the first row wins.

/// Buckets per index: the low byte of a code point.
const BUCKETS: usize = 256;

/// Rows grouped by a key character, longest word first within a group.
struct Index<T: Copy + 'static> {
    /// `rows[starts[k]..starts[k + 1]]` are the rows of bucket `k`.
    starts: [u16; BUCKETS + 1],
    rows: Box<[(&'static str, T)]>,
}

impl<T: Copy + 'static> Index<T> {
    /// Groups `rows` by `key`, table order among equal lengths.
    fn new(rows: &[(&'static str, T)], key: impl Fn(&str) -> Option<char>) -> Index<T> {
        // sort (bucket, longest first, row) packed in one integer: no
        // comparator calls back into the key, and the row index makes the
        // unstable sort deterministic
        let mut order: Vec<u64> = rows
            .iter()
            .enumerate()
            .map(|(i, (w, _))| {
                let k = key(w).map_or(0, bucket) as u64;
                let shorter = u64::from(u32::MAX) - (w.len() as u64).min(u64::from(u32::MAX));
                (k << 56) | (shorter << 16) | i as u64
            })
            .collect();
        order.sort_unstable();
        let mut starts = [0u16; BUCKETS + 1];
        for &o in &order {
            starts[(o >> 56) as usize + 1] += 1;
        }
        for k in 0..BUCKETS {
            starts[k + 1] += starts[k];
        }
        let rows = order
            .iter()
            .filter_map(|&o| rows.get((o & 0xFFFF) as usize).copied())
            .collect();
        Index { starts, rows }
    }

    /// The rows whose key character is `c`'s bucket.
    #[inline]
    fn bucket(&self, c: char) -> &[(&'static str, T)] {
        let k = bucket(c);
        let (from, to) = (self.starts[k], self.starts[k + 1]);
        self.rows
            .get(usize::from(from)..usize::from(to))
            .unwrap_or_default()
    }
}

/// The bucket of a key character.
#[inline]
fn bucket(c: char) -> usize {
    (c as usize) & (BUCKETS - 1)
}

/// A word list with a value per word.
pub struct Lexicon<T: Copy + 'static> {
    /// Rows in table order.
    rows: Vec<(&'static str, T)>,
    /// Rows by first character.
    by_first: Index<T>,
    /// Rows by last character.
    by_last: Index<T>,
}

impl<T: Copy + 'static> Lexicon<T> {
    /// Compiles `rows`. Panics only on an empty word or a table of more than
    /// 65535 rows, both programming errors caught by the table tests.
    pub fn new(rows: impl IntoIterator<Item = (&'static str, T)>) -> Lexicon<T> {
        let rows: Vec<(&'static str, T)> = rows.into_iter().collect();
        assert!(rows.iter().all(|(w, _)| !w.is_empty()), "empty rule word");
        assert!(rows.len() < usize::from(u16::MAX), "word table too large");
        let by_first = Index::new(&rows, |w| w.chars().next());
        let by_last = Index::new(&rows, |w| w.chars().next_back());
        Lexicon {
            rows,
            by_first,
            by_last,
        }
    }

    /// The longest word `s` starts with: its value and byte length.
    #[inline]
    pub fn longest_prefix(&self, s: &str) -> Option<(T, usize)> {
        let first = s.chars().next()?;
        let bytes = s.as_bytes();
        self.by_first
            .bucket(first)
            .iter()
            .find(|(w, _)| bytes.starts_with(w.as_bytes()))
            .map(|(w, v)| (*v, w.len()))
    }

    /// The longest word `s` ends with: its value and byte length.
    #[inline]
    pub fn longest_suffix(&self, s: &str) -> Option<(T, usize)> {
        let last = s.chars().next_back()?;
        let bytes = s.as_bytes();
        self.by_last
            .bucket(last)
            .iter()
            .find(|(w, _)| bytes.ends_with(w.as_bytes()))
            .map(|(w, v)| (*v, w.len()))
    }

    /// The value of the word spelled exactly `s`.
    pub fn exact(&self, s: &str) -> Option<T> {
        self.rows.iter().find(|(w, _)| *w == s).map(|(_, v)| *v)
    }
}

/// Slots of a [`CharMap`]: one per value of the low ten bits of a code point.
const CHAR_SLOTS: usize = 1024;

/// A slot of a [`CharMap`].
#[derive(Clone, Copy)]
enum Slot<V: Copy> {
    Empty,
    /// The one character whose low bits name this slot.
    One(char, V),
    /// Several characters share the slot: binary search.
    Shared,
}

/// A compiled character list: a value per character, looked up in a few
/// loads. A bitset on the low ten bits of the code point (128 bytes, always
/// in cache) turns away almost every other character; a slot per low-bits
/// value then holds the one character that owns it, or says that several
/// do and sends the lookup to a binary search. Among equal characters the
/// first row wins.
pub struct CharMap<V: Copy + 'static> {
    filter: [u64; CHAR_SLOTS / 64],
    slots: Box<[Slot<V>]>,
    sorted: Box<[(char, V)]>,
}

impl<V: Copy + 'static> CharMap<V> {
    /// Compiles `rows`.
    pub fn new(rows: impl IntoIterator<Item = (char, V)>) -> CharMap<V> {
        let mut sorted: Vec<(char, V)> = rows.into_iter().collect();
        // stable: the first of equal characters is the one kept
        sorted.sort_by_key(|e| e.0);
        sorted.dedup_by_key(|e| e.0);
        let mut filter = [0u64; CHAR_SLOTS / 64];
        let mut slots = vec![Slot::Empty; CHAR_SLOTS].into_boxed_slice();
        for &(c, v) in &sorted {
            let k = slot(c);
            filter[k >> 6] |= 1 << (k & 63);
            if let Some(s) = slots.get_mut(k) {
                *s = match s {
                    Slot::Empty => Slot::One(c, v),
                    _ => Slot::Shared,
                };
            }
        }
        CharMap {
            filter,
            slots,
            sorted: sorted.into_boxed_slice(),
        }
    }

    /// The value of `c`.
    #[inline]
    pub fn get(&self, c: char) -> Option<V> {
        let k = slot(c);
        if self.filter[k >> 6] & (1 << (k & 63)) == 0 {
            return None;
        }
        match *self.slots.get(k)? {
            Slot::Empty => None,
            Slot::One(d, v) => (d == c).then_some(v),
            Slot::Shared => self
                .sorted
                .binary_search_by_key(&c, |e| e.0)
                .ok()
                .and_then(|i| self.sorted.get(i))
                .map(|e| e.1),
        }
    }
}

impl<V: Copy + 'static> CharMap<V> {
    /// The value of the character of `len` bytes at `s[at..]` (`len` from
    /// [`utf8_len`]). The bitset is read from the last two bytes, so most
    /// characters are turned away without being decoded: for a scanner's
    /// loop over every character of a text.
    #[inline]
    pub fn get_encoded(&self, s: &str, at: usize, len: usize) -> Option<V> {
        let bytes = s.as_bytes();
        if len >= 2
            && let (Some(&hi), Some(&lo)) = (bytes.get(at + len - 2), bytes.get(at + len - 1))
        {
            // the low ten bits of the code point: four bits of the byte
            // before the last (a continuation or a two-byte lead), six of
            // the last
            let k = (usize::from(hi & 0x0F) << 6) | usize::from(lo & 0x3F);
            if self.filter[k >> 6] & (1 << (k & 63)) == 0 {
                return None;
            }
        }
        self.get(s.get(at..)?.chars().next()?)
    }
}

/// The byte length of the UTF-8 character that starts with `lead` (1 for a
/// byte that starts none, so that a loop always moves on).
#[inline]
pub fn utf8_len(lead: u8) -> usize {
    // 110xxxxx, 1110xxxx, 11110xxx: the count of leading ones
    match lead.leading_ones() {
        n @ 2..=4 => n as usize,
        _ => 1,
    }
}

/// The slot of a character.
#[inline]
fn slot(c: char) -> usize {
    (c as usize) & (CHAR_SLOTS - 1)
}

/// Words listed more than once in `words` (for the table tests).
#[cfg(test)]
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
    fn char_maps_find_every_character_and_no_other() {
        // 一 U+4E00 and U+0200 share a slot; 〇 U+3007 has one alone
        let map = CharMap::new([('一', 1), ('\u{200}', 2), ('〇', 3), ('一', 4)]);
        assert_eq!(map.get('一'), Some(1));
        assert_eq!(map.get('\u{200}'), Some(2));
        assert_eq!(map.get('\u{600}'), None);
        assert_eq!(map.get('〇'), Some(3));
        assert_eq!(map.get('\u{3407}'), None);
        assert_eq!(map.get('\u{0}'), None);
        assert_eq!(map.get('二'), None);
    }

    #[test]
    fn encoded_lookups_agree_with_char_lookups() {
        let rows = [
            '一',
            '〇',
            '\u{200}',
            '\u{FF10}',
            '«',
            '\u{1F600}',
            '.',
            '十',
            '万',
        ];
        let map = CharMap::new(rows.iter().map(|&c| (c, c)));
        let probes = (0..0x3000u32)
            .chain(0x4DF0..0x4F00)
            .chain(0xFF00..0xFF20)
            .chain(0x1F5F0..0x1F610);
        for c in probes.filter_map(char::from_u32) {
            let s = format!("a{c}b");
            let len = utf8_len(s.as_bytes()[1]);
            assert_eq!(len, c.len_utf8(), "{c:?}");
            assert_eq!(map.get_encoded(&s, 1, len), map.get(c), "{c:?}");
        }
    }

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

    /// The longest of `words` that `s` starts (or ends) with, by brute force.
    fn naive(words: &[&'static str], s: &str, prefix: bool) -> Option<(usize, usize)> {
        words
            .iter()
            .enumerate()
            .filter(|(_, w)| {
                if prefix {
                    s.starts_with(**w)
                } else {
                    s.ends_with(**w)
                }
            })
            .max_by_key(|(i, w)| (w.len(), std::cmp::Reverse(*i)))
            .map(|(i, w)| (i, w.len()))
    }

    #[test]
    fn agrees_with_brute_force() {
        // 一 (U+4E00) and Ā (U+0100) share a bucket with NUL; 中 (U+4E2D)
        // and - (U+2D) share one too
        let words: &[&str] = &[
            "一",
            "一一",
            "Ā",
            "中",
            "-",
            "--",
            "中一",
            "人次",
            "人",
            "QQ",
            "QQ群",
            "万人次",
            "次",
            "a",
        ];
        let lex = Lexicon::new(words.iter().enumerate().map(|(i, &w)| (w, i)));
        let pieces = [
            "", "一", "中", "-", "人", "次", "Q", "群", "万", "x", "Ā", "a",
        ];
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    let s = format!("{a}{b}{c}");
                    assert_eq!(lex.longest_prefix(&s), naive(words, &s, true), "{s}");
                    assert_eq!(lex.longest_suffix(&s), naive(words, &s, false), "{s}");
                }
            }
        }
    }
}
