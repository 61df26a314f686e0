//! Scans (`.png`, `.jpg`, `.tif`, and PDFs without a text layer) read by
//! an OCR engine, Tesseract, with its Simplified and Traditional Chinese
//! data, when it is installed; PDF pages are rendered to images by
//! `pdftoppm` (poppler-utils). Nothing here recognises characters itself.
//!
//! OCR text is approximate: the record says `"format": "ocr"` and carries
//! a warning that its figures need checking. Tesseract's TSV output gives
//! each word its confidence: a figure with a word under
//! [`MIN_CONFIDENCE`] in it is left out of the text whole (a figure with
//! one wrong digit is worse than none), with an `ocr_unsure` warning; a
//! wide gap between two words of a line is a table's column break (a
//! tab), so a scanned statistics table reads as a text's does. `--ocr never` turns OCR off,
//! `always` reads a PDF's pages by OCR even where it has text, `auto` (the
//! default) only where a file has none. Each image's size is read from its
//! header and refused past [`OCR_PIXELS`] before any tool runs,
//! and each tool is stopped after [`OCR_PAGE_SECONDS`] (and a document
//! after [`OCR_SECONDS`]).

use std::io::Read;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use super::{Reading, unreadable};
use crate::Options;
use crate::error::{Error, Unreadable};
use crate::tables::budget::{OCR_PAGE_SECONDS, OCR_PAGES, OCR_PIXELS, OCR_SECONDS};
use crate::tables::ocr::{FIGURE_JOINS, HAN_DIGITS, MULTIPLIERS, RULE_CHARS, RULE_MARKS};
use crate::tables::punctuation::WIDE_DIGITS;

/// Tesseract's word confidence (0–100) under which a word inside a figure
/// is not trusted: clean 300 dpi print reads at 85–96, a digit misread
/// (`0`/`O`, `1`/`l`, `8`/`3`) typically under 60.
pub const MIN_CONFIDENCE: f32 = 60.0;

pub use crate::tables::ocr::LEFT_OUT;

/// A figure OCR was unsure of, left out of the text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Unsure {
    /// The figure as OCR read it.
    pub text: String,
    /// Its line in the text.
    pub line: u32,
    /// The lowest confidence of its words, in percent.
    pub confidence: u8,
}

/// When OCR runs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum OcrMode {
    /// Only where a file has no text: images, PDFs without a text layer.
    #[default]
    Auto,
    /// Also for PDFs that have a text layer.
    Always,
    /// Never: scans fail with a clear error.
    Never,
}

/// The line that installs what OCR needs (Debian, Ubuntu).
pub const INSTALL: &str =
    "apt-get install tesseract-ocr tesseract-ocr-chi-sim tesseract-ocr-chi-tra poppler-utils";

/// Whether nameless bytes are an image OCR reads: PNG, JPEG or TIFF.
pub fn sniff(bytes: &[u8]) -> bool {
    bytes.starts_with(b"\x89PNG\r\n\x1a\n")
        || bytes.starts_with(&[0xFF, 0xD8, 0xFF])
        || bytes.starts_with(b"II*\0")
        || bytes.starts_with(b"MM\0*")
}

/// Reads an image by OCR.
pub fn read(bytes: &[u8], options: &Options) -> Result<Reading, Error> {
    if options.ocr == OcrMode::Never {
        return Err(unreadable(Unreadable::ImageOcrOff));
    }
    if let Some((w, h)) = image_size(bytes) {
        let pixels = u64::from(w) * u64::from(h);
        if pixels > OCR_PIXELS.max {
            return Err(unreadable(Unreadable::ImageTooLarge {
                width: w,
                height: h,
                limit_millions: OCR_PIXELS.max / 1_000_000,
            }));
        }
    } else if !sniff(bytes) {
        return Err(unreadable(Unreadable::NotAnImage));
    }
    let dir = tempfile::tempdir()?;
    let image = dir.path().join("page");
    std::fs::write(&image, bytes)?;
    let (tsv, _) = first_page(&image, OCR_PAGE_SECONDS.max)?;
    scanned(&[tsv])
}

/// OCR of a PDF's pages, rendered by `pdftoppm`.
pub fn read_pdf(bytes: &[u8]) -> Result<Reading, Error> {
    let dir = tempfile::tempdir()?;
    let pdf = dir.path().join("in.pdf");
    std::fs::write(&pdf, bytes)?;
    let prefix = dir.path().join("page");
    let mut render = Command::new("pdftoppm");
    render
        .args(["-r", "300", "-gray", "-png", "-l"])
        .arg(OCR_PAGES.max.to_string())
        // a page of 30,000 points square would be a 12,500 Mpx image
        .args(["-scale-to", "4000"])
        .arg(&pdf)
        .arg(&prefix);
    let start = Instant::now();
    run(render, "pdftoppm", OCR_SECONDS.max)?;
    let mut pages: Vec<_> = std::fs::read_dir(dir.path())?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "png"))
        .collect();
    pages.sort();
    let mut tsvs = Vec::with_capacity(pages.len());
    let mut script = None;
    for page in pages {
        // the document's time is its budget too, not only each page's
        let left = OCR_SECONDS.max.saturating_sub(start.elapsed().as_secs());
        if left == 0 {
            return Err(Error::TooComplex(OCR_SECONDS));
        }
        let seconds = left.min(OCR_PAGE_SECONDS.max);
        let tsv = match script {
            Some(lang) => tesseract(&page, lang, seconds)?,
            None => {
                let (tsv, lang) = first_page(&page, seconds)?;
                script = Some(lang);
                tsv
            }
        };
        tsvs.push(tsv);
    }
    scanned(&tsvs)
}

/// The reading of OCR'd pages, one TSV each; an error when OCR found no
/// text at all.
fn scanned(tsvs: &[String]) -> Result<Reading, Error> {
    let mut text = String::new();
    let mut unsure = Vec::new();
    for tsv in tsvs {
        page_text(tsv, &mut text, &mut unsure);
    }
    if text.trim().is_empty() {
        return Err(unreadable(Unreadable::OcrFoundNoText));
    }
    Ok(Reading {
        ocr: true,
        unsure,
        ..Reading::utf8(text)
    })
}

/// Tesseract's models, one per script: the one that reads a document's
/// first page with the higher mean confidence reads all its pages. (Both
/// at once, `chi_sim+chi_tra`, mixes the scripts within a word, 外借回書
/// for 外借图书; with `eng`, a lone 册 in a table cell reads as `it`.)
pub const SCRIPTS: [&str; 2] = ["chi_sim", "chi_tra"];

/// The first page's TSV by each script's model, the more confident one,
/// and its model.
fn first_page(image: &std::path::Path, seconds: u64) -> Result<(String, &'static str), Error> {
    let start = Instant::now();
    let mut best: Option<(String, &'static str, f32)> = None;
    for lang in SCRIPTS {
        let left = seconds.saturating_sub(start.elapsed().as_secs()).max(1);
        let tsv = tesseract(image, lang, left)?;
        let confidence = mean_confidence(&tsv);
        if best.as_ref().is_none_or(|b| confidence > b.2) {
            best = Some((tsv, lang, confidence));
        }
    }
    Ok(best.map_or((String::new(), SCRIPTS[0]), |(tsv, lang, _)| (tsv, lang)))
}

/// The mean confidence of a TSV's words.
fn mean_confidence(tsv: &str) -> f32 {
    let words = words(tsv);
    let known: Vec<f32> = words.iter().map(|w| w.conf).filter(|&c| c >= 0.0).collect();
    if known.is_empty() {
        return 0.0;
    }
    known.iter().sum::<f32>() / known.len() as f32
}

/// Tesseract's TSV of one image (a word a row with its box and
/// confidence) by one script's model, the page read as a column of lines
/// of any size (`--psm 4`: a report page, a table's rows).
fn tesseract(image: &std::path::Path, lang: &str, seconds: u64) -> Result<String, Error> {
    let mut command = Command::new("tesseract");
    command
        .arg(image)
        .arg("stdout")
        .args(["-l", lang, "--psm", "4", "tsv"]);
    let out = run(command, "tesseract", seconds)?;
    Ok(String::from_utf8_lossy(&out).into_owned())
}

/// One word of Tesseract's TSV.
#[derive(Debug)]
struct Word<'t> {
    /// (block, paragraph, line): the words of one line share it.
    line: (u32, u32, u32),
    left: i64,
    width: i64,
    height: i64,
    conf: f32,
    text: &'t str,
}

/// The words of a TSV (level 5 rows with text), in reading order.
fn words(tsv: &str) -> Vec<Word<'_>> {
    tsv.lines()
        .filter_map(|row| {
            let cells: Vec<&str> = row.split('\t').collect();
            let [
                level,
                _page,
                block,
                par,
                line,
                _word,
                left,
                _top,
                width,
                height,
                conf,
                text,
            ] = cells.as_slice()
            else {
                return None;
            };
            if *level != "5" || text.trim().is_empty() {
                return None;
            }
            Some(Word {
                line: (block.parse().ok()?, par.parse().ok()?, line.parse().ok()?),
                left: left.parse().ok()?,
                width: width.parse().ok()?,
                height: height.parse().ok()?,
                conf: conf.parse().ok()?,
                text: text.trim(),
            })
        })
        .collect()
}

/// Appends one page's lines to `text`: a line's words joined by nothing
/// between two Han characters (Tesseract spaces them out), a tab across a
/// gap wider than two character heights (a table's columns), else a
/// space; figures with an unsure word left out and named in `unsure`.
fn page_text(tsv: &str, text: &mut String, unsure: &mut Vec<Unsure>) {
    let words = words(tsv);
    let mut at = 0;
    while at < words.len() {
        let end = words[at..]
            .iter()
            .position(|w| w.line != words[at].line)
            .map_or(words.len(), |n| at + n);
        let line_words = &words[at..end];
        at = end;
        let mut line = String::new();
        // byte ranges in `line` of words under the confidence floor
        let mut doubtful: Vec<(usize, usize, f32)> = Vec::new();
        let mut column_break = false;
        for (i, word) in line_words.iter().enumerate() {
            if is_rule(word.text) {
                // a table's ruled line read as a character: a column break
                column_break = true;
                continue;
            }
            if column_break && !line.is_empty() {
                line.push('\t');
            } else if i > 0 && !line.is_empty() {
                let before = &line_words[i - 1];
                let gap = word.left - (before.left + before.width);
                let height = before.height.max(word.height).max(1);
                if gap > 2 * height {
                    line.push('\t');
                } else if !(ends_han(&line) && word.text.chars().next().is_some_and(is_han)) {
                    line.push(' ');
                }
            }
            column_break = false;
            let start = line.len();
            line.push_str(word.text);
            if word.conf >= 0.0 && word.conf < MIN_CONFIDENCE {
                doubtful.push((start, line.len(), word.conf));
            }
        }
        let line_no = u32::try_from(text.matches('\n').count() + 1).unwrap_or(u32::MAX);
        text.push_str(&leave_out(&line, &doubtful, line_no, unsure));
        text.push('\n');
    }
    if !text.is_empty() {
        // pages apart, as a text's pages are
        text.push('\n');
    }
}

/// `line` with every figure that holds a doubtful word replaced by
/// [`LEFT_OUT`]: the figure is the run of digits, separators and
/// multipliers around the word's digits, so no part of it is read as a
/// smaller figure.
fn leave_out(
    line: &str,
    doubtful: &[(usize, usize, f32)],
    line_no: u32,
    unsure: &mut Vec<Unsure>,
) -> String {
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    let mut spans: Vec<(usize, usize, f32)> = Vec::new();
    for &(start, end, conf) in doubtful {
        for (i, &(at, c)) in chars.iter().enumerate() {
            if at < start || at >= end || !is_digit(c) {
                continue;
            }
            let mut lo = i;
            while lo > 0 && in_figure(&chars, lo - 1) {
                lo -= 1;
            }
            let mut hi = i + 1;
            while hi < chars.len() && in_figure(&chars, hi) {
                hi += 1;
            }
            // a multiplier right after (万, 亿), a space apart at most, is
            // part of the figure
            let space = usize::from(chars.get(hi).is_some_and(|&(_, c)| c == ' '));
            if chars
                .get(hi + space)
                .is_some_and(|&(_, c)| MULTIPLIERS.contains(&c))
            {
                hi += space + 1;
            }
            // the doubtful word itself goes whole (`42O` of `186 42O`)
            let span_start = chars[lo].0.min(start);
            let span_end = chars.get(hi).map_or(line.len(), |&(at, _)| at).max(end);
            match spans.last_mut() {
                Some(last) if last.0 == span_start => last.2 = last.2.min(conf),
                _ => spans.push((span_start, span_end, conf)),
            }
        }
    }
    spans.sort_by_key(|s| s.0);
    spans.dedup_by(|b, a| {
        if b.0 < a.1 {
            a.1 = a.1.max(b.1);
            a.2 = a.2.min(b.2);
            true
        } else {
            false
        }
    });
    if spans.is_empty() {
        return line.to_owned();
    }
    let mut out = String::with_capacity(line.len());
    let mut from = 0;
    for (start, end, conf) in spans {
        out.push_str(&line[from..start]);
        out.push_str(LEFT_OUT);
        unsure.push(Unsure {
            text: line[start..end].trim().to_owned(),
            line: line_no,
            confidence: conf.clamp(0.0, 100.0) as u8,
        });
        from = end;
    }
    out.push_str(&line[from..]);
    out
}

/// A digit of a figure: ASCII, full-width or a Chinese numeral.
fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || WIDE_DIGITS.contains(&c) || HAN_DIGITS.contains(&c)
}

/// Whether the character at `i` belongs to the figure around it: a digit,
/// or a separator (`,` `.` `，` `．` a space) between two digits.
fn in_figure(chars: &[(usize, char)], i: usize) -> bool {
    let c = chars[i].1;
    if is_digit(c) {
        return true;
    }
    let between =
        i > 0 && chars.get(i + 1).is_some_and(|&(_, n)| is_digit(n)) && is_digit(chars[i - 1].1);
    between && FIGURE_JOINS.contains(&c)
}

/// Whether a word is only a table's rules read as characters (`|`, `|」`).
fn is_rule(word: &str) -> bool {
    word.chars().all(|c| RULE_CHARS.contains(&c)) && word.contains(RULE_MARKS)
}

fn ends_han(line: &str) -> bool {
    line.chars().next_back().is_some_and(is_han)
}

/// Runs a tool with a time limit; its stdout.
fn run(mut command: Command, tool: &str, seconds: u64) -> Result<Vec<u8>, Error> {
    let mut child = command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|err| {
            if err.kind() == std::io::ErrorKind::NotFound {
                unreadable(Unreadable::OcrMissing {
                    tool: tool.to_owned(),
                    install: INSTALL,
                })
            } else {
                unreadable(Unreadable::OcrNotStarted {
                    tool: tool.to_owned(),
                    detail: err.to_string(),
                })
            }
        })?;
    let mut stdout = child.stdout.take();
    let reader = std::thread::spawn(move || {
        let mut out = Vec::new();
        if let Some(s) = stdout.as_mut() {
            let _ = s.read_to_end(&mut out);
        }
        out
    });
    let mut stderr = child.stderr.take();
    let err_reader = std::thread::spawn(move || {
        let mut out = Vec::new();
        if let Some(s) = stderr.as_mut() {
            let _ = s.take(4096).read_to_end(&mut out);
        }
        out
    });
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait()? {
            break status;
        }
        if start.elapsed() > Duration::from_secs(seconds) {
            let _ = child.kill();
            let _ = child.wait();
            return Err(unreadable(Unreadable::OcrTimedOut {
                tool: tool.to_owned(),
                seconds,
            }));
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let out = reader.join().unwrap_or_default();
    let said = err_reader.join().unwrap_or_default();
    if !status.success() {
        let said = String::from_utf8_lossy(&said);
        let said = said.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
        if said.contains("chi_sim") || said.contains("chi_tra") || said.contains("language") {
            return Err(unreadable(Unreadable::OcrNoChinese {
                tool: tool.to_owned(),
                install: INSTALL,
                said: said.to_owned(),
            }));
        }
        return Err(unreadable(Unreadable::OcrFailed {
            tool: tool.to_owned(),
            said: said.to_owned(),
        }));
    }
    Ok(out)
}

fn is_han(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{303F}' | '\u{3400}'..='\u{9FFF}' | '\u{FF00}'..='\u{FFEF}')
}

/// Width and height from a PNG's, JPEG's or TIFF's header.
pub fn image_size(bytes: &[u8]) -> Option<(u32, u32)> {
    if bytes.starts_with(b"II*\0") || bytes.starts_with(b"MM\0*") {
        return tiff_size(bytes);
    }
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        let w = u32::from_be_bytes(bytes.get(16..20)?.try_into().ok()?);
        let h = u32::from_be_bytes(bytes.get(20..24)?.try_into().ok()?);
        return Some((w, h));
    }
    if bytes.starts_with(&[0xFF, 0xD8]) {
        let mut at = 2;
        while at + 9 < bytes.len() {
            if bytes[at] != 0xFF {
                return None;
            }
            let marker = bytes[at + 1];
            let len = usize::from(u16::from_be_bytes([bytes[at + 2], bytes[at + 3]]));
            if matches!(marker, 0xC0..=0xCF) && !matches!(marker, 0xC4 | 0xC8 | 0xCC) {
                let h = u16::from_be_bytes([bytes[at + 5], bytes[at + 6]]);
                let w = u16::from_be_bytes([bytes[at + 7], bytes[at + 8]]);
                return Some((u32::from(w), u32::from(h)));
            }
            at += 2 + len;
        }
    }
    None
}

/// Width and height from a TIFF's first image directory (tags 256, 257).
fn tiff_size(bytes: &[u8]) -> Option<(u32, u32)> {
    let little = bytes.starts_with(b"II");
    let u16_at = |at: usize| -> Option<u32> {
        let b: [u8; 2] = bytes.get(at..at + 2)?.try_into().ok()?;
        Some(u32::from(if little {
            u16::from_le_bytes(b)
        } else {
            u16::from_be_bytes(b)
        }))
    };
    let u32_at = |at: usize| -> Option<u32> {
        let b: [u8; 4] = bytes.get(at..at + 4)?.try_into().ok()?;
        Some(if little {
            u32::from_le_bytes(b)
        } else {
            u32::from_be_bytes(b)
        })
    };
    let ifd = usize::try_from(u32_at(4)?).ok()?;
    let entries = usize::try_from(u16_at(ifd)?).ok()?;
    let (mut width, mut height) = (None, None);
    for i in 0..entries.min(1024) {
        let at = ifd + 2 + i * 12;
        let tag = u16_at(at)?;
        // SHORT (3) values sit in the first two bytes of the value field
        let value = if u16_at(at + 2)? == 3 {
            u16_at(at + 8)?
        } else {
            u32_at(at + 8)?
        };
        match tag {
            256 => width = Some(value),
            257 => height = Some(value),
            _ => {}
        }
    }
    Some((width?, height?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_huge_image_is_refused_from_its_header() {
        let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
        png.extend_from_slice(&30_000u32.to_be_bytes());
        png.extend_from_slice(&30_000u32.to_be_bytes());
        png.extend_from_slice(&[8, 0, 0, 0, 0]);
        assert_eq!(image_size(&png), Some((30_000, 30_000)));
        let err = read(&png, &Options::default()).expect_err("refused");
        assert!(
            err.to_string()
                .contains("30000 × 30000 pixels, over the OCR limit"),
            "{err}"
        );
        // a TIFF says so in its first directory
        let mut tiff = b"II*\0\x08\0\0\0\x02\0".to_vec();
        for tag in [256u16, 257] {
            tiff.extend_from_slice(&tag.to_le_bytes());
            tiff.extend_from_slice(&4u16.to_le_bytes());
            tiff.extend_from_slice(&1u32.to_le_bytes());
            tiff.extend_from_slice(&30_000u32.to_le_bytes());
        }
        assert_eq!(image_size(&tiff), Some((30_000, 30_000)));
        let err = read(&tiff, &Options::default()).expect_err("refused");
        assert!(err.to_string().contains("over the OCR limit"), "{err}");
        let off = Options {
            ocr: OcrMode::Never,
            ..Options::default()
        };
        let err = read(&png, &off).expect_err("off");
        assert!(err.to_string().contains("--ocr never"), "{err}");
    }

    /// A TSV row of a word: (block, par, line), left, width, conf, text.
    fn row(line: (u32, u32, u32), left: i64, width: i64, conf: f32, text: &str) -> String {
        format!(
            "5\t1\t{}\t{}\t{}\t1\t{left}\t100\t{width}\t30\t{conf}\t{text}\n",
            line.0, line.1, line.2
        )
    }

    #[test]
    fn han_characters_join_and_wide_gaps_are_columns() {
        let mut tsv = String::from(
            "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n",
        );
        tsv += "1\t1\t0\t0\t0\t0\t0\t0\t2000\t3000\t-1\t\n";
        tsv += &row((1, 1, 1), 10, 30, 95.0, "青");
        tsv += &row((1, 1, 1), 42, 30, 95.0, "禾");
        tsv += &row((1, 1, 1), 80, 90, 93.0, "2021");
        tsv += &row((1, 1, 1), 175, 30, 96.0, "年");
        tsv += &row((1, 1, 2), 10, 120, 91.0, "到馆读者");
        tsv += &row((1, 1, 2), 400, 100, 90.0, "186420");
        tsv += &row((1, 1, 2), 600, 60, 92.0, "人次");
        let reading = scanned(&[tsv]).expect("text");
        assert_eq!(reading.text, "青禾 2021 年\n到馆读者\t186420\t人次\n\n");
        assert!(reading.unsure.is_empty() && reading.ocr);
    }

    #[test]
    fn an_unsure_word_leaves_its_whole_figure_out() {
        // `186` read surely, `42O` (a letter O for a zero) not: the figure
        // is neither 186 nor 186420; the line's other figure stays.
        let mut tsv = String::new();
        tsv += &row((1, 1, 1), 10, 120, 91.0, "到馆读者");
        tsv += &row((1, 1, 1), 140, 50, 93.0, "186");
        tsv += &row((1, 1, 1), 195, 50, 41.0, "42O");
        tsv += &row((1, 1, 1), 250, 60, 92.0, "人次，");
        tsv += &row((1, 1, 1), 320, 60, 52.0, "图书");
        tsv += &row((1, 1, 1), 390, 60, 94.0, "8600");
        tsv += &row((1, 1, 1), 460, 30, 95.0, "册");
        tsv += &row((1, 1, 2), 10, 80, 30.0, "5.2");
        tsv += &row((1, 1, 2), 95, 30, 88.0, "万册");
        let reading = scanned(&[tsv]).expect("text");
        assert_eq!(
            reading.text,
            format!("到馆读者 {LEFT_OUT} 人次，图书 8600 册\n{LEFT_OUT}册\n\n")
        );
        assert_eq!(
            reading.unsure,
            vec![
                Unsure {
                    text: "186 42O".into(),
                    line: 1,
                    confidence: 41
                },
                Unsure {
                    text: "5.2 万".into(),
                    line: 2,
                    confidence: 30
                },
            ]
        );
        // the pipeline reads no figure where one was left out
        let report = crate::extract_text(&format!(
            "青禾县图书馆 2021 年年报\n\n2021 年，青禾县图书馆到馆读者{LEFT_OUT}人次，馆藏{LEFT_OUT}册。\n"
        ))
        .expect("report");
        assert!(report.mentions.is_empty(), "{:?}", report.mentions);
    }
}
