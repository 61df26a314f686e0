//! The readers' limits, one table with the reason for each, so that no
//! file can hang a batch or exhaust memory. (The per-document budgets of
//! issue 24, `src/tables/budget.rs` on its branch, are meant to take these
//! rows in when the two meet.)
//!
//! | limit | value | why |
//! | --- | --- | --- |
//! | [`SHEET_CELLS`] | 2,000,000 | cells with content in one workbook; a county's statistics workbook has a few thousand, and two million short strings stay near 100 MiB |
//! | [`MERGE_SPAN`] | 1,024 | rows or columns a merged cell's value is carried across; a header spans a few columns, and a region claiming the whole sheet is cut to this |
//! | [`DOC_TEXT_CHARS`] | 32 Mi | characters a Word 97–2003 document's piece table may claim; the file itself is at most `--max-bytes`, and pieces that point past the stream are refused |
//! | [`DOC_PIECES`] | 1,000,000 | pieces of a piece table (each at least one character) |
//! | [`OCR_PIXELS`] | 100 Mpx | pixels of one image or rendered page given to OCR; an A4 page at 300 dpi is 8.7 Mpx, and a 30,000 × 30,000 image (900 Mpx, 3.6 GB decoded) is refused from its header |
//! | [`OCR_PAGE_SECONDS`] | 120 s | time Tesseract may take for one page before it is stopped |
//! | [`OCR_PAGES`] | 200 | pages of a scanned PDF rendered for OCR |

/// Cells with content in one workbook.
pub const SHEET_CELLS: usize = 2_000_000;
/// Rows or columns a merged cell's value is carried across.
pub const MERGE_SPAN: u32 = 1024;
/// Characters a Word 97–2003 document's piece table may claim.
pub const DOC_TEXT_CHARS: usize = 32 * 1024 * 1024;
/// Pieces of a Word 97–2003 piece table.
pub const DOC_PIECES: usize = 1_000_000;
/// Pixels of one image given to OCR.
pub const OCR_PIXELS: u64 = 100_000_000;
/// Seconds Tesseract may take for one page.
pub const OCR_PAGE_SECONDS: u64 = 120;
/// Pages of a scanned PDF rendered for OCR.
pub const OCR_PAGES: usize = 200;
