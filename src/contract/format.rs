//! Which reader a record's text came from: printed in every record
//! (`"format": "text"`), and told from a file's name or its first bytes.

use std::path::Path;

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
}

impl Format {
    /// The format's name as the record writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Html => "html",
            Format::Docx => "docx",
            Format::Pdf => "pdf",
        }
    }

    /// The format a file's extension names; [`Format::Text`] for any other.
    pub fn of_path(path: &Path) -> Format {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("")
            .to_ascii_lowercase();
        match ext.as_str() {
            "html" | "htm" | "xhtml" => Format::Html,
            "docx" => Format::Docx,
            "pdf" => Format::Pdf,
            _ => Format::Text,
        }
    }

    /// The format of bytes that came without a name (standard input).
    pub fn sniff(bytes: &[u8]) -> Format {
        if bytes.starts_with(b"%PDF-") {
            return Format::Pdf;
        }
        if bytes.starts_with(b"PK\x03\x04") {
            return Format::Docx;
        }
        let head = &bytes[..bytes.len().min(1024)];
        let head = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(head);
        let start = head
            .iter()
            .position(|b| !b.is_ascii_whitespace())
            .unwrap_or(head.len());
        let head = head[start..].to_ascii_lowercase();
        if head.starts_with(b"<!doctype html") || head.starts_with(b"<html") {
            Format::Html
        } else {
            Format::Text
        }
    }
}
