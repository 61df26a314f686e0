//! Scans (`.png`, `.jpg`, `.tif`, and PDFs without a text layer) read by
//! an OCR engine, Tesseract, with its Simplified and Traditional Chinese
//! data, when it is installed; PDF pages are rendered to images by
//! `pdftoppm` (poppler-utils). Nothing here recognises characters itself.
//!
//! OCR text is approximate: the record says `"format": "ocr"` and carries
//! a warning that its figures need checking. `--ocr never` turns OCR off,
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
use crate::error::Error;
use crate::tables::budget::{OCR_PAGE_SECONDS, OCR_PAGES, OCR_PIXELS};

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
        return Err(unreadable(
            "an image: its text needs OCR, which --ocr never turns off",
        ));
    }
    if let Some((w, h)) = image_size(bytes) {
        let pixels = u64::from(w) * u64::from(h);
        if pixels > OCR_PIXELS.max {
            return Err(unreadable(format!(
                "the image is {w} × {h} pixels, over the OCR limit of {} million",
                OCR_PIXELS.max / 1_000_000
            )));
        }
    } else if !sniff(bytes) {
        return Err(unreadable("not a readable image (.png, .jpg, .tif)"));
    }
    let dir = tempfile::tempdir()?;
    let image = dir.path().join("page");
    std::fs::write(&image, bytes)?;
    let text = tesseract(&image)?;
    Ok(scanned(text))
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
    run(render, "pdftoppm", OCR_PAGE_SECONDS.max * 4)?;
    let mut pages: Vec<_> = std::fs::read_dir(dir.path())?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "png"))
        .collect();
    pages.sort();
    let mut text = String::new();
    for page in pages {
        text.push_str(&tesseract(&page)?);
        text.push('\n');
    }
    Ok(scanned(text))
}

fn scanned(text: String) -> Reading {
    Reading {
        ocr: true,
        ..Reading::utf8(text)
    }
}

/// Tesseract's text of one image, Chinese of both scripts and English.
fn tesseract(image: &std::path::Path) -> Result<String, Error> {
    let mut command = Command::new("tesseract");
    command
        .arg(image)
        .arg("stdout")
        .args(["-l", "chi_sim+chi_tra+eng", "--psm", "6"]);
    let out = run(command, "tesseract", OCR_PAGE_SECONDS.max)?;
    // Tesseract spaces out Chinese characters; the pipeline's cleaning
    // reads such text, but spaces between two Han characters are noise.
    Ok(join_han(&String::from_utf8_lossy(&out)))
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
                unreadable(format!(
                    "a scan: its text needs OCR, and {tool} is not installed ({INSTALL})"
                ))
            } else {
                unreadable(format!("{tool} could not be started: {err}"))
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
            return Err(unreadable(format!(
                "{tool} took more than {seconds} s on one page and was stopped"
            )));
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let out = reader.join().unwrap_or_default();
    let said = err_reader.join().unwrap_or_default();
    if !status.success() {
        let said = String::from_utf8_lossy(&said);
        let said = said.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
        if said.contains("chi_sim") || said.contains("chi_tra") || said.contains("language") {
            return Err(unreadable(format!(
                "{tool} lacks its Chinese data ({INSTALL}): {said}"
            )));
        }
        return Err(unreadable(format!("{tool} failed: {said}")));
    }
    Ok(out)
}

/// Spaces between two CJK characters dropped.
fn join_han(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        if c == ' '
            && i > 0
            && is_han(chars[i - 1])
            && chars.get(i + 1).is_some_and(|&n| is_han(n) || n == ' ')
        {
            continue;
        }
        out.push(c);
    }
    out
}

fn is_han(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{303F}' | '\u{3400}'..='\u{9FFF}' | '\u{FF00}'..='\u{FFEF}')
}

/// Width and height from a PNG's or JPEG's header.
pub fn image_size(bytes: &[u8]) -> Option<(u32, u32)> {
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
        let off = Options {
            ocr: OcrMode::Never,
            ..Options::default()
        };
        let err = read(&png, &off).expect_err("off");
        assert!(err.to_string().contains("--ocr never"), "{err}");
    }

    #[test]
    fn spaces_between_han_characters_go() {
        assert_eq!(join_han("青 禾 县 图书馆 2021 年"), "青禾县图书馆 2021 年");
    }
}
