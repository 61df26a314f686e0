//! The hostile corpus of issue 24, generated: each file is built here at
//! the size the issue gives (or past it), never committed. See
//! `tests/hostile/mod.rs` for what each must do.

use std::io::Write;

use crate::util::pdf_of_objects;

/// A report any batch can carry beside a hostile file: its record must
/// come out whole whatever the other file does.
pub const GOOD_REPORT: &str = "青禾县图书馆2021年年报\n一、工作总结\n\
    全年接待读者12.4万人次，外借图书8.6万册次，开展读者活动130场。\n\
    二、数据统计\n馆藏总量\t180383\t册\n";

/// A stream object of `data` as it is.
fn stream(data: &[u8]) -> Vec<u8> {
    let mut out = format!("<< /Length {} >>\nstream\n", data.len()).into_bytes();
    out.extend_from_slice(data);
    out.extend_from_slice(b"\nendstream");
    out
}

/// A stream object of `data`, deflated, with `extra` in its dictionary.
fn deflated(data: &[u8], extra: &str) -> Vec<u8> {
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    z.write_all(data).expect("deflate");
    let z = z.finish().expect("deflate");
    let mut out = format!(
        "<< /Length {} /Filter /FlateDecode {extra} >>\nstream\n",
        z.len()
    )
    .into_bytes();
    out.extend_from_slice(&z);
    out.extend_from_slice(b"\nendstream");
    out
}

/// A PDF whose pages are `pages` (objects 1 and 2 are the catalog and
/// the page tree; `extra` objects follow the pages and their contents).
fn pdf(page_objects: Vec<Vec<u8>>, mut extra: Vec<Vec<u8>>, pages: usize) -> Vec<u8> {
    let mut objects: Vec<Vec<u8>> = vec![b"<< /Type /Catalog /Pages 2 0 R >>".to_vec()];
    let kids: Vec<String> = (0..pages).map(|i| format!("{} 0 R", 3 + i)).collect();
    objects.push(
        format!(
            "<< /Type /Pages /Kids [{}] /Count {pages} >>",
            kids.join(" ")
        )
        .into_bytes(),
    );
    objects.extend(page_objects);
    objects.append(&mut extra);
    let objects: Vec<&[u8]> = objects.iter().map(Vec::as_slice).collect();
    pdf_of_objects(&objects, "", None)
}

/// A text line in the standard Helvetica encoding.
fn text_ops(lines: &[&str]) -> String {
    let mut ops = String::from("BT /F1 12 Tf 72 760 Td 14 TL\n");
    for line in lines {
        ops.push_str(&format!("({line}) Tj T*\n"));
    }
    ops.push_str("ET\n");
    ops
}

const HELVETICA: &str = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>";

/// Mechanism 1: One tag with tens of thousands of double-quoted attributes (the
/// issue's 40 KB page overflowed the tokenizer's stack).
pub fn html_attributes(attributes: usize) -> Vec<u8> {
    let mut page = String::from("<html><body><p>青禾县图书馆2021年年报</p><p");
    for _ in 0..attributes {
        page.push_str(" a=\"\"");
    }
    page.push_str(">全年接待读者12万人次。</p></body></html>");
    page.into_bytes()
}

/// Mechanism 2: Form XObjects that fan out: the page draws form 0 `k` times, each
/// form `i` draws form `i + 1` `k` times, `depth` deep: k + k² + … draws.
pub fn pdf_form_fan(k: usize, depth: usize) -> Vec<u8> {
    // objects: 1 catalog, 2 pages, 3 page, 4 page content, 5 font,
    // 6.. forms
    let form_id = |i: usize| 6 + i;
    let draws = |name: &str| format!("/{name} Do\n").repeat(k);
    let page = format!(
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> /XObject << /X0 {} 0 R >> >> /Contents 4 0 R >>",
        form_id(0)
    )
    .into_bytes();
    // The forms' font has a map of two-byte codes: parsing it again at
    // each draw was what made the draws slow.
    let font = format!(
        "<< /Type /Font /Subtype /Type1 /BaseFont /X /ToUnicode {} 0 R >>",
        form_id(depth)
    );
    let mut extra = vec![stream(draws("X0").as_bytes()), font.into_bytes()];
    for i in 0..depth {
        let body = if i + 1 < depth {
            format!("{}{}", text_ops(&["Form"]), draws("Y"))
        } else {
            text_ops(&["Form"])
        };
        let resources = if i + 1 < depth {
            format!(
                "/Resources << /Font << /F1 5 0 R >> /XObject << /Y {} 0 R >> >>",
                form_id(i + 1)
            )
        } else {
            "/Resources << /Font << /F1 5 0 R >> >>".to_owned()
        };
        extra.push(deflated(
            body.as_bytes(),
            &format!("/Type /XObject /Subtype /Form /BBox [0 0 595 842] {resources}"),
        ));
    }
    extra.push(deflated(TWO_BYTE_MAP.as_bytes(), ""));
    pdf(vec![page], extra, 1)
}

/// A ToUnicode map of every two-byte code.
const TWO_BYTE_MAP: &str = "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n\
    /CMapName /Test-UCS def /CMapType 2 def\n\
    1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n\
    1 beginbfrange\n<0000> <FFFF> <0000>\nendbfrange\n\
    endcmap CMapName currentdict /CMap defineresource pop end end\n";

/// Mechanism 3: A font whose ToUnicode map has one full range of four-byte codes.
pub fn pdf_full_range_cmap() -> Vec<u8> {
    let cmap = "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n\
        /CMapName /Test-UCS def /CMapType 2 def\n\
        1 begincodespacerange\n<00000000> <FFFFFFFF>\nendcodespacerange\n\
        1 beginbfrange\n<00000000> <FFFFFFFF> <0041>\nendbfrange\n\
        endcmap CMapName currentdict /CMap defineresource pop end end\n";
    let page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>".to_vec();
    let content = stream(b"BT /F1 12 Tf 72 760 Td <00000041> Tj ET");
    // No /Encoding: the reader takes the font's characters from its map.
    let font = b"<< /Type /Font /Subtype /Type1 /BaseFont /X /ToUnicode 6 0 R >>".to_vec();
    pdf(
        vec![page],
        vec![content, font, deflated(cmap.as_bytes(), "")],
        1,
    )
}

/// Mechanism 5: One compressed content stream of `inflated` bytes (a line of text,
/// then `fill` over and over) shared by `pages` pages.
pub fn pdf_shared_stream(inflated: usize, fill: &[u8], pages: usize) -> Vec<u8> {
    let mut content = text_ops(&["Shared"]).into_bytes();
    while content.len() + fill.len() <= inflated {
        content.extend_from_slice(fill);
    }
    let content_id = 3 + pages;
    let font_id = content_id + 1;
    let page_objects = (0..pages)
        .map(|_| {
            format!(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 {font_id} 0 R >> >> /Contents {content_id} 0 R >>"
            )
            .into_bytes()
        })
        .collect();
    pdf(
        page_objects,
        vec![deflated(&content, ""), HELVETICA.as_bytes().to_vec()],
        pages,
    )
}

/// Mechanism 12: One page drawing one small form `draws` times, in a font with a
/// ToUnicode map (each draw once parsed the font again).
pub fn pdf_many_draws(draws: usize) -> Vec<u8> {
    let page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /X 6 0 R >> >> /Contents 4 0 R >>".to_vec();
    let content = stream("/X Do\n".repeat(draws).as_bytes());
    let font =
        b"<< /Type /Font /Subtype /Type0 /BaseFont /X /Encoding /Identity-H /ToUnicode 7 0 R >>"
            .to_vec();
    let form = deflated(
        b"BT /F1 12 Tf 72 760 Td <97529F99> Tj ET",
        "/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >>",
    );
    pdf(
        vec![page],
        vec![content, font, form, deflated(TWO_BYTE_MAP.as_bytes(), "")],
        1,
    )
}

/// Mechanism 10: A PDF of a report's text, several pages, to cut short.
pub fn pdf_report() -> Vec<u8> {
    let lines = [
        "Qinghe County Library 2021 Annual Report",
        "1. Summary",
        "Visits 124000, loans 86000, events 130.",
    ];
    let pages = 6;
    let content_id = 3 + pages;
    let page_objects = (0..pages)
        .map(|i| {
            format!(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 {} 0 R >> >> /Contents {} 0 R >>",
                content_id + pages,
                content_id + i
            )
            .into_bytes()
        })
        .collect();
    let mut extra: Vec<Vec<u8>> = (0..pages)
        .map(|i| deflated(text_ops(&[lines[i % 3], lines[(i + 1) % 3]]).as_bytes(), ""))
        .collect();
    extra.push(HELVETICA.as_bytes().to_vec());
    pdf(page_objects, extra, pages)
}

/// A Word document of `document.xml` and `numbering.xml`.
fn docx(document: &str, numbering: &str) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, part) in [
        ("word/document.xml", document),
        ("word/numbering.xml", numbering),
    ] {
        zip.start_file(name, options).expect("zip entry");
        zip.write_all(part.as_bytes()).expect("zip write");
    }
    zip.finish().expect("zip").into_inner()
}

const W: &str = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";

/// Mechanism 4: A list whose level starts at `start` in `format`, with level text
/// `text`, over `paragraphs` numbered paragraphs.
pub fn docx_list(start: u32, format: &str, text: &str, paragraphs: usize) -> Vec<u8> {
    let numbering = format!(
        "<w:numbering {W}><w:abstractNum w:abstractNumId=\"1\"><w:lvl w:ilvl=\"0\">\
         <w:start w:val=\"{start}\"/><w:numFmt w:val=\"{format}\"/><w:lvlText w:val=\"{text}\"/>\
         </w:lvl></w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"1\"/></w:num></w:numbering>"
    );
    let item = "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr>\
                <w:r><w:t>工作总结</w:t></w:r></w:p>";
    let document = format!(
        "<w:document {W}><w:body><w:p><w:r><w:t>青禾县图书馆2021年年报</w:t></w:r></w:p>{}</w:body></w:document>",
        item.repeat(paragraphs)
    );
    docx(&document, &numbering)
}

/// Mechanism 13: A Word document of `paragraphs` short paragraphs (the issue's
/// 50 MB document.xml).
pub fn docx_paragraphs(paragraphs: usize) -> Vec<u8> {
    let item = "<w:p><w:r><w:t>甲</w:t></w:r></w:p>";
    let document = format!(
        "<w:document {W}><w:body><w:p><w:r><w:t>青禾县图书馆2021年年报</w:t></w:r></w:p>\
         <w:p><w:r><w:t>一、工作总结</w:t></w:r></w:p>{}</w:body></w:document>",
        item.repeat(paragraphs)
    );
    docx(&document, &format!("<w:numbering {W}/>"))
}

/// Mechanism 6: Repeated nested headings, `bytes` long.
pub fn nested_headings(bytes: usize) -> Vec<u8> {
    let pair = "第五部分 其他\n（六）工作总结\n";
    let mut text = String::from("青禾县图书馆2021年年报\n");
    text.push_str(&pair.repeat(bytes / pair.len()));
    text.into_bytes()
}

/// Mechanism 13: A report of tiny lines, `bytes` long.
pub fn tiny_lines(bytes: usize) -> Vec<u8> {
    let mut text = String::from("青禾县图书馆2021年年报\n一、工作总结\n");
    text.push_str(&"甲\n".repeat(bytes / 4));
    text.into_bytes()
}

/// Mechanism 7: The characters that hide inside a figure, by name.
pub const INVISIBLE_IN_DIGITS: &[(&str, &str)] = &[
    ("en quad", "\u{2000}"),
    ("em space", "\u{2003}"),
    ("figure space", "\u{2007}"),
    ("punctuation space", "\u{2008}"),
    ("thin space", "\u{2009}"),
    ("hair space", "\u{200a}"),
    ("LRM", "\u{200e}"),
    ("RLM", "\u{200f}"),
    ("LRE", "\u{202a}"),
    ("PDF", "\u{202c}"),
    ("RLO", "\u{202e}"),
    ("LRI", "\u{2066}"),
    ("PDI", "\u{2069}"),
    ("ALM", "\u{061c}"),
    ("CGJ", "\u{034f}"),
    ("VS1", "\u{fe00}"),
    ("VS16", "\u{fe0f}"),
    ("VS17", "\u{e0100}"),
    ("apostrophe", "'"),
    ("right single quote", "’"),
    ("full-width comma", "，"),
];

/// Mechanism 7: A report with `mark` inside its one prose figure, 180383.
pub fn figure_with(mark: &str) -> Vec<u8> {
    format!("青禾县图书馆2021年年报\n一、工作总结\n全年馆藏图书180{mark}383册，新增藏书12797册。\n")
        .into_bytes()
}

/// Issue 25: a workbook (`.xlsx`, from `xlsx`) with `entries` more parts of
/// 1 MiB of zeros each, deflated once and copied raw: a few hundred KB that
/// inflate past the document's budget.
pub fn xlsx_bomb(xlsx: &[u8], entries: usize) -> Vec<u8> {
    use std::io::Cursor;
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    let mut one = zip::ZipWriter::new(Cursor::new(Vec::new()));
    one.start_file("xl/media/zeros.bin", options)
        .expect("entry");
    one.write_all(&vec![0u8; 1 << 20]).expect("zeros");
    let one = one.finish().expect("zip").into_inner();
    let mut zeros = zip::ZipArchive::new(Cursor::new(one)).expect("zip");
    let mut out = zip::ZipWriter::new_append(Cursor::new(xlsx.to_vec())).expect("append");
    for i in 0..entries {
        let file = zeros.by_index_raw(0).expect("entry");
        out.raw_copy_file_rename(file, format!("xl/media/zeros{i}.bin"))
            .expect("copy");
    }
    out.finish().expect("zip").into_inner()
}

/// Issue 25: a zip whose central directory says every part inflates to 16
/// bytes (the local headers and the data say otherwise).
pub fn zip_lying_sizes(zip: &[u8]) -> Vec<u8> {
    let mut out = zip.to_vec();
    let mut at = 0;
    while let Some(found) = memchr_find(&out[at..], b"PK\x01\x02") {
        let entry = at + found;
        // uncompressed size: 24 bytes into a central directory entry
        if let Some(size) = out.get_mut(entry + 24..entry + 28) {
            size.copy_from_slice(&16u32.to_le_bytes());
        }
        at = entry + 4;
    }
    out
}

fn memchr_find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Issue 25: a compound file (`.doc`, from `doc`) whose header claims two
/// billion FAT sectors and a directory far past its end.
pub fn cfb_lying_sizes(doc: &[u8]) -> Vec<u8> {
    let mut out = doc.to_vec();
    out[0x2C..0x30].copy_from_slice(&0x7FFF_FFFFu32.to_le_bytes());
    out[0x30..0x34].copy_from_slice(&0x7FFF_FFF0u32.to_le_bytes());
    out
}

/// Issue 25: an OpenDocument sheet whose one row of text and one figure
/// are a million empty rows of 16,384 empty cells apart.
pub fn ods_empty_rows() -> Vec<u8> {
    let content = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\
        <office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" \
        xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" \
        xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.2\">\
        <office:body><office:spreadsheet><table:table table:name=\"统计\">\
        <table:table-row><table:table-cell office:value-type=\"string\"><text:p>青禾县图书馆 2021 年年报</text:p></table:table-cell></table:table-row>\
        <table:table-row table:number-rows-repeated=\"1000000\"><table:table-cell table:number-columns-repeated=\"16384\"/></table:table-row>\
        <table:table-row><table:table-cell office:value-type=\"float\" office:value=\"96\"><text:p>96</text:p></table:table-cell></table:table-row>\
        </table:table></office:spreadsheet></office:body></office:document-content>";
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let deflated = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("mimetype", stored).expect("entry");
    zip.write_all(b"application/vnd.oasis.opendocument.spreadsheet")
        .expect("write");
    zip.start_file("content.xml", deflated).expect("entry");
    zip.write_all(content.as_bytes()).expect("write");
    zip.start_file("META-INF/manifest.xml", deflated)
        .expect("entry");
    zip.write_all(
        b"<?xml version=\"1.0\" encoding=\"UTF-8\"?><manifest:manifest \
          xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.2\">\
          <manifest:file-entry manifest:full-path=\"/\" \
          manifest:media-type=\"application/vnd.oasis.opendocument.spreadsheet\"/>\
          <manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>\
          </manifest:manifest>",
    )
    .expect("write");
    zip.finish().expect("zip").into_inner()
}

/// Issue 25: the header of a PNG of `width` × `height` pixels, no pixels.
pub fn png_header(width: u32, height: u32) -> Vec<u8> {
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    png.extend_from_slice(&width.to_be_bytes());
    png.extend_from_slice(&height.to_be_bytes());
    png.extend_from_slice(&[8, 0, 0, 0, 0, 0, 0, 0, 0]);
    png
}
