//! Why a Word document, PDF, spreadsheet, saved page or scan yields no
//! text: one variant per cause a reader (`read::*`) reports, with what the
//! person who has the file needs (a part name, a page, a tool) as typed
//! fields. A library's own error message (zip's, lopdf's, calamine's, a
//! tool's stderr) is kept as written, as detail for whoever fixes the file.
//!
//! The English is the `Display`; the Chinese ([`Unreadable::zh`]) is built
//! from the rows of `tables::errors`, never by reading the English back.

use std::fmt;

use super::{Error, with_detail_zh};
use crate::tables::errors as zh;

/// How much of a PDF that is cut short was left to read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CutShort {
    /// The reader could not open what is there.
    Unopened,
    /// It opened, but no page is left.
    NoPage,
    /// Its pages are there, but no text is left on them.
    NoText,
}

/// Why a file in a format with its own reader yields no text.
#[derive(Debug)]
pub enum Unreadable {
    // PDF
    /// lopdf panicked on the file.
    PdfDamaged,
    /// The file ends before its end marker and gave no text.
    PdfCutShort(CutShort),
    /// lopdf refused the file; its message.
    PdfRefused(String),
    /// lopdf refused one page; its number and lopdf's message.
    PdfPage {
        /// The page number, from 1.
        number: u32,
        /// lopdf's message.
        detail: String,
    },
    /// The PDF has no page.
    PdfNoPages,
    /// Text is drawn in fonts that map no glyph to a character.
    PdfUndecodable,
    /// No page draws text: a scan.
    PdfNoTextLayer,
    /// A scan (no text layer) that OCR could not read either; why not.
    PdfOcrFailed(Box<Error>),
    /// The PDF needs a password.
    PdfEncrypted,
    // Word (.docx)
    /// A compound file under a `.docx` name: an old `.doc`, or a
    /// password-protected document.
    DocxIsOldDoc,
    /// The zip cannot be opened; zip's message.
    DocxZipDamaged(String),
    /// The zip has no `word/document.xml`.
    DocxNoDocument,
    /// The document holds no text.
    DocxNoText,
    /// A part cannot be opened or parsed.
    DocxPart {
        /// The part's name in the zip (`word/document.xml`).
        part: String,
        /// zip's or quick-xml's message.
        detail: String,
    },
    /// A part stops inflating partway.
    DocxPartDamaged {
        /// The part's name in the zip.
        part: String,
        /// The inflater's message.
        detail: String,
    },
    /// A part inflates past the limit: a zip bomb?
    DocxRefused {
        /// The part's name in the zip.
        part: String,
        /// The limit a part may inflate to, in MiB.
        limit_mib: u64,
    },
    // Word 97–2003 and WPS (.doc, .wps)
    /// The compound file or the document in it is damaged; what is.
    DocDamaged(String),
    /// A Microsoft Works document, not WPS Writer's.
    WorksDocument,
    /// A Word 6 or Word 95 document.
    DocTooOld,
    /// The document is password-protected.
    DocEncrypted,
    /// The document holds no text.
    DocNoText,
    // saved web pages (.mht) and web pages
    /// A multipart `.mht` without a boundary.
    MhtNoBoundary,
    /// No part of the `.mht` is a page or text.
    MhtNoPage,
    /// The page has no text outside its menus, scripts and links.
    WebPageNoText,
    // spreadsheets
    /// The workbook is password-protected.
    SheetEncrypted,
    /// No cell holds text or a figure.
    SheetEmpty,
    /// calamine refused the workbook; its message, lowercased.
    SheetRefused(String),
    // images and OCR
    /// An image, with OCR turned off (`--ocr never`).
    ImageOcrOff,
    /// An image over the OCR pixel limit.
    ImageTooLarge {
        /// Its width in pixels.
        width: u32,
        /// Its height in pixels.
        height: u32,
        /// The limit, in millions of pixels.
        limit_millions: u64,
    },
    /// Not an image a reader knows.
    NotAnImage,
    /// OCR ran and found no text.
    OcrFoundNoText,
    /// The OCR tool is not installed.
    OcrMissing {
        /// The tool (`tesseract`, `pdftoppm`).
        tool: String,
        /// How to install it.
        install: &'static str,
    },
    /// The OCR tool could not be started; the system's message.
    OcrNotStarted {
        /// The tool.
        tool: String,
        /// The system's message.
        detail: String,
    },
    /// The OCR tool ran past its time on one page.
    OcrTimedOut {
        /// The tool.
        tool: String,
        /// Its time limit in seconds.
        seconds: u64,
    },
    /// Tesseract lacks its Chinese language data.
    OcrNoChinese {
        /// The tool.
        tool: String,
        /// How to install it.
        install: &'static str,
        /// The first line it wrote on stderr.
        said: String,
    },
    /// The OCR tool failed.
    OcrFailed {
        /// The tool.
        tool: String,
        /// The first line it wrote on stderr.
        said: String,
    },
}

impl fmt::Display for Unreadable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use Unreadable::*;
        match self {
            PdfDamaged => f.write_str(
                "not a readable PDF: the file is damaged (the PDF reader gave up on it)",
            ),
            PdfCutShort(left) => write!(
                f,
                "PDF is cut short (the file ends before its end marker; a download that did not \
                 finish?){}; download it again",
                match left {
                    CutShort::Unopened => "",
                    CutShort::NoPage => ": no page is left",
                    CutShort::NoText => ": no text is left in what there is",
                }
            ),
            PdfRefused(detail) => write!(f, "not a readable PDF: {detail}"),
            PdfPage { number, detail } => {
                write!(f, "not a readable PDF: page {number}: {detail}")
            }
            PdfNoPages => f.write_str("not a readable PDF: it has no pages"),
            PdfUndecodable => f.write_str(
                "PDF's text cannot be decoded (its fonts map no glyph to a character); \
                 export it again with Unicode fonts, or run OCR",
            ),
            PdfNoTextLayer => f.write_str("PDF has no text layer (a scanned image); run OCR first"),
            PdfOcrFailed(ocr) => write!(f, "{PdfNoTextLayer} ({ocr})"),
            PdfEncrypted => f.write_str(
                "PDF is encrypted (it needs a password to open); save a copy without the password",
            ),
            DocxIsOldDoc => f.write_str(
                "not a .docx: an old Word (.doc) file or a password-protected document; \
                 save it as .docx without a password",
            ),
            DocxZipDamaged(detail) => write!(
                f,
                "not a readable Word document (.docx): the zip is damaged or cut short ({detail})"
            ),
            DocxNoDocument => {
                f.write_str("not a Word document: the zip holds no word/document.xml")
            }
            DocxNoText => f.write_str("Word document holds no text"),
            DocxPart { part, detail } => {
                write!(f, "not a readable Word document: {part}: {detail}")
            }
            DocxPartDamaged { part, detail } => write!(
                f,
                "not a readable Word document: {part} is damaged ({detail})"
            ),
            DocxRefused { part, limit_mib } => write!(
                f,
                "Word document refused: {part} inflates past {limit_mib} MiB (a zip bomb?)"
            ),
            DocDamaged(why) => write!(
                f,
                "not a readable Word 97–2003 or WPS document (.doc, .wps): {why}"
            ),
            WorksDocument => f.write_str(
                "a Microsoft Works document (.wps), not WPS Writer's: save it as .docx",
            ),
            DocTooOld => {
                f.write_str("a Word 6 or Word 95 document, which is not read: save it as .docx")
            }
            DocEncrypted => f.write_str(
                "the Word document is password-protected (encrypted); save a copy without a password",
            ),
            DocNoText => f.write_str("the Word document holds no text"),
            MhtNoBoundary => f.write_str(
                "not a readable saved web page (.mht): a multipart message without a boundary",
            ),
            MhtNoPage => f.write_str(
                "not a readable saved web page (.mht): no part holds a web page or text",
            ),
            WebPageNoText => {
                f.write_str("web page shows no text outside its menus, scripts and links")
            }
            SheetEncrypted => f.write_str(
                "the spreadsheet is password-protected (encrypted); save a copy without a password",
            ),
            SheetEmpty => f.write_str("the spreadsheet has no cell with text or a figure"),
            SheetRefused(detail) => write!(
                f,
                "not a readable spreadsheet (.xlsx, .xls, .et, .ods): {detail}"
            ),
            ImageOcrOff => {
                f.write_str("an image: its text needs OCR, which --ocr never turns off")
            }
            ImageTooLarge {
                width,
                height,
                limit_millions,
            } => write!(
                f,
                "the image is {width} × {height} pixels, over the OCR limit of {limit_millions} million"
            ),
            NotAnImage => f.write_str("not a readable image (.png, .jpg, .tif)"),
            OcrFoundNoText => f.write_str("a scan in which OCR (Tesseract) found no text"),
            OcrMissing { tool, install } => write!(
                f,
                "a scan: its text needs OCR, and {tool} is not installed ({install})"
            ),
            OcrNotStarted { tool, detail } => write!(f, "{tool} could not be started: {detail}"),
            OcrTimedOut { tool, seconds } => write!(
                f,
                "{tool} took more than {seconds} s on one page and was stopped"
            ),
            OcrNoChinese {
                tool,
                install,
                said,
            } => write!(f, "{tool} lacks its Chinese data ({install}): {said}"),
            OcrFailed { tool, said } => write!(f, "{tool} failed: {said}"),
        }
    }
}

impl Unreadable {
    /// The cause in Chinese, from its row in `tables::errors`; a tool's
    /// or a library's own words in it stay as written.
    pub fn zh(&self) -> String {
        use Unreadable::*;
        match self {
            PdfDamaged => zh::PDF_DAMAGED.to_owned(),
            PdfRefused(detail) => with_detail_zh(zh::PDF_REFUSED, detail, false),
            PdfPage { number, detail } => {
                with_detail_zh(zh::PDF_REFUSED, &format!("page {number}: {detail}"), false)
            }
            PdfNoPages => zh::PDF_NO_PAGES.to_owned(),
            PdfUndecodable => zh::PDF_UNDECODABLE.to_owned(),
            PdfNoTextLayer => zh::PDF_NO_TEXT_LAYER.to_owned(),
            PdfOcrFailed(ocr) => with_detail_zh(zh::PDF_NO_TEXT_LAYER, &ocr.zh(), true),
            PdfEncrypted => zh::PDF_ENCRYPTED.to_owned(),
            DocxIsOldDoc => zh::DOCX_IS_OLD_DOC.to_owned(),
            DocxZipDamaged(detail) => {
                with_detail_zh(zh::DOCX_ZIP_DAMAGED, &format!(" ({detail})"), true)
            }
            DocxNoDocument => zh::DOCX_NO_DOCUMENT.to_owned(),
            DocxNoText => zh::DOCX_NO_TEXT.to_owned(),
            DocxPart { part, detail } => {
                with_detail_zh(zh::DOCX_REFUSED_PART, &format!("{part}: {detail}"), false)
            }
            DocxPartDamaged { part, detail } => with_detail_zh(
                zh::DOCX_REFUSED_PART,
                &format!("{part} is damaged ({detail})"),
                false,
            ),
            DocxRefused { part, limit_mib } => with_detail_zh(
                zh::DOCX_BOMB,
                &format!("{part} inflates past {limit_mib} MiB (a zip bomb?)"),
                false,
            ),
            WebPageNoText => zh::WEB_PAGE_NO_TEXT.to_owned(),
            PdfCutShort(left) => zh::PDF_CUT_SHORT.replace(
                "{left}",
                match left {
                    CutShort::Unopened => zh::PDF_CUT_SHORT_UNOPENED,
                    CutShort::NoPage => zh::PDF_CUT_SHORT_NO_PAGE,
                    CutShort::NoText => zh::PDF_CUT_SHORT_NO_TEXT,
                },
            ),
            DocDamaged(why) => format!("{}{why}", zh::DOC_DAMAGED),
            WorksDocument => zh::WORKS_DOCUMENT.to_owned(),
            DocTooOld => zh::DOC_TOO_OLD.to_owned(),
            DocEncrypted => zh::DOC_ENCRYPTED.to_owned(),
            DocNoText => zh::DOCX_NO_TEXT.to_owned(),
            MhtNoBoundary => zh::MHT_NO_BOUNDARY.to_owned(),
            MhtNoPage => zh::MHT_NO_PAGE.to_owned(),
            SheetEncrypted => zh::SHEET_ENCRYPTED.to_owned(),
            SheetEmpty => zh::SHEET_EMPTY.to_owned(),
            SheetRefused(detail) => format!("{}{detail}", zh::SHEET_REFUSED),
            ImageOcrOff => zh::IMAGE_OCR_OFF.to_owned(),
            ImageTooLarge {
                width,
                height,
                limit_millions,
            } => zh::IMAGE_TOO_LARGE
                .replace("{width}", &width.to_string())
                .replace("{height}", &height.to_string())
                .replace("{limit}", &limit_millions.to_string()),
            NotAnImage => zh::NOT_AN_IMAGE.to_owned(),
            OcrFoundNoText => zh::OCR_FOUND_NO_TEXT.to_owned(),
            OcrMissing { tool, install } => zh::OCR_MISSING
                .replace("{tool}", tool)
                .replace("{install}", install),
            OcrNotStarted { tool, detail } => zh::OCR_NOT_STARTED
                .replace("{tool}", tool)
                .replace("{detail}", detail),
            OcrTimedOut { tool, seconds } => zh::OCR_TIMED_OUT
                .replace("{tool}", tool)
                .replace("{seconds}", &seconds.to_string()),
            OcrNoChinese {
                tool,
                install,
                said,
            } => zh::OCR_NO_CHINESE
                .replace("{tool}", tool)
                .replace("{install}", install)
                .replace("{said}", said),
            OcrFailed { tool, said } => zh::OCR_FAILED
                .replace("{tool}", tool)
                .replace("{said}", said),
        }
    }

    /// Whether the cause is a PDF without a text layer: a scan, which OCR
    /// may read.
    pub fn is_scan(&self) -> bool {
        matches!(self, Unreadable::PdfNoTextLayer)
    }
}
