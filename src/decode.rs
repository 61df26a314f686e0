//! Stage 1, decode: the raw bytes of one input file → [`Decoded`] text.
//!
//! Input is whatever the file holds; output is an owned `String`, the name of
//! the encoding it was read in, and how many byte sequences did not decode.
//! Files that hold no report fail with a [`DecodeError`] instead of turning
//! into garbage text.
//!
//! # Detection order
//!
//! 1. Empty input fails with [`DecodeError::Empty`].
//! 2. A known binary signature at offset 0 (PNG, JPEG, GIF, PDF, ZIP and so
//!    DOCX/XLSX, OLE and so DOC/XLS, RTF, gzip, bzip2, xz, zstd, 7z, RAR, ELF,
//!    TIFF, WebP, SQLite) fails with [`DecodeError::Binary`], even when an
//!    encoding is forced: no encoding turns those into a report.
//! 3. A forced encoding (`--encoding`) is used as is; only a byte order mark
//!    of that same encoding is dropped.
//! 4. A byte order mark: UTF-8 `EF BB BF`, UTF-16LE `FF FE`, UTF-16BE `FE FF`.
//! 5. Valid UTF-8 without NUL bytes (nor stray control bytes in the first
//!    64 KiB, which is how UTF-16 such as `02 30` for "。" can look) is UTF-8:
//!    the fast path, one NUL scan, one validation and one copy, no loop per
//!    character.
//! 6. UTF-16 without a byte order mark, judged on the first 64 KiB: read as
//!    16-bit code units, nearly all (≥ 95 %) must be characters a Chinese
//!    report uses, and either the other byte order must look clearly worse
//!    (≤ 85 %) or the ASCII evidence (units `00 xx`, the NULs of digits,
//!    spaces and `0A 00` / `00 0A` newlines) must sit on one side.
//! 7. UTF-8 again: valid UTF-8 that holds NULs; UTF-8 whose only flaw is a
//!    multibyte sequence cut off at the very end; UTF-8 with at most one bad
//!    sequence per 50 good multibyte characters in the sample (a corrupt byte
//!    in a UTF-8 file, which GBK would turn into mojibake everywhere).
//! 8. Otherwise [`chardetng`] on a bounded sample (16 KiB from the line of
//!    the first non-ASCII byte, cut after a newline), with no top-level-domain
//!    hint and UTF-8 denied: GBK becomes GB18030 (a superset, and the same
//!    decoder in the Encoding Standard), Big5 stays Big5; any other guess is
//!    settled between GB18030 and Big5 by which decodes the sample with fewer
//!    errors (GB18030 on a tie: mainland reports are the common case).
//!
//! After decoding, NUL characters are removed, then the text is checked for
//! binary content (control characters, undecodable bytes) and for holding
//! only white space; see [`decode`] for what the text keeps.

use std::borrow::Cow;
use std::fmt;

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{BIG5, DecoderResult, Encoding, GB18030, GBK, UTF_8, UTF_16BE, UTF_16LE};

/// How many bytes the UTF-16 and binary checks look at (after decoding,
/// text bytes).
///
/// 64 KiB holds some 20 000 Chinese characters, far more than any check
/// needs, and keeps detection O(1) in the file size; these checks run at
/// hundreds of MiB/s, so the whole window costs well under a millisecond.
const SAMPLE_LEN: usize = 64 * 1024;

/// How many bytes of a non-UTF-8 file the legacy detectors (chardetng and
/// the UTF-8 error ratio) look at.
///
/// chardetng runs 27 candidate decoders over every byte: about 4 MiB/s on
/// GBK text (measured: 15 ms for 64 KiB, more than decoding a whole report).
/// 16 KiB still holds over 5 000 Chinese characters, plenty to tell GBK
/// from Big5, at a quarter of the cost.
const LEGACY_SAMPLE_LEN: usize = 16 * 1024;

/// A file decoded to text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    /// The decoded text; see [`decode`] for what it keeps and drops.
    pub text: String,
    /// The encoding the bytes were read in (GBK is reported as GB18030).
    pub encoding: &'static Encoding,
    /// How many byte sequences did not decode and became U+FFFD; U+FFFD
    /// characters already present in valid input are not counted.
    pub replaced: usize,
}

impl Decoded {
    /// The encoding's name as it goes into the record: `"UTF-8"`,
    /// `"GB18030"`, `"Big5"`, `"UTF-16LE"`, `"UTF-16BE"` (or another
    /// Encoding Standard name when one was forced).
    pub fn encoding_name(&self) -> &'static str {
        // encoding_rs spells it "gb18030", the Encoding Standard's name; the
        // record uses the upper case of the other names.
        if self.encoding == GB18030 {
            "GB18030"
        } else {
            self.encoding.name()
        }
    }

    /// Whether some bytes did not decode (the caller turns this into a
    /// warning).
    pub fn is_lossy(&self) -> bool {
        self.replaced > 0
    }
}

/// Why a file could not be decoded into report text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecodeError {
    /// The file holds no bytes (or only a byte order mark).
    Empty,
    /// The file holds only white space (including U+3000 and line breaks).
    Blank,
    /// The file is not text; `what` names what it looks like, with an
    /// article: `"a PNG image"`.
    Binary {
        /// What the bytes look like, e.g. `"a PDF document"`.
        what: &'static str,
    },
    /// `--encoding` named no encoding we can decode; holds the label given.
    UnknownEncoding(String),
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::Empty => f.write_str("empty file"),
            DecodeError::Blank => f.write_str("file holds only white space"),
            DecodeError::Binary { what } => write!(f, "not text: looks like {what}"),
            DecodeError::UnknownEncoding(label) => write!(
                f,
                "unknown or unsupported encoding {label:?} \
                 (try utf-8, gb18030, gbk, big5, utf-16le or utf-16be)"
            ),
        }
    }
}

impl std::error::Error for DecodeError {}

/// Looks up an encoding by any label of the Encoding Standard (`gbk`,
/// `GB18030`, `big5`, `utf-16le`, `utf8` …) or a Windows code-page name
/// (`cp936`, `cp950`: `tables::encodings`), ignoring case and surrounding
/// white space.
///
/// The `replacement` encoding (what labels such as `iso-2022-kr` map to)
/// decodes nothing, so it is refused like an unknown label.
pub fn encoding_for_label(label: &str) -> Result<&'static Encoding, DecodeError> {
    // Windows code-page names (cp936) are not labels of the standard.
    let typed = label.trim().to_ascii_lowercase();
    let standard = crate::tables::encodings::ENCODING_ALIASES
        .iter()
        .find(|(alias, _)| *alias == typed)
        .map_or(typed.as_str(), |&(_, standard)| standard);
    match Encoding::for_label(standard.as_bytes()) {
        Some(encoding) if encoding != encoding_rs::REPLACEMENT => Ok(encoding),
        _ => Err(DecodeError::UnknownEncoding(label.to_owned())),
    }
}

/// Decodes one file's bytes to text, detecting the encoding unless one is
/// `forced` (see the module docs for the detection order).
///
/// The text returned:
/// - has no byte order mark and no NUL characters (NULs only come from
///   UTF-16 read the wrong way or from padding, and would break later
///   stages);
/// - keeps every line ending as written (`\n`, `\r\n` or a lone `\r`) and
///   every other character, including tabs, form feeds and U+FEFF inside
///   the text: splitting lines is the next stage's job;
/// - holds one U+FFFD per byte sequence that did not decode, counted in
///   [`Decoded::replaced`].
///
/// A forced GBK is decoded and reported as GB18030: the Encoding Standard
/// gives both the same decoder.
///
/// # Errors
///
/// [`DecodeError::Empty`] for no bytes, [`DecodeError::Binary`] for a binary
/// signature or a text sample with too many control characters or
/// undecodable bytes, [`DecodeError::Blank`] for text that is only white
/// space. Never panics, whatever the bytes.
pub fn decode(bytes: &[u8], forced: Option<&'static Encoding>) -> Result<Decoded, DecodeError> {
    if bytes.is_empty() {
        return Err(DecodeError::Empty);
    }
    if let Some(what) = sniff_signature(bytes) {
        return Err(DecodeError::Binary { what });
    }
    let source = match forced {
        Some(encoding) => Source::forced(encoding, bytes),
        None => Source::detect(bytes)?,
    };
    let encoding = if source.encoding == GBK {
        GB18030
    } else {
        source.encoding
    };
    let (mut text, replaced) = match source.valid {
        Some(valid) => (valid.to_owned(), 0),
        None if encoding == UTF_8 => decode_utf8_lossy(source.body),
        None => decode_with(encoding, source.body),
    };
    // The fast path already knows there is no NUL: spare it a pass.
    if !source.nul_free && memchr::memchr(0, text.as_bytes()).is_some() {
        text.retain(|c| c != '\0');
    }
    if text.is_empty() {
        return Err(if source.body.is_empty() {
            DecodeError::Empty
        } else {
            DecodeError::Binary {
                what: "zero-filled data",
            }
        });
    }
    if source.plain {
        if text.chars().all(is_blank) {
            return Err(DecodeError::Blank);
        }
    } else {
        check_text(&text, replaced)?;
    }
    Ok(Decoded {
        text,
        encoding,
        replaced,
    })
}

/// The bytes to decode, in which encoding, and the text itself when
/// detection already proved them valid UTF-8 (so they are validated once).
struct Source<'a> {
    encoding: &'static Encoding,
    body: &'a [u8],
    valid: Option<&'a str>,
    /// The body is known to hold no NUL byte.
    nul_free: bool,
    /// Valid UTF-8 whose first bytes hold no stray control byte: the
    /// binary checks on the decoded text would find nothing.
    plain: bool,
}

impl<'a> Source<'a> {
    fn new(encoding: &'static Encoding, body: &'a [u8]) -> Self {
        Source {
            encoding,
            body,
            valid: None,
            nul_free: false,
            plain: false,
        }
    }

    /// A forced encoding: drop a byte order mark only if it is that
    /// encoding's own.
    fn forced(encoding: &'static Encoding, bytes: &'a [u8]) -> Self {
        let body = match Encoding::for_bom(bytes) {
            Some((bom_encoding, len)) if bom_encoding == encoding => &bytes[len..],
            _ => bytes,
        };
        Source::new(encoding, body)
    }

    /// Steps 4 to 8 of the detection order in the module docs.
    fn detect(bytes: &'a [u8]) -> Result<Self, DecodeError> {
        if let Some((encoding, len)) = Encoding::for_bom(bytes) {
            let body = &bytes[len..];
            check_utf16_body(encoding, body)?;
            return Ok(Source::new(encoding, body));
        }
        let prefix = &bytes[..bytes.len().min(SAMPLE_LEN)];
        // NULs anywhere, or other stray control bytes early on, are what
        // UTF-16 looks like when read as UTF-8 ("。" is `02 30`).
        let has_nul = memchr::memchr(0, bytes).is_some();
        let suspect = has_nul || has_stray_control_byte(prefix);
        let utf8 = valid_utf8(bytes);
        if let (Some(text), false) = (utf8, suspect) {
            return Ok(Source {
                encoding: UTF_8,
                body: bytes,
                valid: Some(text),
                nul_free: !has_nul,
                plain: true,
            });
        }
        if let Some(encoding) = sniff_utf16(prefix) {
            return Ok(Source::new(encoding, bytes));
        }
        if let Some(text) = utf8 {
            return Ok(Source {
                encoding: UTF_8,
                body: bytes,
                valid: Some(text),
                nul_free: !has_nul,
                plain: false,
            });
        }
        if is_truncated_utf8(bytes) {
            return Ok(Source::new(UTF_8, bytes));
        }
        let sample = Sample::of(bytes);
        if sample.is_mostly_utf8() {
            return Ok(Source::new(UTF_8, bytes));
        }
        Ok(Source::new(sample.guess_legacy(), bytes))
    }
}

/// A bounded window of a non-UTF-8 file for the legacy detectors: 16 KiB
/// from the start of the line holding the first non-ASCII byte (a long
/// ASCII preamble says nothing), ending after a newline when it is cut, so
/// no multibyte character is split (`0A` is never part of one in UTF-8,
/// GB18030 or Big5).
struct Sample<'a> {
    bytes: &'a [u8],
    /// The window stops before the end of the file in mid-line, so its last
    /// character may be cut.
    cut_mid_line: bool,
}

impl<'a> Sample<'a> {
    fn of(bytes: &'a [u8]) -> Self {
        let first_non_ascii = Encoding::ascii_valid_up_to(bytes);
        let start = memchr::memrchr(b'\n', &bytes[..first_non_ascii]).map_or(0, |i| i + 1);
        let rest = &bytes[start..];
        if rest.len() <= LEGACY_SAMPLE_LEN {
            return Sample {
                bytes: rest,
                cut_mid_line: false,
            };
        }
        let window = &rest[..LEGACY_SAMPLE_LEN];
        match memchr::memrchr(b'\n', window) {
            Some(end) => Sample {
                bytes: &window[..=end],
                cut_mid_line: false,
            },
            None => Sample {
                bytes: window,
                cut_mid_line: true,
            },
        }
    }

    /// UTF-8 with a few bad sequences: at most one per 50 valid multibyte
    /// characters. GBK or Big5 text read as UTF-8 fails far more often than
    /// that (most of its byte pairs are not UTF-8), while a UTF-8 file with
    /// a stray byte passes.
    fn is_mostly_utf8(&self) -> bool {
        let mut multibyte = 0usize;
        let mut errors = 0usize;
        // There are at most half as many multibyte characters as bytes,
        // so past this many errors the answer is no (GBK read as UTF-8
        // gets there within a few lines).
        let most_errors = self.bytes.len() / 2 / 50;
        let mut chunks = self.bytes.utf8_chunks().peekable();
        while let Some(chunk) = chunks.next() {
            if errors > most_errors {
                return false;
            }
            // Lead bytes of multibyte characters are 0xC0 and above.
            multibyte += chunk.valid().bytes().filter(|&b| b >= 0xC0).count();
            let cut_at_end = self.cut_mid_line && chunks.peek().is_none();
            if !chunk.invalid().is_empty() && !cut_at_end {
                errors += 1;
            }
        }
        multibyte > 0 && errors.saturating_mul(50) <= multibyte
    }

    /// GB18030 or Big5, by chardetng or, when it names neither, by fewer
    /// decoding errors.
    fn guess_legacy(&self) -> &'static Encoding {
        // GBK text almost always has trail bytes (0x80–0xA0) that Big5
        // never uses, while Big5 text is well-formed GBK byte for byte.
        // So a sample Big5 cannot decode is GB18030, and chardetng (slow:
        // about 4 MiB/s) is only asked when Big5 remains possible.
        if has_malformed(BIG5, self.bytes) {
            return GB18030;
        }
        let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
        detector.feed(self.bytes, !self.cut_mid_line);
        // No TLD hint: `cn` would turn Big5 into GBK.
        let guess = detector.guess(None, Utf8Detection::Deny);
        let big5 = guess == BIG5
            || (guess != GBK
                && guess != GB18030
                && count_malformed(BIG5, self.bytes) < count_malformed(GB18030, self.bytes));
        if big5 { BIG5 } else { GB18030 }
    }
}

/// Binary signatures at offset 0, and what the file then looks like.
///
/// Only signatures of four bytes or more (or three very unlikely ones) are
/// listed, so that no plain text can start with one by chance.
#[rustfmt::skip]
static SIGNATURES: &[(&[u8], &str)] = &[
    (b"\x89PNG\r\n\x1a\n",                 "a PNG image"),
    (b"\xff\xd8\xff",                      "a JPEG image"),
    (b"GIF87a",                            "a GIF image"),
    (b"GIF89a",                            "a GIF image"),
    (b"%PDF",                              "a PDF document"),
    (b"PK\x03\x04",                        "a ZIP archive (DOCX, XLSX or similar)"),
    (b"PK\x05\x06",                        "a ZIP archive (DOCX, XLSX or similar)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",  "an OLE file (DOC, XLS or similar)"),
    (b"{\\rtf",                            "an RTF document"),
    (b"\x1f\x8b\x08",                      "a gzip archive"),
    (b"BZh",                               "a bzip2 archive"),
    (b"\xfd7zXZ\x00",                      "an xz archive"),
    (b"\x28\xb5\x2f\xfd",                  "a zstd archive"),
    (b"7z\xbc\xaf\x27\x1c",                "a 7z archive"),
    (b"Rar!\x1a\x07",                      "a RAR archive"),
    (b"\x7fELF",                           "an ELF executable"),
    (b"II*\x00",                           "a TIFF image"),
    (b"MM\x00*",                           "a TIFF image"),
    (b"SQLite format 3\x00",               "an SQLite database"),
];

fn sniff_signature(bytes: &[u8]) -> Option<&'static str> {
    if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        return Some("a WebP image");
    }
    SIGNATURES
        .iter()
        .find(|(magic, _)| match *magic {
            // "BZh" is text-like; demand the block size digit and the block
            // magic (or end-of-stream magic) that follow it.
            b"BZh" => {
                bytes.len() >= 10
                    && bytes.starts_with(b"BZh")
                    && (b'1'..=b'9').contains(&bytes[3])
                    && (&bytes[4..10] == b"1AY&SY" || &bytes[4..10] == b"\x17rE8P\x90")
            }
            magic => bytes.starts_with(magic),
        })
        .map(|(_, what)| *what)
}

/// Byte order of 16-bit code units.
#[derive(Clone, Copy)]
enum Order {
    Little,
    Big,
}

/// What a prefix looks like when read as UTF-16 in one byte order.
#[derive(Debug, Default)]
struct Utf16Profile {
    units: usize,
    /// Code units a Chinese report plausibly holds (see [`plausible_unit`]),
    /// surrogates only in valid pairs.
    plausible: usize,
    /// Code units `00 xx` with `xx` an ASCII letter, digit, punctuation,
    /// space, tab, CR or LF: the NUL pattern of ASCII in UTF-16.
    ascii: usize,
}

impl Utf16Profile {
    fn of(prefix: &[u8], order: Order) -> Self {
        let mut profile = Utf16Profile::default();
        let mut units = prefix.chunks_exact(2).map(|pair| match order {
            Order::Little => u16::from_le_bytes([pair[0], pair[1]]),
            Order::Big => u16::from_be_bytes([pair[0], pair[1]]),
        });
        let mut pending = units.next();
        while let Some(unit) = pending {
            profile.units += 1;
            pending = units.next();
            if (0xD800..0xDC00).contains(&unit) {
                if let Some(0xDC00..=0xDFFF) = pending {
                    profile.units += 1;
                    profile.plausible += 2;
                    pending = units.next();
                }
                continue;
            }
            if plausible_unit(unit) {
                profile.plausible += 1;
            }
            if matches!(unit, 0x09 | 0x0A | 0x0D | 0x20..=0x7E) {
                profile.ascii += 1;
            }
        }
        profile
    }

    /// Plausible share in percent.
    fn percent(&self) -> usize {
        self.plausible * 100 / self.units.max(1)
    }
}

/// Whether a BMP code unit is something a Chinese report holds: ASCII,
/// Latin-1 and the pinyin letters, Greek and Cyrillic (in GB2312),
/// punctuation, number forms, arrows, maths, enclosed numbers, box drawing,
/// shapes, symbols and dingbats (“”…Ⅳ→≥①■★✓), CJK punctuation, kana and
/// bopomofo, enclosed CJK and compatibility units (㈠㎡), the unified
/// ideographs U+4E00–9FFF, the compatibility ideographs in GBK, CJK
/// compatibility and small forms, full-width forms, U+FEFF, and the
/// symbol-font private use block U+F000–F0FF that Word uses for bullets.
///
/// Rare blocks (extension A, radicals, braille) are left out on purpose:
/// the fewer values pass, the worse random data or the wrong byte order
/// scores (about 38 % of all values pass), while a real text with a few
/// rare characters stays well above 95 %.
fn plausible_unit(unit: u16) -> bool {
    matches!(
        unit,
        0x09 | 0x0A | 0x0C | 0x0D
            | 0x20..=0x7E
            | 0xA0..=0xFF
            | 0x100..=0x1DC
            | 0x2C7..=0x2D9
            | 0x391..=0x3C9
            | 0x401..=0x451
            | 0x2000..=0x23FF
            | 0x2460..=0x27BF
            | 0x3000..=0x312F
            | 0x3200..=0x33FF
            | 0x4E00..=0x9FFF
            | 0xF000..=0xF0FF
            | 0xFA0C..=0xFA29
            | 0xFE10..=0xFE1F
            | 0xFE30..=0xFE6F
            | 0xFEFF
            | 0xFF00..=0xFFEF
    )
}

/// UTF-16 without a byte order mark, judged on a prefix (step 6 in the
/// module docs).
///
/// ASCII text read as UTF-16 also looks like CJK ("ab" is U+6261), so a
/// high plausible share alone proves nothing. One byte order must win
/// clearly: either the other order scores at most 85 % (true for Chinese
/// text, whose swapped units scatter over the whole code space, and for
/// ASCII whose newlines swap to U+0A00), or the ASCII units `00 xx` are at
/// least two and four times as many as in the other order (long ASCII lines
/// in UTF-16, whose swapped units are mostly plausible CJK).
fn sniff_utf16(prefix: &[u8]) -> Option<&'static Encoding> {
    if neither_order_can_win(prefix) {
        return None;
    }
    let le = Utf16Profile::of(prefix, Order::Little);
    let be = Utf16Profile::of(prefix, Order::Big);
    if le.units < 2 {
        return None;
    }
    let wins = |this: &Utf16Profile, other: &Utf16Profile| {
        this.percent() >= 95
            && (other.percent() <= 85
                || (this.ascii >= 2 && this.ascii >= other.ascii.saturating_mul(4)))
    };
    match (wins(&le, &be), wins(&be, &le)) {
        (true, false) => Some(UTF_16LE),
        (false, true) => Some(UTF_16BE),
        _ => None,
    }
}

/// True as soon as the prefix read as UTF-16 in either byte order holds
/// more than 5 % units that are surely implausible (not plausible, not a
/// surrogate), so that neither order can reach the 95 % that
/// [`sniff_utf16`] asks for. GB18030 and Big5 files, which reach this test,
/// fail it within a few hundred bytes instead of two full profiles.
fn neither_order_can_win(prefix: &[u8]) -> bool {
    let units = prefix.len() / 2;
    let limit = units * 5 / 100;
    let surely_implausible = |unit: u16| !plausible_unit(unit) && !(0xD800..0xE000).contains(&unit);
    let (mut bad_le, mut bad_be) = (0usize, 0usize);
    for pair in prefix.chunks_exact(2) {
        bad_le += usize::from(surely_implausible(u16::from_le_bytes([pair[0], pair[1]])));
        bad_be += usize::from(surely_implausible(u16::from_be_bytes([pair[0], pair[1]])));
        if bad_le > limit && bad_be > limit {
            return true;
        }
    }
    false
}

/// Checks that what follows a UTF-16 byte order mark is text.
///
/// Decoded as UTF-16, any bytes give characters, rarely controls or U+FFFD,
/// so the checks on decoded text would pass binary data that happens to
/// start with `FF FE` or `FE FF`. Real UTF-16 text scores ~100 % plausible
/// code units and random data ~38 %; below 60 % the file is refused.
fn check_utf16_body(encoding: &'static Encoding, body: &[u8]) -> Result<(), DecodeError> {
    let order = if encoding == UTF_16LE {
        Order::Little
    } else if encoding == UTF_16BE {
        Order::Big
    } else {
        return Ok(());
    };
    let profile = Utf16Profile::of(&body[..body.len().min(SAMPLE_LEN)], order);
    if profile.units > 0 && profile.percent() < 60 {
        return Err(DecodeError::Binary {
            what: "binary data (a UTF-16 byte order mark, then no text)",
        });
    }
    Ok(())
}

/// Counts the byte sequences `encoding` cannot decode in `bytes`, in
/// constant memory.
/// True when `bytes` are not well-formed in `encoding`; stops at the first
/// error, which in GBK text comes within a few characters.
fn has_malformed(encoding: &'static Encoding, bytes: &[u8]) -> bool {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let mut scratch = [0u8; 4096];
    let mut src = bytes;
    loop {
        let (result, read, _) = decoder.decode_to_utf8_without_replacement(src, &mut scratch, true);
        src = &src[read..];
        match result {
            DecoderResult::InputEmpty => return false,
            DecoderResult::OutputFull => {}
            DecoderResult::Malformed(_, _) => return true,
        }
    }
}

fn count_malformed(encoding: &'static Encoding, bytes: &[u8]) -> usize {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let mut scratch = [0u8; 4096];
    let mut src = bytes;
    let mut malformed = 0;
    loop {
        let (result, read, _) = decoder.decode_to_utf8_without_replacement(src, &mut scratch, true);
        src = &src[read..];
        match result {
            DecoderResult::InputEmpty => return malformed,
            DecoderResult::OutputFull => {}
            DecoderResult::Malformed(_, _) => malformed += 1,
        }
    }
}

/// The bytes as text, if they are valid UTF-8.
///
/// encoding_rs validates Chinese UTF-8 at ~3.7 GiB/s where
/// `std::str::from_utf8` manages ~0.5 GiB/s (it walks non-ASCII text one
/// character at a time); for valid UTF-8 it borrows, no copy.
fn valid_utf8(bytes: &[u8]) -> Option<&str> {
    match UTF_8.decode_without_bom_handling_and_without_replacement(bytes) {
        Some(Cow::Borrowed(text)) => Some(text),
        _ => None,
    }
}

/// Whether the bytes are valid UTF-8 except for one multibyte sequence cut
/// off by the end of the input: a truncated UTF-8 file, not another
/// encoding.
fn is_truncated_utf8(bytes: &[u8]) -> bool {
    let tail = &bytes[Encoding::utf8_valid_up_to(bytes)..];
    // A cut-off sequence is at most 3 bytes; `error_len() == None` means
    // "valid so far, input ended".
    !tail.is_empty()
        && tail.len() < 4
        && std::str::from_utf8(tail).is_err_and(|e| e.error_len().is_none())
}

/// UTF-8 with one U+FFFD per maximal invalid subpart (as the Encoding
/// Standard and `String::from_utf8_lossy` do), counting them.
fn decode_utf8_lossy(bytes: &[u8]) -> (String, usize) {
    if let Some(text) = valid_utf8(bytes) {
        return (text.to_owned(), 0);
    }
    let mut text = String::with_capacity(bytes.len() + 2);
    let mut replaced = 0;
    for chunk in bytes.utf8_chunks() {
        text.push_str(chunk.valid());
        if !chunk.invalid().is_empty() {
            text.push(char::REPLACEMENT_CHARACTER);
            replaced += 1;
        }
    }
    (text, replaced)
}

/// Any encoding through encoding_rs, with no byte order mark handling,
/// counting each malformed sequence replaced by U+FFFD.
fn decode_with(encoding: &'static Encoding, bytes: &[u8]) -> (String, usize) {
    /// Malformed sequences decoded straight into the string; after them,
    /// through a fixed buffer. Decoding into the string is the faster way,
    /// but encoding_rs readies its spare room at every call, and every
    /// malformed sequence ends a call: a text with many of them took the
    /// square of its length.
    const STRAIGHT: usize = 16;
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let capacity = decoder
        .max_utf8_buffer_length_without_replacement(bytes.len())
        .unwrap_or(bytes.len());
    let mut text = String::with_capacity(capacity);
    let mut scratch = Vec::new();
    let mut src = bytes;
    let mut replaced = 0;
    loop {
        let (result, read) = if replaced < STRAIGHT {
            decoder.decode_to_string_without_replacement(src, &mut text, true)
        } else {
            scratch.resize(16 * 1024, 0);
            let (result, read, written) =
                decoder.decode_to_utf8_without_replacement(src, &mut scratch, true);
            // the decoder writes whole characters
            if let Some(Ok(decoded)) = scratch.get(..written).map(std::str::from_utf8) {
                text.push_str(decoded);
            }
            (result, read)
        };
        src = &src[read..];
        match result {
            DecoderResult::InputEmpty => return (text, replaced),
            DecoderResult::OutputFull => {
                let more = decoder
                    .max_utf8_buffer_length_without_replacement(src.len())
                    .unwrap_or(src.len());
                text.reserve(more.max(16));
            }
            DecoderResult::Malformed(_, _) => {
                text.push(char::REPLACEMENT_CHARACTER);
                replaced += 1;
            }
        }
    }
}

/// How many control characters or replacements a sample needs before its
/// share can make it binary.
const MIN_SUSPECT: usize = 4;

/// A control character that plain text does not hold: C0 controls other
/// than tab, line feed, vertical tab, form feed and carriage return (Word
/// and PDF exports use the last four for breaks), DEL, and C1 controls.
fn is_stray_control(c: char) -> bool {
    matches!(c, '\0'..='\x08' | '\x0E'..='\x1F' | '\x7F'..='\u{9F}')
}

/// The bytes of [`is_stray_control`]'s C0 controls and DEL.
fn is_stray_control_byte(b: u8) -> bool {
    matches!(b, 0x00..=0x08 | 0x0E..=0x1F | 0x7F)
}

/// Whether any byte is one of [`is_stray_control_byte`]'s, tested a block
/// at a time without branching so that the compiler vectorises it: every
/// UTF-8 file goes through this test.
fn has_stray_control_byte(bytes: &[u8]) -> bool {
    let blocks = bytes.chunks_exact(64);
    let rest = blocks.remainder();
    blocks.into_iter().any(|block| {
        block
            .iter()
            .fold(0u8, |found, &b| found | u8::from(is_stray_control_byte(b)))
            != 0
    }) || rest.iter().any(|&b| is_stray_control_byte(b))
}

/// White space, plus the zero-width characters that may pad an empty
/// export, for the blank-file check.
fn is_blank(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200B}' | '\u{FEFF}')
}

/// Rejects decoded text that is binary or blank.
///
/// Thresholds, on the first 64 KiB of text:
/// - more than 10 % stray control characters: text exports hold none, while
///   binary data decoded as text gives 15–30 % (32 of the 128 ASCII byte
///   values are controls, and binary formats are rich in small integers);
///   10 % leaves room for a short text with a few stray escapes;
/// - more than 10 % U+FFFD, when decoding replaced anything: a damaged
///   text file has a few, while binary data through GB18030 or Big5 gives
///   one in ten characters or more. Valid UTF-8 that already held U+FFFD is
///   text and is not judged on them.
///
/// Either count must also reach [`MIN_SUSPECT`]: one or two bad characters
/// in a tiny file (a UTF-8 file cut in mid-character, `a\x1B`) are damage,
/// not proof of binary data, and are reported through
/// [`Decoded::replaced`] instead.
fn check_text(text: &str, replaced: usize) -> Result<(), DecodeError> {
    let mut end = text.len().min(SAMPLE_LEN);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let sample = &text[..end];
    // The usual case, told from the bytes: no C0 control or DEL, no C1
    // control (C2 80–C2 9F) and nothing replaced, so nothing to count.
    let bytes = sample.as_bytes();
    let suspect = replaced > 0
        || has_stray_control_byte(bytes)
        || memchr::memchr_iter(0xC2, bytes)
            .any(|at| bytes.get(at + 1).is_some_and(|&next| next < 0xA0));
    if suspect {
        check_sample(sample, replaced)?;
    }
    if text.chars().all(is_blank) {
        return Err(DecodeError::Blank);
    }
    Ok(())
}

/// [`check_text`]'s counts of control characters and replacements in a
/// sample that may hold some.
fn check_sample(sample: &str, replaced: usize) -> Result<(), DecodeError> {
    let (mut chars, mut controls, mut replacements) = (0usize, 0usize, 0usize);
    for c in sample.chars() {
        chars += 1;
        if is_stray_control(c) {
            controls += 1;
        } else if c == char::REPLACEMENT_CHARACTER {
            replacements += 1;
        }
    }
    if controls >= MIN_SUSPECT && controls * 10 > chars {
        return Err(DecodeError::Binary {
            what: "binary data (many control characters)",
        });
    }
    if replaced > 0 && replacements >= MIN_SUSPECT && replacements * 10 > chars {
        return Err(DecodeError::Binary {
            what: "binary data (many bytes that do not decode)",
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const WULONG: &str = include_str!("../fixtures/wulong-2020.txt");
    const ANJU: &str = include_str!("../fixtures/anju-2020.txt");
    const FIXTURES: [&str; 4] = [
        WULONG,
        ANJU,
        include_str!("../fixtures/yuancheng-2020.txt"),
        include_str!("../fixtures/zhucheng-2020.txt"),
    ];
    /// The fixtures are simplified Chinese, which Big5 cannot encode.
    const TRADITIONAL: &str = "重慶市武隆區圖書館 2020 年年報，館藏量 180383 冊，大事記\r\n\
        本館全年接待讀者 241122 人次，舉辦閱讀推廣活動 103 場。\r\n";

    fn utf16(text: &str, order: Order) -> Vec<u8> {
        text.encode_utf16()
            .flat_map(|unit| match order {
                Order::Little => unit.to_le_bytes(),
                Order::Big => unit.to_be_bytes(),
            })
            .collect()
    }

    fn with_prefix(prefix: &[u8], body: &[u8]) -> Vec<u8> {
        [prefix, body].concat()
    }

    /// The first `n` non-empty lines of a fixture, joined by `\n`.
    fn lines(text: &str, n: usize) -> String {
        let lines: Vec<&str> = text
            .lines()
            .filter(|l| !l.trim().is_empty())
            .take(n)
            .collect();
        lines.join("\n")
    }

    fn gb18030(text: &str) -> Vec<u8> {
        let (bytes, _, unmappable) = GB18030.encode(text);
        assert!(!unmappable);
        bytes.into_owned()
    }

    fn big5(text: &str) -> Vec<u8> {
        let (bytes, _, unmappable) = BIG5.encode(text);
        assert!(!unmappable, "Big5 cannot encode {text:?}");
        bytes.into_owned()
    }

    #[track_caller]
    fn ok(bytes: &[u8]) -> Decoded {
        decode(bytes, None).unwrap_or_else(|e| panic!("decode failed: {e}"))
    }

    #[track_caller]
    fn err(bytes: &[u8]) -> DecodeError {
        match decode(bytes, None) {
            Ok(decoded) => panic!("decoded as {}: {:?}", decoded.encoding_name(), decoded.text),
            Err(e) => e,
        }
    }

    #[track_caller]
    fn assert_decodes(bytes: &[u8], name: &str, text: &str) {
        let decoded = ok(bytes);
        assert_eq!(decoded.encoding_name(), name);
        assert_eq!(decoded.text, text);
        assert_eq!(decoded.replaced, 0);
    }

    // Byte order marks.

    #[test]
    fn utf8_bom() {
        assert_decodes(
            &with_prefix(b"\xEF\xBB\xBF", WULONG.as_bytes()),
            "UTF-8",
            WULONG,
        );
    }

    #[test]
    fn utf16le_bom() {
        let bytes = with_prefix(b"\xFF\xFE", &utf16(WULONG, Order::Little));
        assert_decodes(&bytes, "UTF-16LE", WULONG);
    }

    #[test]
    fn utf16be_bom() {
        let bytes = with_prefix(b"\xFE\xFF", &utf16(WULONG, Order::Big));
        assert_decodes(&bytes, "UTF-16BE", WULONG);
    }

    #[test]
    fn bom_alone_is_empty() {
        for bom in [&b"\xEF\xBB\xBF"[..], b"\xFF\xFE", b"\xFE\xFF"] {
            assert_eq!(err(bom), DecodeError::Empty, "{bom:?}");
        }
    }

    #[test]
    fn binary_behind_utf16_bom() {
        let mut bytes = b"\xFE\xFF".to_vec();
        bytes.extend((0u32..4000).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8));
        assert!(matches!(err(&bytes), DecodeError::Binary { .. }));
    }

    // UTF-16 without a byte order mark.

    #[test]
    fn utf16le_without_bom() {
        let text = lines(ANJU, 30);
        assert_decodes(&utf16(&text, Order::Little), "UTF-16LE", &text);
    }

    #[test]
    fn utf16be_without_bom() {
        let text = lines(ANJU, 30);
        assert_decodes(&utf16(&text, Order::Big), "UTF-16BE", &text);
    }

    #[test]
    fn utf16_without_bom_whole_reports() {
        for text in FIXTURES {
            assert_decodes(&utf16(text, Order::Little), "UTF-16LE", text);
            assert_decodes(&utf16(text, Order::Big), "UTF-16BE", text);
        }
    }

    #[test]
    fn utf16_without_bom_or_nul() {
        // No ASCII, so no NUL byte at all: only the code units tell.
        let text = "重庆市武隆区图书馆年度工作总结";
        assert_decodes(&utf16(text, Order::Little), "UTF-16LE", text);
        assert_decodes(&utf16(text, Order::Big), "UTF-16BE", text);
    }

    #[test]
    fn utf16_without_bom_ascii_only() {
        let text = "Annual report 2020\r\nWulong District Library\r\n";
        assert_decodes(&utf16(text, Order::Little), "UTF-16LE", text);
        assert_decodes(&utf16(text, Order::Big), "UTF-16BE", text);
    }

    #[test]
    fn utf16_without_bom_long_ascii_lines() {
        // Swapped, long ASCII lines look like CJK; the NUL side decides.
        let text = "The library lent 234991 volumes to 241122 readers in 2020. ".repeat(40);
        assert_decodes(&utf16(&text, Order::Little), "UTF-16LE", &text);
        assert_decodes(&utf16(&text, Order::Big), "UTF-16BE", &text);
    }

    #[test]
    fn utf16_without_bom_larger_than_sample() {
        let text = WULONG.repeat(4);
        assert!(text.len() * 2 > SAMPLE_LEN);
        assert_decodes(&utf16(&text, Order::Little), "UTF-16LE", &text);
    }

    // GB18030 and Big5.

    #[test]
    fn gb18030_report() {
        for text in FIXTURES {
            assert_decodes(&gb18030(text), "GB18030", text);
        }
    }

    #[test]
    fn gb18030_short_lines() {
        for text in [
            "重庆市武隆区图书馆 2020 年年报",
            "2020 年我馆累计有效读者卡 12334 个，流通人次 241122 人次。",
            "三、2020 年大事记",
        ] {
            assert_decodes(&gb18030(text), "GB18030", text);
        }
    }

    #[test]
    fn gb18030_four_byte_sequences() {
        // ǹ and 𠀀 are outside GBK: four-byte sequences in GB18030.
        let text = format!("{}\n拼音 ǹ 与 𠀀 字\n", lines(WULONG, 10));
        assert_decodes(&gb18030(&text), "GB18030", &text);
    }

    #[test]
    fn gb18030_after_long_ascii_preamble() {
        let text = format!(
            "{}{}",
            "Annual report, plain ASCII header line.\n".repeat(3000),
            WULONG
        );
        assert!(text.len() > 2 * LEGACY_SAMPLE_LEN);
        assert_decodes(&gb18030(&text), "GB18030", &text);
    }

    #[test]
    fn gb18030_larger_than_sample() {
        let text = WULONG.repeat(8);
        assert_decodes(&gb18030(&text), "GB18030", &text);
    }

    #[test]
    fn big5_traditional_report() {
        assert_decodes(&big5(TRADITIONAL), "Big5", TRADITIONAL);
    }

    #[test]
    fn big5_single_line() {
        let text = "重慶市武隆區圖書館 2020 年年報，館藏量 180383 冊，大事記";
        assert_decodes(&big5(text), "Big5", text);
    }

    #[test]
    fn big5_without_newlines_larger_than_sample() {
        // The sample is then cut in mid-line, perhaps inside a character.
        let text = "重慶市武隆區圖書館年報，館藏量 180383 冊，大事記。".repeat(2000);
        assert!(text.len() > SAMPLE_LEN);
        let bytes = big5(&text);
        let sample = Sample::of(&bytes);
        assert!(sample.cut_mid_line);
        assert_eq!(sample.bytes.len(), LEGACY_SAMPLE_LEN);
        assert_decodes(&big5(&text), "Big5", &text);
    }

    // UTF-8.

    #[test]
    fn ascii_only() {
        let text = "Wulong District Library\r\nAnnual report 2020\n";
        assert_decodes(text.as_bytes(), "UTF-8", text);
    }

    #[test]
    fn utf8_reports() {
        for text in FIXTURES {
            assert_decodes(text.as_bytes(), "UTF-8", text);
        }
    }

    #[test]
    fn truncated_utf8_at_end() {
        // 馆 is E9 A6 86; the file stops after E9 A6.
        let mut bytes = WULONG.as_bytes().to_vec();
        bytes.extend_from_slice(b"\xE9\xA6");
        let decoded = ok(&bytes);
        assert_eq!(decoded.encoding_name(), "UTF-8");
        assert_eq!(decoded.replaced, 1);
        assert_eq!(decoded.text, format!("{WULONG}\u{FFFD}"));

        let decoded = ok(b"\xE5\x9B\xBE\xE4\xB9\xA6\xE9\xA6");
        assert_eq!(decoded.encoding_name(), "UTF-8");
        assert_eq!(
            (decoded.text.as_str(), decoded.replaced),
            ("图书\u{FFFD}", 1)
        );
    }

    #[test]
    fn stray_bytes_in_utf8_stay_utf8() {
        let mut bytes = WULONG.as_bytes().to_vec();
        bytes.insert(0, b'\xFF');
        bytes.insert(bytes.len() / 2, b'\xFF');
        let decoded = ok(&bytes);
        assert_eq!(decoded.encoding_name(), "UTF-8");
        assert_eq!(decoded.replaced, 2);
        assert_eq!(decoded.text.replace('\u{FFFD}', ""), WULONG);
    }

    #[test]
    fn sample_cut_inside_a_character_is_not_an_error() {
        let bytes = b"\xE5\x9B\xBE\xE4\xB9\xA6\xE9\xA6";
        let cut = Sample {
            bytes,
            cut_mid_line: true,
        };
        assert!(cut.is_mostly_utf8());
        let whole = Sample {
            bytes,
            cut_mid_line: false,
        };
        assert!(!whole.is_mostly_utf8());
    }

    #[test]
    fn stray_byte_in_long_utf8_line() {
        let text = format!("a图{}", "图书馆年报".repeat(5000));
        let mut bytes = text.as_bytes().to_vec();
        bytes.insert(4, 0xFF);
        let decoded = ok(&bytes);
        assert_eq!((decoded.encoding_name(), decoded.replaced), ("UTF-8", 1));
    }

    #[test]
    fn replacement_characters_already_in_utf8_are_not_counted() {
        let text = "图书馆\u{FFFD}\u{FFFD}年报";
        assert_decodes(text.as_bytes(), "UTF-8", text);
    }

    #[test]
    fn replacements_counted_in_gb18030() {
        // FF is never valid in GB18030; 81 30 is a four-byte sequence cut short.
        let mut bytes = gb18030(WULONG);
        bytes.insert(200, 0xFF);
        bytes.insert(400, 0xFF);
        bytes.extend_from_slice(b"\x81\x30");
        let decoded = ok(&bytes);
        assert_eq!(decoded.encoding_name(), "GB18030");
        assert_eq!(decoded.replaced, 3);
        assert_eq!(decoded.text.matches('\u{FFFD}').count(), 3);
    }

    #[test]
    fn replacements_counted_in_utf16() {
        // An unpaired surrogate, and an odd byte at the end.
        let mut bytes = b"\xFF\xFE".to_vec();
        bytes.extend(utf16("图书馆年报", Order::Little));
        bytes.extend_from_slice(b"\x00\xD8");
        bytes.extend(utf16("大事记", Order::Little));
        bytes.push(b'x');
        let decoded = ok(&bytes);
        assert_eq!(decoded.replaced, 2);
        assert_eq!(decoded.text, "图书馆年报\u{FFFD}大事记\u{FFFD}");
    }

    // What the text keeps and drops.

    #[test]
    fn nul_bytes_are_removed() {
        assert_decodes("图书馆年报\n\0\0\0\0".as_bytes(), "UTF-8", "图书馆年报\n");
        assert_decodes(b"Library\0 report\n", "UTF-8", "Library report\n");
        let mut bytes = gb18030("图书馆年报\n");
        bytes.extend_from_slice(&[0; 8]);
        assert_eq!(ok(&bytes).text, "图书馆年报\n");
    }

    #[test]
    fn line_endings_are_kept() {
        let text = "甲\r\n乙\r丙\n丁";
        assert_decodes(text.as_bytes(), "UTF-8", text);
        assert_decodes(&gb18030(text), "GB18030", text);
        assert_decodes(
            &with_prefix(b"\xFF\xFE", &utf16(text, Order::Little)),
            "UTF-16LE",
            text,
        );
    }

    // Errors.

    #[test]
    fn empty() {
        assert_eq!(err(b""), DecodeError::Empty);
        assert_eq!(DecodeError::Empty.to_string(), "empty file");
    }

    #[test]
    fn white_space_only() {
        for text in [
            " ",
            "\n",
            "\r\n\r\n",
            " \t\r\n",
            "\u{3000}\u{3000}\r\n",
            "\u{FEFF}\u{200B} \n",
        ] {
            assert_eq!(err(text.as_bytes()), DecodeError::Blank, "{text:?}");
        }
        assert_eq!(
            err(&gb18030("\u{3000}\u{3000}\r\n  \r\n")),
            DecodeError::Blank
        );
        let bytes = with_prefix(b"\xFF\xFE", &utf16("\u{3000} \r\n", Order::Little));
        assert_eq!(err(&bytes), DecodeError::Blank);
        assert_eq!(err(b"\xEF\xBB\xBF\r\n"), DecodeError::Blank);
        assert_eq!(
            DecodeError::Blank.to_string(),
            "file holds only white space"
        );
    }

    #[test]
    fn zero_filled() {
        let e = err(&[0; 100]);
        assert_eq!(e.to_string(), "not text: looks like zero-filled data");
    }

    macro_rules! signature_tests {
        ($($name:ident: $bytes:expr => $what:expr;)*) => {$(
            #[test]
            fn $name() {
                let mut bytes = $bytes.to_vec();
                bytes.extend_from_slice("图书馆年报 2020\n".as_bytes());
                assert_eq!(err(&bytes), DecodeError::Binary { what: $what });
                // Forcing an encoding does not turn them into text.
                assert_eq!(decode(&bytes, Some(GB18030)), Err(DecodeError::Binary { what: $what }));
            }
        )*};
    }

    signature_tests! {
        png: b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR" => "a PNG image";
        jpeg: b"\xFF\xD8\xFF\xE0\0\x10JFIF\0" => "a JPEG image";
        gif: b"GIF89a\x01\0\x01\0" => "a GIF image";
        gif87: b"GIF87a" => "a GIF image";
        pdf: b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n" => "a PDF document";
        zip_docx: b"PK\x03\x04\x14\0\x06\0" => "a ZIP archive (DOCX, XLSX or similar)";
        zip_empty: b"PK\x05\x06" => "a ZIP archive (DOCX, XLSX or similar)";
        ole_doc: b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" => "an OLE file (DOC, XLS or similar)";
        rtf: b"{\\rtf1\\ansi\\ansicpg936" => "an RTF document";
        gzip: b"\x1F\x8B\x08\0" => "a gzip archive";
        bzip2: b"BZh91AY&SY" => "a bzip2 archive";
        xz: b"\xFD7zXZ\0\0" => "an xz archive";
        zstd: b"\x28\xB5\x2F\xFD" => "a zstd archive";
        seven_zip: b"7z\xBC\xAF\x27\x1C\0\x04" => "a 7z archive";
        rar4: b"Rar!\x1A\x07\0" => "a RAR archive";
        rar5: b"Rar!\x1A\x07\x01\0" => "a RAR archive";
        elf: b"\x7FELF\x02\x01\x01\0" => "an ELF executable";
        tiff: b"II*\0\x08\0\0\0" => "a TIFF image";
        webp: b"RIFF\x24\0\0\0WEBPVP8 " => "a WebP image";
        sqlite: b"SQLite format 3\0" => "an SQLite database";
    }

    #[test]
    fn signature_display() {
        let e = err(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
        assert_eq!(e.to_string(), "not text: looks like a PNG image");
    }

    #[test]
    fn text_starting_like_a_short_signature_is_text() {
        // "BZh" alone is not bzip2.
        assert_decodes(b"BZh library report\n", "UTF-8", "BZh library report\n");
    }

    #[test]
    fn control_characters() {
        let mut bytes = b"report ".to_vec();
        bytes.extend((0..200u8).map(|i| 1 + i % 8));
        let e = err(&bytes);
        assert_eq!(
            e.to_string(),
            "not text: looks like binary data (many control characters)"
        );
        // A few stray controls in a report are kept.
        let text = format!("{WULONG}\x1B\x07\x1A");
        assert_decodes(text.as_bytes(), "UTF-8", &text);
    }

    #[test]
    fn random_bytes() {
        let mut state = 0x2545_F491_4F6C_DD1Du64;
        let bytes: Vec<u8> = (0..8192)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                (state >> 24) as u8
            })
            .collect();
        assert!(matches!(err(&bytes), DecodeError::Binary { .. }));
    }

    #[test]
    fn undecodable_bytes() {
        // Big5 lead bytes followed by bytes no Big5 trail byte can be.
        let bytes: Vec<u8> = b"\xA4\x20".repeat(300);
        assert_eq!(
            decode(&bytes, Some(BIG5)),
            Err(DecodeError::Binary {
                what: "binary data (many bytes that do not decode)"
            })
        );
    }

    // Forced encodings and labels.

    #[test]
    fn forced_encoding_overrides_detection() {
        let bytes = gb18030("图书馆年报");
        let decoded = decode(&bytes, Some(BIG5)).unwrap();
        assert_eq!(decoded.encoding_name(), "Big5");
        assert_ne!(decoded.text, "图书馆年报");

        let decoded = decode(
            &big5(TRADITIONAL),
            Some(encoding_for_label("big5").unwrap()),
        )
        .unwrap();
        assert_eq!(
            (decoded.encoding_name(), decoded.text.as_str()),
            ("Big5", TRADITIONAL)
        );
    }

    #[test]
    fn forced_gbk_is_reported_as_gb18030() {
        let decoded = decode(&gb18030(WULONG), Some(encoding_for_label("gbk").unwrap())).unwrap();
        assert_eq!(decoded.encoding, GB18030);
        assert_eq!(decoded.encoding_name(), "GB18030");
        assert_eq!(decoded.text, WULONG);
    }

    #[test]
    fn forced_encoding_drops_only_its_own_bom() {
        let bytes = with_prefix(b"\xFF\xFE", &utf16("年报", Order::Little));
        let decoded = decode(&bytes, Some(UTF_16LE)).unwrap();
        assert_eq!((decoded.text.as_str(), decoded.replaced), ("年报", 0));
        // Read as UTF-8, FF and FE are two bad bytes.
        let bytes = with_prefix(b"\xFF\xFE", "年报".as_bytes());
        let decoded = decode(&bytes, Some(UTF_8)).unwrap();
        assert_eq!(
            (decoded.text.as_str(), decoded.replaced),
            ("\u{FFFD}\u{FFFD}年报", 2)
        );
    }

    #[test]
    fn labels() {
        for (label, name) in [
            ("utf-8", "UTF-8"),
            ("UTF8", "UTF-8"),
            (" gbk ", "GBK"),
            ("GB2312", "GBK"),
            ("gb18030", "gb18030"),
            ("big5", "Big5"),
            ("Big5-HKSCS", "Big5"),
            ("utf-16le", "UTF-16LE"),
            ("utf-16", "UTF-16LE"),
            ("UTF-16BE", "UTF-16BE"),
        ] {
            assert_eq!(
                encoding_for_label(label).map(Encoding::name),
                Ok(name),
                "{label}"
            );
        }
    }

    #[test]
    fn unknown_labels() {
        for label in ["klingon", "", "utf-32", "iso-2022-kr", "replacement"] {
            assert_eq!(
                encoding_for_label(label),
                Err(DecodeError::UnknownEncoding(label.to_owned()))
            );
        }
        assert_eq!(
            encoding_for_label("klingon").unwrap_err().to_string(),
            "unknown or unsupported encoding \"klingon\" \
             (try utf-8, gb18030, gbk, big5, utf-16le or utf-16be)"
        );
    }

    #[test]
    fn decode_error_is_an_error() {
        let e: Box<dyn std::error::Error> = Box::new(DecodeError::Empty);
        assert_eq!(e.to_string(), "empty file");
    }

    #[test]
    fn is_lossy() {
        assert!(!ok(WULONG.as_bytes()).is_lossy());
        assert!(ok(b"report\xE9\xA6").is_lossy());
    }

    // Properties.

    proptest! {
        #[test]
        fn never_panics_and_never_returns_nul(bytes in proptest::collection::vec(any::<u8>(), 0..4096)) {
            if let Ok(decoded) = decode(&bytes, None) {
                prop_assert!(!decoded.text.contains('\0'));
                prop_assert!(!decoded.text.chars().all(is_blank));
                let replacements = decoded.text.matches(char::REPLACEMENT_CHARACTER).count();
                prop_assert!(decoded.replaced <= replacements);
            }
        }

        #[test]
        fn forced_encodings_never_panic(
            bytes in proptest::collection::vec(any::<u8>(), 0..2048),
            which in 0usize..6,
        ) {
            let encoding = [UTF_8, GB18030, GBK, BIG5, UTF_16LE, UTF_16BE][which];
            if let Ok(decoded) = decode(&bytes, Some(encoding)) {
                prop_assert!(!decoded.text.contains('\0'));
            }
        }

        #[test]
        fn the_byte_test_passes_over_only_samples_without_controls(
            text in "[a-z 图书馆\u{0}-\u{1f}\u{7f}-\u{a0}\u{b7}\u{fffd}]{0,64}",
            replaced in 0usize..2,
        ) {
            let counted = check_sample(&text, replaced)
                .and_then(|()| if text.chars().all(is_blank) { Err(DecodeError::Blank) } else { Ok(()) });
            prop_assert_eq!(check_text(&text, replaced).err().map(|e| e.to_string()), counted.err().map(|e| e.to_string()));
        }

        #[test]
        fn utf8_round_trips(text in any::<String>()) {
            let clean = !text.chars().any(|c| is_stray_control(c) || c == '\u{FEFF}')
                && !text.chars().all(is_blank);
            let result = decode(text.as_bytes(), None);
            if clean {
                let decoded = result.unwrap();
                prop_assert_eq!(decoded.encoding_name(), "UTF-8");
                prop_assert_eq!(decoded.text, text);
                prop_assert_eq!(decoded.replaced, 0);
            } else if let Ok(decoded) = result {
                prop_assert!(!decoded.text.contains('\0'));
            }
        }

        #[test]
        fn chinese_text_round_trips(text in "[\u{4e00}-\u{9fa5}，。、（）0-9a-z \r\n\u{3000}]{1,300}") {
            prop_assume!(!text.chars().all(is_blank));
            let decoded = decode(text.as_bytes(), None).unwrap();
            prop_assert_eq!(decoded.text, text);
        }
    }

    /// Throughput of the UTF-8 fast path; run with
    /// `cargo test --release --lib decode::tests::throughput -- --ignored --nocapture`.
    #[test]
    #[ignore = "timing, run by hand in release mode"]
    fn throughput() {
        let text = WULONG.repeat(10 * 1024 * 1024 / WULONG.len() + 1);
        let bytes = text.as_bytes();
        let runs = 20;
        let start = std::time::Instant::now();
        for _ in 0..runs {
            std::hint::black_box(decode(std::hint::black_box(bytes), None).unwrap());
        }
        let elapsed = start.elapsed().as_secs_f64();
        let start = std::time::Instant::now();
        for _ in 0..runs {
            std::hint::black_box(std::hint::black_box(bytes).to_vec());
        }
        let memcpy = start.elapsed().as_secs_f64();
        let mib = (bytes.len() * runs) as f64 / (1024.0 * 1024.0);
        println!(
            "decode UTF-8: {:.0} MiB/s; to_vec: {:.0} MiB/s ({:.1} MiB input)",
            mib / elapsed,
            mib / memcpy,
            bytes.len() as f64 / (1024.0 * 1024.0)
        );
        let gb = gb18030(&text);
        let start = std::time::Instant::now();
        std::hint::black_box(decode(&gb, None).unwrap());
        let secs = start.elapsed().as_secs_f64();
        println!(
            "decode GB18030: {:.0} MiB/s",
            gb.len() as f64 / (1024.0 * 1024.0) / secs
        );
    }
}
