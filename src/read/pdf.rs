//! PDF (placeholder while written).
use crate::error::Error;
/// The text layer of a PDF.
pub fn read(_bytes: &[u8]) -> Result<String, Error> {
    Err(super::unreadable("PDF reading is not built yet"))
}
