//! Which reader a record's text came from: printed in every record
//! (`"format": "text"`), and told from a file's name or its first bytes.

use schemars::JsonSchema;
use serde::Serialize;

/// Which reader a record's text came from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Plain text (`.txt`), decoded in its detected encoding.
    #[default]
    Text,
    /// A web page (`.html`, `.htm`).
    Html,
    /// A Word document (`.docx`).
    Docx,
    /// A PDF's text layer (`.pdf`).
    Pdf,
    /// A saved web page (`.mht`, `.mhtml`): its page part, read as `html`.
    Mht,
    /// A Word 97–2003 or WPS Writer document (`.doc`, `.wps`).
    Doc,
    /// A scan read by OCR (Tesseract): an image, or a PDF without text.
    Ocr,
    /// A spreadsheet (`.xlsx`, `.xls`, `.et`, `.ods`): each sheet's name,
    /// then its rows as tab-separated cells.
    Sheet,
}

impl Format {
    /// The format's name as the record writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Html => "html",
            Format::Docx => "docx",
            Format::Pdf => "pdf",
            Format::Mht => "mht",
            Format::Sheet => "sheet",
            Format::Doc => "doc",
            Format::Ocr => "ocr",
        }
    }
}
