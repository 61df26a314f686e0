//! The budget of one document: how much work and memory a single file may
//! cost before it is stopped with a named error (`too complex: more than
//! 100000 form draws`) and the batch goes on. Each limit is counted over
//! the whole document, not per page or per part, because a hostile file
//! repeats a small part many times (one compressed stream shared by every
//! page, a form drawing forms drawing forms).
//!
//! The limits are far above what real reports need (the reasons say by how
//! much) and low enough that a file at every limit at once ends in seconds
//! and well under 2 GiB: `tests/hostile.rs` builds a file at each.

/// One limit: what is counted (the noun of the error message), the limit
/// and why it is where it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limit {
    /// What is counted, plural, as the error message says it.
    pub what: &'static str,
    /// The most a document may have.
    pub max: u64,
    /// Why the limit is there and why at this value.
    pub reason: &'static str,
}

/// Bytes inflated from a PDF's streams (page contents, forms, font maps)
/// or a Word document's parts, all together.
pub const INFLATED_BYTES: Limit = Limit {
    what: "bytes inflated",
    max: 256 * 1024 * 1024,
    reason: "a 7,000-page PDF inflates to about 70 MiB and a long report's \
             document.xml to a few MiB; one stream shared by many pages must \
             count once per use, or 216 KB inflates to gigabytes",
};

/// Bytes one PDF stream may inflate to: a page's content is parsed into
/// operators at about 20 bytes of memory per byte of content.
pub const PDF_STREAM_BYTES: Limit = Limit {
    what: "bytes inflated from one stream",
    max: 32 * 1024 * 1024,
    reason: "a dense page's content is under 1 MiB; parsed operators take \
             about 20 times their bytes, so 32 MiB stays under 1 GiB",
};

/// Operators and operands of a PDF's content streams, counted before they
/// are parsed: lopdf parses a stream into objects of some 100 to 300 bytes
/// each, so the count bounds the memory and the time of parsing.
pub const PDF_TOKENS: Limit = Limit {
    what: "PDF content tokens",
    max: 20_000_000,
    reason: "a text page has a few thousand tokens, a 7,000-page report \
             some millions; parsing 20 million takes seconds",
};

/// [`PDF_TOKENS`] in one stream: all of one stream's objects are in memory
/// at once.
pub const PDF_STREAM_TOKENS: Limit = Limit {
    what: "PDF content tokens in one stream",
    max: 2_000_000,
    reason: "a dense page has some tens of thousands; two million parsed \
             objects take up to 600 MB (a stream of `Q` operators two bytes \
             apart took past 2 GiB)",
};

/// Content-stream operators walked, forms' operators counted at each draw.
pub const PDF_OPERATORS: Limit = Limit {
    what: "PDF operators",
    max: 20_000_000,
    reason: "a text page has a few thousand operators, so a 7,000-page \
             report stays under 20 million; walking them takes about a \
             second",
};

/// Form XObjects drawn (`Do`), at every depth.
pub const PDF_FORM_DRAWS: Limit = Limit {
    what: "form draws",
    max: 100_000,
    reason: "producers draw a page's text in one form, or a few hundred \
             small ones; a form drawing k forms four deep is k⁴ draws",
};

/// Character codes mapped by the fonts' `ToUnicode` ranges: the PDF reader
/// expands every code of a `bfrange` into a table.
pub const PDF_CMAP_CODES: Limit = Limit {
    what: "font character codes",
    max: 1 << 20,
    reason: "a font maps at most 65,536 two-byte codes, most a few thousand; \
             each code costs about 100 bytes, and one four-byte range is \
             four billion codes",
};

/// Elements and attributes of a Word document's XML or a web page's tags.
pub const MARKUP_NODES: Limit = Limit {
    what: "XML or HTML elements and attributes",
    max: 20_000_000,
    reason: "a 64 MiB document.xml has a few million elements; counting \
             every element and attribute bounds the work of a page of \
             nothing but tags",
};

/// Attributes of one HTML tag: the tokenizer follows a run of quoted
/// attributes by nested calls, one stack frame each.
pub const HTML_TAG_ATTRIBUTES: Limit = Limit {
    what: "attributes in one HTML tag",
    max: 256,
    reason: "real tags have a handful; each quoted attribute takes up to \
             5 KiB of stack in a debug build (under 1 KiB optimized), and \
             a few thousand overflow a worker's stack and abort the process",
};

/// Characters of one list label of a Word document (`%1.` with its number).
pub const LIST_LABEL_CHARS: Limit = Limit {
    what: "characters in a list number",
    max: 256,
    reason: "a label is a few characters (一、, （十二）, 3.1.2); a letter list \
             starting at four billion writes 150 MB per paragraph",
};

/// Characters of text read per byte of input, plus a constant allowance
/// ([`OUTPUT_CHARS_BASE`]).
pub const OUTPUT_CHARS_PER_BYTE: Limit = Limit {
    what: "characters of text per byte of the file",
    max: 16,
    reason: "text is at most one character a byte and compressed formats \
             inflate about tenfold; more means a label or a stream is \
             repeated without end",
};

/// The text any file may give regardless of its size (a tiny PDF drawing a
/// few forms legitimately writes more than 16 characters a byte).
pub const OUTPUT_CHARS_BASE: u64 = 4 * 1024 * 1024;

/// Cells with content in one workbook (`.xlsx`, `.xls`, `.et`, `.ods`):
/// only cells that hold something are kept, so empty rows cost nothing.
pub const SHEET_CELLS: Limit = Limit {
    what: "spreadsheet cells with content",
    max: 2_000_000,
    reason: "a county's statistics workbook has a few thousand cells; two \
             million short strings stay near 100 MiB",
};

/// Rows or columns a merged cell's value is carried across; a region past
/// it is cut to it, not refused.
pub const MERGE_SPAN: Limit = Limit {
    what: "rows or columns of one merged cell",
    max: 1024,
    reason: "a merged header spans a few columns; a region claiming the \
             whole sheet would copy its value into millions of cells",
};

/// Characters a Word 97–2003 document's piece table may claim.
pub const DOC_TEXT_CHARS: Limit = Limit {
    what: "characters claimed by a .doc's piece table",
    max: 32 * 1024 * 1024,
    reason: "a long report is a few hundred thousand characters; the text \
             is allocated from the claim, so a lying header must not size it",
};

/// Pieces of a Word 97–2003 piece table (each at least one character).
pub const DOC_PIECES: Limit = Limit {
    what: "pieces in a .doc's piece table",
    max: 1_000_000,
    reason: "a document edited for years has some thousands of pieces; \
             each is read once and costs a few dozen bytes",
};

/// Pixels of one image (or rendered page) given to OCR, read from the
/// image's header before any tool runs.
pub const OCR_PIXELS: Limit = Limit {
    what: "pixels in one image for OCR",
    max: 100_000_000,
    reason: "an A4 page at 300 dpi is 8.7 Mpx; a 30,000 × 30,000 image is \
             900 Mpx, 3.6 GB once decoded",
};

/// Seconds Tesseract may take for one page before it is stopped.
pub const OCR_PAGE_SECONDS: Limit = Limit {
    what: "seconds of OCR for one page",
    max: 120,
    reason: "Tesseract reads a 300 dpi page of Chinese in 5 to 30 seconds \
             on one core; a page past two minutes is not a page of text",
};

/// Seconds of OCR (and page rendering) for one whole document.
pub const OCR_SECONDS: Limit = Limit {
    what: "seconds of OCR for one document",
    max: 1200,
    reason: "forty scanned pages at half a minute each; a 200-page scan at \
             the page limit would hold a batch for hours",
};

/// Pages of a scanned PDF rendered for OCR.
pub const OCR_PAGES: Limit = Limit {
    what: "pages of a scanned PDF for OCR",
    max: 200,
    reason: "an annual report runs to some tens of pages; past 200 a scan \
             is a book, and its first 200 pages are read",
};

/// Every limit, for the tests.
#[cfg(test)]
pub static LIMITS: &[Limit] = &[
    INFLATED_BYTES,
    PDF_STREAM_BYTES,
    PDF_TOKENS,
    PDF_STREAM_TOKENS,
    PDF_OPERATORS,
    PDF_FORM_DRAWS,
    PDF_CMAP_CODES,
    MARKUP_NODES,
    HTML_TAG_ATTRIBUTES,
    LIST_LABEL_CHARS,
    OUTPUT_CHARS_PER_BYTE,
    SHEET_CELLS,
    MERGE_SPAN,
    DOC_TEXT_CHARS,
    DOC_PIECES,
    OCR_PIXELS,
    OCR_PAGE_SECONDS,
    OCR_SECONDS,
    OCR_PAGES,
];

// A stream's limits are within the document's.
const _: () =
    assert!(PDF_STREAM_BYTES.max <= INFLATED_BYTES.max && PDF_STREAM_TOKENS.max <= PDF_TOKENS.max);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_are_distinct_and_explained() {
        for (i, limit) in LIMITS.iter().enumerate() {
            assert!(limit.max > 0 && limit.reason.len() > 40, "{limit:?}");
            assert!(
                LIMITS[..i].iter().all(|other| other.what != limit.what),
                "{limit:?}"
            );
        }
    }
}
