//! The JSON Schema of the output record, generated from the report types
//! themselves (`schemars`), so it cannot drift from what `extract` prints.
//!
//! Input: nothing; output: a JSON Schema (draft 2020-12) for one record —
//! a [`Record`]: a report, or `{"file": …, "error": …}` for a file that
//! yielded none. Types with a hand-written `Serialize` (numbers, units,
//! metric keys, dates, warnings) carry hand-written schemas beside it.

use schemars::generate::SchemaSettings;
use serde_json::Value;

use crate::report::Record;

/// The JSON Schema of one output record (one element of `extract`'s JSON
/// array, one line of its JSON Lines).
pub fn record_schema() -> Value {
    let generator = SchemaSettings::draft2020_12()
        .for_serialize()
        .into_generator();
    let mut schema = generator.into_root_schema_for::<Record>();
    schema.insert(
        "title".into(),
        Value::String(format!(
            "libreport record (libreport {})",
            env!("CARGO_PKG_VERSION")
        )),
    );
    schema.insert(
        "description".into(),
        Value::String(
            "One record per input file: the report extracted from it, or {file, error} for a \
             file that yielded none. Field names are fixed; later versions may add fields."
                .into(),
        ),
    );
    let mut value = schema.to_value();
    describe_metrics(&mut value);
    value
}

/// Puts the data dictionary on each metric of the report's `metrics`:
/// its Chinese header as the title, and what it measures in English and
/// Chinese with its unit as the description (`libreport keys` prints the
/// same).
fn describe_metrics(schema: &mut Value) {
    let Some(properties) = schema
        .pointer_mut("/$defs/LibraryReport/properties/metrics/properties")
        .and_then(Value::as_object_mut)
    else {
        return;
    };
    for info in crate::dictionary::entries() {
        if let Some(Value::Object(metric)) = properties.get_mut(info.key) {
            metric.insert("title".into(), Value::String(info.header_zh.clone()));
            metric.insert(
                "description".into(),
                Value::String(format!(
                    "{} ({}); {}（{}）",
                    info.meaning, info.unit, info.meaning_zh, info.name_zh
                )),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_every_top_level_field_and_metric_key() {
        let schema = record_schema();
        let text = schema.to_string();
        for field in [
            "file",
            "encoding",
            "library",
            "year",
            "sections",
            "metrics",
            "mentions",
            "statistics",
            "chronicle",
            "plan",
            "warnings",
            "error",
        ] {
            assert!(text.contains(&format!("\"{field}\"")), "{field}");
        }
        for key in crate::tables::metric_keys::MetricKey::ALL {
            assert!(text.contains(&format!("\"{}\"", key.as_str())), "{key:?}");
            let metric = &schema["$defs"]["LibraryReport"]["properties"]["metrics"]["properties"]
                [key.as_str()];
            let info = crate::dictionary::key_info(*key);
            assert_eq!(metric["title"], info.header_zh.as_str(), "{key:?}");
            let description = metric["description"].as_str().unwrap_or_default();
            assert!(description.contains(info.meaning), "{key:?}: {description}");
            assert!(
                description.contains(info.meaning_zh),
                "{key:?}: {description}"
            );
        }
    }
}
