//! Tests of decoding: detection, signatures, UTF-16 sniffing and the checks
//! of the decoded text.

use super::*;
use proptest::prelude::*;

const WULONG: &str = include_str!("../../fixtures/wulong-2020.txt");
const ANJU: &str = include_str!("../../fixtures/anju-2020.txt");
const FIXTURES: [&str; 4] = [
    WULONG,
    ANJU,
    include_str!("../../fixtures/yuancheng-2020.txt"),
    include_str!("../../fixtures/zhucheng-2020.txt"),
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
