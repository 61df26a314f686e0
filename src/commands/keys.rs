//! `keys`: the data dictionary, as aligned text, CSV or JSON.

use std::io::Write;
use std::process::ExitCode;

use anyhow::{Result, bail};

use libreport::dictionary::{self, CSV_COLUMNS, KeyInfo};
use libreport::text::display_width;

use crate::cli::{KeysArgs, KeysFormat};
use crate::output::Out;

pub(crate) fn keys(args: KeysArgs) -> Result<ExitCode> {
    let all = dictionary::entries();
    let chosen: Vec<&KeyInfo> = if args.keys.is_empty() {
        all.iter().collect()
    } else {
        let mut chosen = Vec::new();
        for name in &args.keys {
            match find(&all, name) {
                Some(info) => chosen.push(info),
                None => bail!(
                    "no metric key {name:?} (`libreport keys` lists them: a key such as loan_visits, or a Chinese name such as 外借人次)"
                ),
            }
        }
        chosen
    };
    let mut out = Out::stdout();
    match args.format {
        KeysFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &chosen)?;
            writeln!(out)?;
        }
        KeysFormat::Csv => {
            let mut csv = csv::WriterBuilder::new()
                .terminator(csv::Terminator::Any(b'\n'))
                .from_writer(&mut out);
            csv.write_record(CSV_COLUMNS)?;
            for info in &chosen {
                csv.write_record(info.cells())?;
            }
            csv.flush()?;
        }
        KeysFormat::Table if args.keys.is_empty() => table(&mut out, &chosen)?,
        KeysFormat::Table => {
            for (i, info) in chosen.iter().enumerate() {
                if i > 0 {
                    writeln!(out)?;
                }
                block(&mut out, info)?;
            }
        }
    }
    out.finish()?;
    Ok(ExitCode::SUCCESS)
}

/// The entry a name means: the key, its Chinese name or header, or one
/// of its wordings.
fn find<'a>(all: &'a [KeyInfo], name: &str) -> Option<&'a KeyInfo> {
    let name = name.trim();
    all.iter()
        .find(|i| i.key == name || i.name_zh == name || i.header_zh == name)
        .or_else(|| all.iter().find(|i| i.wordings.iter().any(|w| w == name)))
}

/// `text` padded with spaces to `width` terminal columns.
fn pad(text: &str, width: usize) -> String {
    let mut cell = text.to_owned();
    cell.extend(std::iter::repeat_n(
        ' ',
        width.saturating_sub(display_width(text)),
    ));
    cell
}

/// One line per key: key, Chinese name, unit, meaning in Chinese and
/// English.
fn table(out: &mut impl Write, entries: &[&KeyInfo]) -> std::io::Result<()> {
    let width = |f: &dyn Fn(&KeyInfo) -> &str, title: &str| {
        entries
            .iter()
            .map(|i| display_width(f(i)))
            .chain([display_width(title)])
            .max()
            .unwrap_or(0)
    };
    let (wk, wn, wu) = (
        width(&|i| i.key, "key"),
        width(&|i| i.name_zh, "名称"),
        width(&|i| i.unit, "单位"),
    );
    writeln!(
        out,
        "{}  {}  {}  含义 / meaning",
        pad("key", wk),
        pad("名称", wn),
        pad("单位", wu)
    )?;
    for info in entries {
        writeln!(
            out,
            "{}  {}  {}  {} / {}",
            pad(info.key, wk),
            pad(info.name_zh, wn),
            pad(info.unit, wu),
            info.meaning_zh,
            info.meaning
        )?;
    }
    Ok(())
}

/// Everything about one key, a field a line.
fn block(out: &mut impl Write, info: &KeyInfo) -> std::io::Result<()> {
    writeln!(out, "{}", info.key)?;
    writeln!(out, "  名称 name      {}", info.name_zh)?;
    writeln!(out, "  单位 unit      {}", info.unit)?;
    writeln!(out, "  表头 header    {}", info.header_zh)?;
    writeln!(out, "  含义 meaning   {}", info.meaning_zh)?;
    writeln!(out, "                 {}", info.meaning)?;
    writeln!(out, "  章节 sections  {}", info.sections.join(", "))?;
    writeln!(out, "  说法 wordings  {}", info.wordings.join("、"))
}
