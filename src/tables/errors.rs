//! Why a file failed, in Chinese: one row for each failure of
//! `error::Error` and each cause of `error::Unreadable` that has its
//! Chinese, named for the variant it belongs to (the English is the
//! variant's `Display`). What follows a row in a message (a part name, a
//! library's own error) is kept as written, since it is detail for
//! whoever fixes the file. A cause without a row here says
//! [`UNTRANSLATED`] and its English.

/// The start of a cause that has no Chinese of its own: its English
/// follows.
pub const UNTRANSLATED: &str = "无法读取：";

// decode
/// `DecodeError::Empty`.
pub const EMPTY: &str = "空文件";
/// `DecodeError::Blank`.
pub const BLANK: &str = "文件只有空白";
/// `DecodeError::Binary`: what it looks like ([`LOOKS_LIKE`]) follows.
pub const BINARY: &str = "不是文本，看来是";
/// `DecodeError::UnknownEncoding`, `{label}` the label as given, quoted.
pub const UNKNOWN_ENCODING: &str =
    "不认识或不支持的编码 {label}（可试 utf-8、gb18030、gbk、big5、utf-16le 或 utf-16be）";

// not a report (`error::NotAReport`)
/// `NotAReport::TooShort`.
pub const NOT_A_REPORT_TOO_SHORT: &str = "不是图书馆年报：文本太短（不足 20 个汉字）";
/// `NotAReport::NoChinese`.
pub const NOT_A_REPORT_NO_CHINESE: &str = "不是图书馆年报：文本（几乎）没有中文";
/// `NotAReport::NoLibrary`.
pub const NOT_A_REPORT_NO_LIBRARY: &str = "不是图书馆年报：文中没有出现“图书馆”";
/// `NotAReport::TooLong`.
pub const NOT_A_REPORT_TOO_LONG: &str = "不是图书馆年报：文本达 4 GiB 或以上";

// input
/// The operating system's words for an I/O error (`Error::Io`), by the
/// words they start with: the one failure whose text comes from outside.
#[rustfmt::skip]
pub static IO_CAUSES: &[(&str, &str)] = &[
    ("no such file or directory",           "没有这个文件或目录"),
    ("permission denied",                   "没有读取权限"),
    ("is a directory",                      "是一个目录"),
];
/// `Error::TooLarge`, `{size}` and `{max}` in bytes.
pub const TOO_LARGE: &str = "文件有 {size} 字节，超过 {max} 字节的上限（可用 --max-bytes 放宽）";
/// `Error::Skipped`: why (`no reader for .json files …`) follows.
pub const SKIPPED: &str = "已跳过（没有读取这类文件的程序）：";

// Word (`Unreadable::Docx…`)
/// `DocxIsOldDoc`.
pub const DOCX_IS_OLD_DOC: &str =
    "不是 .docx：旧版 Word（.doc）文件或有密码保护的文档；请另存为无密码的 .docx";
/// `DocxZipDamaged`: zip's message follows, in brackets.
pub const DOCX_ZIP_DAMAGED: &str = "无法读取的 Word 文档（.docx）：压缩包损坏或不完整";
/// `DocxNoDocument`.
pub const DOCX_NO_DOCUMENT: &str = "不是 Word 文档：压缩包里没有 word/document.xml";
/// `DocxNoText`.
pub const DOCX_NO_TEXT: &str = "Word 文档没有文字";
/// `DocxPart`, `DocxPartDamaged`: the part and the message follow.
pub const DOCX_REFUSED_PART: &str = "无法读取的 Word 文档：";
/// `DocxRefused`: the part and its size follow.
pub const DOCX_BOMB: &str = "拒绝读取的 Word 文档（疑似压缩炸弹）：";

// web pages
/// `WebPageNoText`.
pub const WEB_PAGE_NO_TEXT: &str = "网页除菜单、脚本和链接外没有正文";

// PDF (`Unreadable::Pdf…`)
/// `PdfDamaged`.
pub const PDF_DAMAGED: &str = "无法读取的 PDF：文件已损坏";
/// `PdfNoPages`.
pub const PDF_NO_PAGES: &str = "无法读取的 PDF：没有页面";
/// `PdfRefused`, `PdfPage`: lopdf's message follows.
pub const PDF_REFUSED: &str = "无法读取的 PDF：";
/// `PdfNoTextLayer`; for `PdfOcrFailed` why OCR failed follows, in
/// brackets.
pub const PDF_NO_TEXT_LAYER: &str = "PDF 没有文字层（是扫描图片），请先做 OCR";
/// `PdfUndecodable`.
pub const PDF_UNDECODABLE: &str =
    "PDF 的文字无法解码（字体没有字符映射）；请用 Unicode 字体重新导出，或做 OCR";
/// `PdfEncrypted`.
pub const PDF_ENCRYPTED: &str = "PDF 已加密（需要密码才能打开）；请另存一份无密码的副本";

// PDF cut short (`PdfCutShort`): the row, with `{left}` what is left.
/// `PdfCutShort`, `{left}` one of the three below.
pub const PDF_CUT_SHORT: &str =
    "PDF 不完整（文件在结束标记之前就断了，可能没有下载完）{left}；请重新下载";
/// `CutShort::Unopened`.
pub const PDF_CUT_SHORT_UNOPENED: &str = "";
/// `CutShort::NoPage`.
pub const PDF_CUT_SHORT_NO_PAGE: &str = "：一页也没有剩下";
/// `CutShort::NoText`.
pub const PDF_CUT_SHORT_NO_TEXT: &str = "：剩下的部分没有文字";

// Word 97–2003 and WPS (`Unreadable::Doc…`)
/// `DocDamaged`: why follows.
pub const DOC_DAMAGED: &str = "无法读取的 Word 97–2003 或 WPS 文档（.doc、.wps）：";
/// `WorksDocument`.
pub const WORKS_DOCUMENT: &str =
    "是 Microsoft Works 文档（.wps），不是 WPS 文字的文档：请另存为 .docx";
/// `DocTooOld`.
pub const DOC_TOO_OLD: &str = "是 Word 6 或 Word 95 文档，不能读取：请另存为 .docx";
/// `DocEncrypted`.
pub const DOC_ENCRYPTED: &str = "Word 文档有密码保护（已加密）；请另存一份无密码的副本";

// saved web pages
/// `MhtNoBoundary`.
pub const MHT_NO_BOUNDARY: &str = "无法读取的网页存档（.mht）：多部分格式却没有分隔符";
/// `MhtNoPage`.
pub const MHT_NO_PAGE: &str = "无法读取的网页存档（.mht）：没有一部分是网页或文本";

// spreadsheets
/// `SheetEncrypted`.
pub const SHEET_ENCRYPTED: &str = "电子表格有密码保护（已加密）；请另存一份无密码的副本";
/// `SheetEmpty`.
pub const SHEET_EMPTY: &str = "电子表格里没有含文字或数字的单元格";
/// `SheetRefused`: the reader's message follows.
pub const SHEET_REFUSED: &str = "无法读取的电子表格（.xlsx、.xls、.et、.ods）：";

// images and OCR; `{tool}`, `{install}`, `{detail}`, `{said}` as the
// variant has them (a tool's own words stay as written)
/// `ImageOcrOff`.
pub const IMAGE_OCR_OFF: &str = "是图片：其中的文字需要 OCR，而 --ocr never 关掉了 OCR";
/// `ImageTooLarge`.
pub const IMAGE_TOO_LARGE: &str =
    "图片有 {width} × {height} 像素，超过 OCR 的上限（{limit} 百万像素）";
/// `NotAnImage`.
pub const NOT_AN_IMAGE: &str = "无法读取的图片（.png、.jpg、.tif）";
/// `OcrFoundNoText`.
pub const OCR_FOUND_NO_TEXT: &str = "扫描件，OCR（Tesseract）没有识别出文字";
/// `OcrMissing`.
pub const OCR_MISSING: &str = "扫描件：其中的文字需要 OCR，但没有安装 {tool}（{install}）";
/// `OcrNotStarted`.
pub const OCR_NOT_STARTED: &str = "无法启动 OCR 程序 {tool}：{detail}";
/// `OcrTimedOut`.
pub const OCR_TIMED_OUT: &str = "OCR 程序 {tool} 处理一页超过 {seconds} 秒，已停止";
/// `OcrNoChinese`.
pub const OCR_NO_CHINESE: &str = "OCR 程序 {tool} 缺少中文数据（{install}）：{said}";
/// `OcrFailed`.
pub const OCR_FAILED: &str = "OCR 程序 {tool} 出错：{said}";

// budgets
/// `Error::TooComplex`, `{max}` and `{what}` as the limit has them.
pub const TOO_COMPLEX: &str = "文件过于复杂：超过 {max} {what}";

/// What a binary file looks like (`not text: looks like …`), in Chinese.
#[rustfmt::skip]
pub static LOOKS_LIKE: &[(&str, &str)] = &[
    ("a PNG image",                         "PNG 图片"),
    ("a JPEG image",                        "JPEG 图片"),
    ("a GIF image",                         "GIF 图片"),
    ("a PDF document",                      "PDF 文档"),
    ("a ZIP archive (DOCX, XLSX or similar)", "ZIP 压缩包（DOCX、XLSX 之类）"),
    ("a RAR archive",                       "RAR 压缩包"),
    ("a TIFF image",                        "TIFF 图片"),
    ("an OLE file (DOC, XLS or similar)",   "OLE 文件（DOC、XLS 之类）"),
    ("an RTF document",                     "RTF 文档"),
    ("a gzip archive",                      "gzip 压缩包"),
    ("a bzip2 archive",                     "bzip2 压缩包"),
    ("an xz archive",                       "xz 压缩包"),
    ("a zstd archive",                      "zstd 压缩包"),
    ("a 7z archive",                        "7z 压缩包"),
    ("an ELF executable",                   "ELF 可执行文件"),
    ("an SQLite database",                  "SQLite 数据库"),
    ("a WebP image",                        "WebP 图片"),
    ("zero-filled data",                    "全是零字节的数据"),
    ("binary data (a UTF-16 byte order mark, then no text)", "二进制数据（UTF-16 字节序标记后没有文字）"),
    ("binary data (many control characters)", "二进制数据（很多控制字符）"),
    ("binary data (many bytes that do not decode)", "二进制数据（很多无法解码的字节）"),
];
