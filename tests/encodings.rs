//! Every encoding a library could have saved its report in gives the same
//! record as the UTF-8 original, apart from `encoding`.

use std::fs;
use std::path::Path;

use encoding_rs::{BIG5, Encoding, GB18030};
use serde_json::Value;

use crate::util::{code, fixtures, json_lines, run_in, stderr, stdout};

fn utf16(text: &str, big_endian: bool, bom: bool) -> Vec<u8> {
    let mut bytes = Vec::new();
    if bom {
        bytes.extend_from_slice(if big_endian {
            &[0xFE, 0xFF]
        } else {
            &[0xFF, 0xFE]
        });
    }
    for unit in text.encode_utf16() {
        let pair = if big_endian {
            unit.to_be_bytes()
        } else {
            unit.to_le_bytes()
        };
        bytes.extend_from_slice(&pair);
    }
    bytes
}

fn encode(text: &str, encoding: &'static Encoding) -> Vec<u8> {
    let (bytes, _, unmappable) = encoding.encode(text);
    assert!(!unmappable, "{} cannot write this text", encoding.name());
    bytes.into_owned()
}

fn record_of(dir: &Path, name: &str, bytes: &[u8]) -> Value {
    fs::write(dir.join(name), bytes).expect("write");
    let output = run_in(dir, &["extract", "--format", "jsonl", name]);
    assert_eq!(code(&output), 0, "{name}: {}", stderr(&output));
    let mut records = json_lines(&stdout(&output));
    assert_eq!(records.len(), 1);
    records.remove(0)
}

fn without(mut record: Value, fields: &[&str]) -> Value {
    if let Some(object) = record.as_object_mut() {
        for field in fields {
            object.remove(*field);
        }
    }
    record
}

#[test]
fn gb18030_and_utf16_give_the_utf8_record() {
    let dir = tempfile::tempdir().expect("temp dir");
    for fixture in fixtures() {
        // The UTF-8 text fixtures; the others are themselves the encoded
        // cases, and a saved web page (.mht, ASCII) is no text.
        let Ok(text) = fs::read_to_string(&fixture) else {
            continue;
        };
        if fixture.extension().is_some_and(|e| e == "mht") {
            continue;
        }
        let stem = fixture.file_stem().and_then(|s| s.to_str()).expect("name");
        let original = record_of(dir.path(), &format!("{stem}.utf8.txt"), text.as_bytes());
        assert_eq!(original["encoding"], "UTF-8");
        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend_from_slice(text.as_bytes());
        let variants: [(&str, Vec<u8>, &str); 6] = [
            ("utf8-bom", bom, "UTF-8"),
            ("gb18030", encode(&text, GB18030), "gb18030"),
            ("utf16le-bom", utf16(&text, false, true), "UTF-16LE"),
            ("utf16be-bom", utf16(&text, true, true), "UTF-16BE"),
            ("utf16le", utf16(&text, false, false), "UTF-16LE"),
            ("utf16be", utf16(&text, true, false), "UTF-16BE"),
        ];
        let want = without(original, &["file", "encoding"]);
        for (variant, bytes, encoding) in variants {
            let record = record_of(dir.path(), &format!("{stem}.{variant}.txt"), &bytes);
            assert!(
                record["encoding"]
                    .as_str()
                    .is_some_and(|e| e.eq_ignore_ascii_case(encoding)),
                "{stem}.{variant}: encoding {}",
                record["encoding"]
            );
            assert_eq!(
                without(record, &["file", "encoding"]),
                want,
                "{stem}.{variant}"
            );
        }
    }
}

#[test]
fn big5_reads_a_traditional_report() {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = "臺北市立圖書館 2020 年年報\n\n2020 年度工作總結\n\n本年度館藏量 180383 冊，到館人次 47000 人次，舉辦各類活動 45 場次。\n\n2020 年大事記\n\n一月\n\n16 日，自助圖書館正式開館。\n\n2021 年工作計劃\n\n一、加強閱讀推廣。\n";
    let utf8 = record_of(dir.path(), "taipei.utf8.txt", text.as_bytes());
    let big5 = record_of(dir.path(), "taipei.big5.txt", &encode(text, BIG5));
    assert_eq!(big5["encoding"], "Big5");
    assert_eq!(big5["library"], "臺北市立圖書館");
    assert_eq!(
        without(big5, &["file", "encoding"]),
        without(utf8, &["file", "encoding"])
    );
}

#[test]
fn forced_encoding_overrides_detection() {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = fs::read_to_string(crate::util::root().join("fixtures/zhucheng-2020.txt"))
        .expect("fixture");
    fs::write(dir.path().join("r.txt"), encode(&text, GB18030)).expect("write");
    let output = run_in(
        dir.path(),
        &["extract", "--format", "jsonl", "--encoding", "gbk", "r.txt"],
    );
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let record = &json_lines(&stdout(&output))[0];
    assert_eq!(record["library"], "诸城市图书馆");
    let output = run_in(
        dir.path(),
        &["extract", "--encoding", "no-such-encoding", "r.txt"],
    );
    assert_eq!(code(&output), 2, "an unknown encoding is a usage error");
    assert!(stderr(&output).contains("no-such-encoding"));
}

#[test]
fn the_big5_traditional_fixture_reads_like_its_simplified_original() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = crate::util::root();
    let simplified = fs::read(root.join("fixtures/wulong-2020.txt")).expect("fixture");
    let traditional = fs::read(root.join("fixtures/wulong-traditional-2020.txt")).expect("fixture");
    let simplified = record_of(dir.path(), "s.txt", &simplified);
    let traditional = record_of(dir.path(), "t.txt", &traditional);
    assert_eq!(traditional["encoding"], "Big5");
    assert_eq!(traditional["library"], "重慶市武隆區圖書館");
    // Every figure, date and line is the same; only the script differs.
    let figures = |record: &Value| -> Vec<(Value, Value, Value)> {
        record["mentions"]
            .as_array()
            .expect("mentions")
            .iter()
            .map(|m| (m["key"].clone(), m["value"].clone(), m["line"].clone()))
            .collect()
    };
    assert_eq!(figures(&traditional), figures(&simplified));
    assert_eq!(
        traditional["metrics"].as_object().map(|m| m.len()),
        simplified["metrics"].as_object().map(|m| m.len())
    );
    let dates = |record: &Value| -> Vec<(Value, Value)> {
        record["chronicle"]
            .as_array()
            .expect("chronicle")
            .iter()
            .map(|e| (e["date"].clone(), e["end"].clone()))
            .collect()
    };
    assert_eq!(dates(&traditional), dates(&simplified));
    assert_eq!(
        traditional["plan"].as_array().map(Vec::len),
        simplified["plan"].as_array().map(Vec::len)
    );
    let kinds = |record: &Value| {
        record["sections"]
            .as_array()
            .expect("sections")
            .iter()
            .map(|s| s["kind"].clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(kinds(&traditional), kinds(&simplified));
}
