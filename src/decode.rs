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
mod tests;
