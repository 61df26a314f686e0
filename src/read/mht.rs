//! Saved web pages (`.mht`, `.mhtml`): a MIME message (RFC 2557) whose
//! parts are the page and its pictures. The page's part is found (the
//! part the `start` parameter or the first `text/html` names), its body
//! decoded from quoted-printable or base64 and from the part's charset,
//! and read by the web page reader, [`super::html`].
//!
//! Internet Explorer, Word ("single file web page") and Chrome save pages
//! this way; Word writes GBK pages in quoted-printable, Chrome UTF-8 ones.
//! Decoding only shrinks a body, so memory stays within the file's size.

use encoding_rs::Encoding;

use super::{Reading, html, unreadable};
use crate::Options;
use crate::error::{Error, Unreadable};

/// Whether nameless bytes are a saved page: MIME headers first, and a
/// `multipart/related` body.
pub fn sniff(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(4096)];
    let lower = head.to_ascii_lowercase();
    let starts_as_mime = [
        &b"mime-version:"[..],
        b"from:",
        b"content-type:",
        b"subject:",
    ]
    .iter()
    .any(|h| lower.starts_with(h));
    starts_as_mime && memchr::memmem::find(&lower, b"multipart/related").is_some()
}

/// Reads a saved page.
pub fn read(bytes: &[u8], options: &Options) -> Result<Reading, Error> {
    let (headers, body) = split_head(bytes);
    let top = Headers::parse(headers);
    // A multipart message ends with its closing boundary (`--B--`): one
    // without it was cut short, and its page may be missing its end.
    let mut damaged = false;
    let part = if top.media_type().starts_with("multipart/") {
        let boundary = top
            .param("content-type", "boundary")
            .ok_or_else(|| unreadable(Unreadable::MhtNoBoundary))?;
        let closing = format!("--{boundary}--");
        damaged = memchr::memmem::find(body, closing.as_bytes()).is_none();
        let parts = split_parts(body, boundary.as_bytes());
        let start = top.param("content-type", "start");
        pick_page(&parts, start.as_deref()).ok_or_else(|| unreadable(Unreadable::MhtNoPage))?
    } else {
        Part { headers: top, body }
    };
    let decoded = part.decoded();
    let charset = part
        .headers
        .param("content-type", "charset")
        .and_then(|label| Encoding::for_label(label.trim().as_bytes()));
    let forced = options.encoding.or(charset);
    if part.headers.media_type() == "text/plain" {
        let text = crate::decode::decode(&decoded, forced)?;
        return Ok(Reading {
            encoding: text.encoding_name(),
            replaced: text.replaced,
            text: text.text,
            damaged,
            ..Reading::default()
        });
    }
    let page = html::read(&decoded, forced)?;
    Ok(Reading {
        text: page.text,
        encoding: page.encoding,
        replaced: page.replaced,
        damaged,
        ..Reading::default()
    })
}

/// A message's or part's header block and its body: split at the first
/// blank line (CRLF or LF).
fn split_head(bytes: &[u8]) -> (&[u8], &[u8]) {
    let crlf = memchr::memmem::find(bytes, b"\r\n\r\n").map(|i| (i, i + 4));
    let lf = memchr::memmem::find(bytes, b"\n\n").map(|i| (i, i + 2));
    match (crlf, lf) {
        (Some(a), Some(b)) => {
            let (end, body) = if a.0 <= b.0 { a } else { b };
            (&bytes[..end], &bytes[body..])
        }
        (Some((end, body)), None) | (None, Some((end, body))) => (&bytes[..end], &bytes[body..]),
        (None, None) => (bytes, &[]),
    }
}

/// Header fields, names lowercased, folded lines joined.
struct Headers {
    fields: Vec<(String, String)>,
}

impl Headers {
    fn parse(block: &[u8]) -> Headers {
        let text = String::from_utf8_lossy(block);
        let mut fields: Vec<(String, String)> = Vec::new();
        for line in text.lines() {
            if line.starts_with([' ', '\t']) {
                if let Some((_, value)) = fields.last_mut() {
                    value.push(' ');
                    value.push_str(line.trim());
                }
                continue;
            }
            if let Some((name, value)) = line.split_once(':') {
                fields.push((name.trim().to_ascii_lowercase(), value.trim().to_owned()));
            }
        }
        Headers { fields }
    }

    fn get(&self, name: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The media type, lowercased: `text/html`; `text/plain` when none
    /// is given, as MIME says.
    fn media_type(&self) -> String {
        self.get("content-type")
            .and_then(|v| v.split(';').next())
            .map_or_else(
                || "text/plain".to_owned(),
                |t| t.trim().to_ascii_lowercase(),
            )
    }

    /// A parameter of a field: `boundary`, `charset`, `start`; quotes
    /// removed.
    fn param(&self, field: &str, name: &str) -> Option<String> {
        let value = self.get(field)?;
        value.split(';').skip(1).find_map(|param| {
            let (key, value) = param.split_once('=')?;
            key.trim()
                .eq_ignore_ascii_case(name)
                .then(|| value.trim().trim_matches('"').to_owned())
        })
    }
}

/// One MIME part.
struct Part<'b> {
    headers: Headers,
    body: &'b [u8],
}

impl Part<'_> {
    /// The body with its transfer encoding undone.
    fn decoded(&self) -> Vec<u8> {
        let encoding = self
            .headers
            .get("content-transfer-encoding")
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase();
        match encoding.as_str() {
            "quoted-printable" => quoted_printable(self.body),
            "base64" => base64(self.body),
            _ => self.body.to_vec(),
        }
    }
}

/// The parts between `--boundary` lines, up to `--boundary--`.
fn split_parts<'b>(body: &'b [u8], boundary: &[u8]) -> Vec<Part<'b>> {
    let mut delimiter = b"--".to_vec();
    delimiter.extend_from_slice(boundary);
    let finder = memchr::memmem::Finder::new(&delimiter);
    let starts: Vec<usize> = finder
        .find_iter(body)
        // a delimiter begins a line
        .filter(|&at| at == 0 || body[at - 1] == b'\n')
        .collect();
    let mut parts = Vec::new();
    for (k, &at) in starts.iter().enumerate() {
        let after = at + delimiter.len();
        if body[after..].starts_with(b"--") {
            break;
        }
        let end = starts.get(k + 1).copied().unwrap_or(body.len());
        let mut part = &body[after..end];
        // the rest of the delimiter line
        if let Some(nl) = memchr::memchr(b'\n', part) {
            part = &part[nl + 1..];
        } else {
            continue;
        }
        // the line break before the next delimiter belongs to it
        let part = part
            .strip_suffix(b"\r\n")
            .or_else(|| part.strip_suffix(b"\n"))
            .unwrap_or(part);
        let (head, content) = split_head(part);
        parts.push(Part {
            headers: Headers::parse(head),
            body: content,
        });
    }
    parts
}

/// The part that is the page: the one `start` names by Content-ID, else
/// the first `text/html`, else the first `text/plain`.
fn pick_page<'b>(parts: &[Part<'b>], start: Option<&str>) -> Option<Part<'b>> {
    let chosen = start
        .and_then(|id| {
            let id = id.trim_matches(['<', '>']);
            parts.iter().position(|p| {
                p.headers
                    .get("content-id")
                    .is_some_and(|cid| cid.trim_matches(['<', '>', ' ']) == id)
            })
        })
        .or_else(|| {
            parts
                .iter()
                .position(|p| p.headers.media_type() == "text/html")
        })
        .or_else(|| {
            parts
                .iter()
                .position(|p| p.headers.media_type() == "text/plain")
        })?;
    let part = &parts[chosen];
    Some(Part {
        headers: Headers {
            fields: part.headers.fields.clone(),
        },
        body: part.body,
    })
}

/// Undoes quoted-printable (RFC 2045): `=XX` bytes, `=` at a line's end
/// joins it to the next; anything malformed is kept as written.
pub fn quoted_printable(body: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(body.len());
    let mut i = 0;
    while i < body.len() {
        let b = body[i];
        if b != b'=' {
            out.push(b);
            i += 1;
            continue;
        }
        match (body.get(i + 1), body.get(i + 2)) {
            (Some(b'\r'), Some(b'\n')) => i += 3,
            (Some(b'\n'), _) => i += 2,
            (Some(&h), Some(&l)) => match (hex(h), hex(l)) {
                (Some(h), Some(l)) => {
                    out.push(h << 4 | l);
                    i += 3;
                }
                _ => {
                    out.push(b);
                    i += 1;
                }
            },
            _ => {
                out.push(b);
                i += 1;
            }
        }
    }
    out
}

fn hex(b: u8) -> Option<u8> {
    (b as char).to_digit(16).and_then(|d| u8::try_from(d).ok())
}

/// Undoes base64, skipping line breaks and any byte outside the
/// alphabet; stops at padding.
pub fn base64(body: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(body.len() / 4 * 3);
    let (mut acc, mut bits) = (0u32, 0u32);
    for &b in body {
        let value = match b {
            b'A'..=b'Z' => b - b'A',
            b'a'..=b'z' => b - b'a' + 26,
            b'0'..=b'9' => b - b'0' + 52,
            b'+' | b'-' => 62,
            b'/' | b'_' => 63,
            b'=' => break,
            _ => continue,
        };
        acc = (acc << 6) | u32::from(value);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push(((acc >> bits) & 0xff) as u8);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transfer_encodings_are_undone() {
        assert_eq!(quoted_printable(b"a=3Db=\r\nc=C4=EA"), b"a=bc\xc4\xea");
        assert_eq!(quoted_printable(b"50% =ZZ="), b"50% =ZZ=");
        assert_eq!(base64(b"5Zu+5Lmm\r\n6aaG"), "图书馆".as_bytes());
        assert_eq!(base64(b"YQ=="), b"a");
    }

    #[test]
    fn the_page_part_is_read_in_its_charset() {
        let gbk = encoding_rs::GBK.encode("<p>青禾县图书馆</p>").0;
        let mut qp = String::new();
        for b in gbk.iter() {
            qp.push_str(&format!("={b:02X}"));
        }
        let message = format!(
            "From: <Saved by Word>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\tboundary=\"----=_NextPart_01\"\r\n\r\n\
             preamble\r\n------=_NextPart_01\r\nContent-Type: text/html; charset=\"gb2312\"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n\
             <html><body>{qp}</body></html>\r\n------=_NextPart_01\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n------=_NextPart_01--\r\n"
        );
        assert!(sniff(message.as_bytes()));
        let read = read(message.as_bytes(), &Options::default()).expect("reads");
        assert_eq!(read.text.trim(), "青禾县图书馆");
        assert_eq!(read.encoding, "GB18030");
    }

    #[test]
    fn a_message_without_a_page_says_so() {
        let message =
            b"MIME-Version: 1.0\nContent-Type: multipart/related; boundary=b\n\n--b\nContent-Type: image/png\n\nxx\n--b--\n";
        let err = read(message, &Options::default()).expect_err("no page");
        assert!(
            err.to_string().contains("no part holds a web page"),
            "{err}"
        );
    }
}
