//! Why a file failed, in Chinese: the English messages of `error::Error`
//! and the readers (`read::*`), by the words they start with. The
//! longest matching start wins; what follows it (a part name, a library's
//! own error) is kept as written, since it is detail for whoever fixes the
//! file.

/// (the English message or its start, the Chinese).
#[rustfmt::skip]
pub static ERROR_PHRASES: &[(&str, &str)] = &[
    // decode
    ("empty file",                          "空文件"),
    ("file holds only white space",         "文件只有空白"),
    ("not text: looks like ",               "不是文本，看来是"),
    ("unknown or unsupported encoding ",    "不认识或不支持的编码 "),
    // not a report
    ("not a library report: the text is too short to be a report (under 20 Chinese characters)",
                                            "不是图书馆年报：文本太短（不足 20 个汉字）"),
    ("not a library report: the text holds (almost) no Chinese",
                                            "不是图书馆年报：文本（几乎）没有中文"),
    ("not a library report: the text never names a library (图书馆)",
                                            "不是图书馆年报：文中没有出现“图书馆”"),
    ("not a library report: the text is 4 GiB or more",
                                            "不是图书馆年报：文本达 4 GiB 或以上"),
    ("not a library report: ",              "不是图书馆年报："),
    // input and output
    ("no such file or directory",           "没有这个文件或目录"),
    ("permission denied",                   "没有读取权限"),
    ("is a directory",                      "是一个目录"),
    ("file is ",                            "文件过大（可用 --max-bytes 放宽上限）："),
    ("skipped: ",                           "已跳过（没有读取这类文件的程序）："),
    // Word
    ("not a .docx: an old Word (.doc) file or a password-protected document; save it as .docx without a password",
                                            "不是 .docx：旧版 Word（.doc）文件或有密码保护的文档；请另存为无密码的 .docx"),
    ("not a readable Word document (.docx): the zip is damaged or cut short",
                                            "无法读取的 Word 文档（.docx）：压缩包损坏或不完整"),
    ("not a Word document: the zip holds no word/document.xml",
                                            "不是 Word 文档：压缩包里没有 word/document.xml"),
    ("Word document holds no text",         "Word 文档没有文字"),
    ("not a readable Word document: ",      "无法读取的 Word 文档："),
    ("Word document refused: ",             "拒绝读取的 Word 文档（疑似压缩炸弹）："),
    // web pages
    ("web page shows no text outside its menus, scripts and links",
                                            "网页除菜单、脚本和链接外没有正文"),
    // PDF
    ("not a readable PDF: the file is damaged (the PDF reader gave up on it)",
                                            "无法读取的 PDF：文件已损坏"),
    ("not a readable PDF: it has no pages", "无法读取的 PDF：没有页面"),
    ("not a readable PDF: ",                "无法读取的 PDF："),
    ("PDF has no text layer (a scanned image); run OCR first",
                                            "PDF 没有文字层（是扫描图片），请先做 OCR"),
    ("PDF's text cannot be decoded (its fonts map no glyph to a character); export it again with Unicode fonts, or run OCR",
                                            "PDF 的文字无法解码（字体没有字符映射）；请用 Unicode 字体重新导出，或做 OCR"),
    ("PDF is encrypted (it needs a password to open); save a copy without the password",
                                            "PDF 已加密（需要密码才能打开）；请另存一份无密码的副本"),
];

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
