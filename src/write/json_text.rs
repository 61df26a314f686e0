//! A serde `Serializer` that writes JSON text into a buffer: serde_json's
//! output byte for byte, compact or pretty (two spaces a level, starting
//! any number of levels in), with strings escaped by [`json_escape`].
//!
//! serde_json's escaping cannot be swapped out (its `Formatter` sees a
//! string only after escaping), and strings are most of what a record
//! holds, so the writers serialize through this instead. The tests hold
//! it to serde_json's own output on real records.
//!
//! [`json_escape`]: super::json_escape

use std::fmt;

use serde::ser::{self, Serialize};

use super::json_escape;

/// Why a value could not be written: only a value serde_json would refuse
/// too (a map key that is not a string or a number, a `Serialize` impl's
/// own error).
#[derive(Debug)]
pub(crate) struct Error(String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Error(msg.to_string())
    }
}

impl From<Error> for std::io::Error {
    fn from(err: Error) -> Self {
        std::io::Error::other(err)
    }
}

type Result<T> = std::result::Result<T, Error>;

/// The ten `serialize_{integer}` methods of a `Serializer`, each the same
/// body (`|serializer, value| …`) for its own type.
macro_rules! integers {
    (|$this:ident, $value:ident| $body:expr) => {
        integers!(@each |$this, $value| $body;
            serialize_i8: i8, serialize_i16: i16, serialize_i32: i32, serialize_i64: i64,
            serialize_i128: i128, serialize_u8: u8, serialize_u16: u16, serialize_u32: u32,
            serialize_u64: u64, serialize_u128: u128);
    };
    (@each |$this:ident, $value:ident| $body:expr; $($name:ident: $ty:ty),*) => {
        $(
            fn $name(self, $value: $ty) -> Result<()> {
                let $this = self;
                $body
            }
        )*
    };
}

/// JSON text written into `out`.
pub(crate) struct JsonText<'o> {
    out: &'o mut Vec<u8>,
    /// `None` for compact output; else the pretty printer's state.
    pretty: Option<Pretty>,
}

/// serde_json's `PrettyFormatter` state: the depth, and whether the
/// innermost open array or object has had a value (an empty one closes on
/// the same line).
struct Pretty {
    depth: usize,
    has_value: bool,
}

impl<'o> JsonText<'o> {
    /// Compact JSON, as `serde_json::to_writer`.
    pub(crate) fn compact(out: &'o mut Vec<u8>) -> Self {
        JsonText { out, pretty: None }
    }

    /// Pretty JSON as `serde_json::to_writer_pretty`, for a value that
    /// already stands `depth` levels in (its first line's indent is the
    /// caller's).
    pub(crate) fn pretty(out: &'o mut Vec<u8>, depth: usize) -> Self {
        JsonText {
            out,
            pretty: Some(Pretty {
                depth,
                has_value: false,
            }),
        }
    }

    fn open(&mut self, mark: u8) {
        if let Some(pretty) = &mut self.pretty {
            pretty.depth += 1;
            pretty.has_value = false;
        }
        self.out.push(mark);
    }

    fn close(&mut self, mark: u8) {
        if let Some(pretty) = &mut self.pretty {
            pretty.depth -= 1;
            if pretty.has_value {
                new_line(self.out, pretty.depth);
            }
        }
        self.out.push(mark);
    }

    /// Before an element or a key: the comma and, pretty, the new line.
    fn next_item(&mut self, first: bool) {
        match &self.pretty {
            Some(pretty) => {
                if !first {
                    self.out.push(b',');
                }
                new_line(self.out, pretty.depth);
            }
            None if first => {}
            None => self.out.push(b','),
        }
    }

    fn before_value(&mut self) {
        self.out
            .extend_from_slice(if self.pretty.is_some() { b": " } else { b":" });
    }

    fn after_value(&mut self) {
        if let Some(pretty) = &mut self.pretty {
            pretty.has_value = true;
        }
    }

    fn integer(&mut self, value: impl itoa::Integer) {
        self.out
            .extend_from_slice(itoa::Buffer::new().format(value).as_bytes());
    }

    /// Opens `{"variant": ` around an enum variant's data.
    fn open_variant(&mut self, variant: &str) {
        self.open(b'{');
        self.next_item(true);
        json_escape::write_str(self.out, variant);
        self.before_value();
    }

    /// Closes what `open_variant` opened.
    fn close_variant(&mut self) {
        self.after_value();
        self.close(b'}');
    }

    /// Opens an array or object; one of length 0 closes at once.
    fn compound(&mut self, open: u8, close: u8, len: Option<usize>) -> Compound<'_, 'o> {
        self.open(open);
        let state = if len == Some(0) {
            self.close(close);
            State::Empty
        } else {
            State::First
        };
        Compound {
            text: self,
            state,
            variant: false,
        }
    }
}

/// A line end and `depth` levels of indent, in one copy while they fit
/// a line of spaces.
fn new_line(out: &mut Vec<u8>, depth: usize) {
    const LINE: &[u8; 65] = b"\n                                                                ";
    match LINE.get(..1 + 2 * depth) {
        Some(line) => out.extend_from_slice(line),
        None => {
            out.push(b'\n');
            (0..depth).for_each(|_| out.extend_from_slice(b"  "));
        }
    }
}

impl<'a, 'o> ser::Serializer for &'a mut JsonText<'o> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Compound<'a, 'o>;
    type SerializeTuple = Compound<'a, 'o>;
    type SerializeTupleStruct = Compound<'a, 'o>;
    type SerializeTupleVariant = Compound<'a, 'o>;
    type SerializeMap = Compound<'a, 'o>;
    type SerializeStruct = Compound<'a, 'o>;
    type SerializeStructVariant = Compound<'a, 'o>;

    fn serialize_bool(self, value: bool) -> Result<()> {
        self.out
            .extend_from_slice(if value { b"true" } else { b"false" });
        Ok(())
    }

    integers!(|text, value| {
        text.integer(value);
        Ok(())
    });

    fn serialize_f32(self, value: f32) -> Result<()> {
        if value.is_finite() {
            self.out
                .extend_from_slice(zmij::Buffer::new().format_finite(value).as_bytes());
        } else {
            self.out.extend_from_slice(b"null");
        }
        Ok(())
    }

    fn serialize_f64(self, value: f64) -> Result<()> {
        if value.is_finite() {
            self.out
                .extend_from_slice(zmij::Buffer::new().format_finite(value).as_bytes());
        } else {
            self.out.extend_from_slice(b"null");
        }
        Ok(())
    }

    fn serialize_char(self, value: char) -> Result<()> {
        json_escape::write_str(self.out, value.encode_utf8(&mut [0; 4]));
        Ok(())
    }

    fn serialize_str(self, value: &str) -> Result<()> {
        json_escape::write_str(self.out, value);
        Ok(())
    }

    fn serialize_bytes(self, value: &[u8]) -> Result<()> {
        use ser::SerializeSeq;
        let mut seq = self.serialize_seq(Some(value.len()))?;
        for byte in value {
            seq.serialize_element(byte)?;
        }
        seq.end()
    }

    fn serialize_none(self) -> Result<()> {
        self.serialize_unit()
    }

    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result<()> {
        value.serialize(self)
    }

    fn serialize_unit(self) -> Result<()> {
        self.out.extend_from_slice(b"null");
        Ok(())
    }

    fn serialize_unit_struct(self, _name: &'static str) -> Result<()> {
        self.serialize_unit()
    }

    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<()> {
        self.serialize_str(variant)
    }

    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<()> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<()> {
        self.open_variant(variant);
        value.serialize(&mut *self)?;
        self.close_variant();
        Ok(())
    }

    fn serialize_seq(self, len: Option<usize>) -> Result<Compound<'a, 'o>> {
        Ok(self.compound(b'[', b']', len))
    }

    fn serialize_tuple(self, len: usize) -> Result<Compound<'a, 'o>> {
        self.serialize_seq(Some(len))
    }

    fn serialize_tuple_struct(self, _name: &'static str, len: usize) -> Result<Compound<'a, 'o>> {
        self.serialize_seq(Some(len))
    }

    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Compound<'a, 'o>> {
        self.open_variant(variant);
        let mut compound = self.compound(b'[', b']', Some(len));
        compound.variant = true;
        Ok(compound)
    }

    fn serialize_map(self, len: Option<usize>) -> Result<Compound<'a, 'o>> {
        Ok(self.compound(b'{', b'}', len))
    }

    fn serialize_struct(self, _name: &'static str, len: usize) -> Result<Compound<'a, 'o>> {
        self.serialize_map(Some(len))
    }

    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Compound<'a, 'o>> {
        self.open_variant(variant);
        let mut compound = self.compound(b'{', b'}', Some(len));
        compound.variant = true;
        Ok(compound)
    }

    fn collect_str<T: ?Sized + fmt::Display>(self, value: &T) -> Result<()> {
        use fmt::Write as _;
        self.out.push(b'"');
        write!(json_escape::EscapingWriter(self.out), "{value}").map_err(ser::Error::custom)?;
        self.out.push(b'"');
        Ok(())
    }
}

/// Where an open array or object is: empty (already closed), before its
/// first item, or after one.
#[derive(PartialEq)]
enum State {
    Empty,
    First,
    Rest,
}

/// An open array or object.
pub(crate) struct Compound<'a, 'o> {
    text: &'a mut JsonText<'o>,
    state: State,
    /// Inside `{"variant": …}`, closed with it.
    variant: bool,
}

impl Compound<'_, '_> {
    fn item<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<()> {
        self.text.next_item(self.state == State::First);
        self.state = State::Rest;
        value.serialize(&mut *self.text)?;
        self.text.after_value();
        Ok(())
    }

    fn field<T: ?Sized + Serialize>(&mut self, name: &'static str, value: &T) -> Result<()> {
        self.text.next_item(self.state == State::First);
        self.state = State::Rest;
        json_escape::write_field_name(self.text.out, name);
        self.value(value)
    }

    fn key<T: ?Sized + Serialize>(&mut self, key: &T) -> Result<()> {
        self.text.next_item(self.state == State::First);
        self.state = State::Rest;
        key.serialize(KeyText(&mut *self.text))
    }

    fn value<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<()> {
        self.text.before_value();
        value.serialize(&mut *self.text)?;
        self.text.after_value();
        Ok(())
    }

    fn finish(self, close: u8) -> Result<()> {
        if self.state != State::Empty {
            self.text.close(close);
        }
        if self.variant {
            self.text.close_variant();
        }
        Ok(())
    }
}

impl ser::SerializeSeq for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;

    fn serialize_element<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<()> {
        self.item(value)
    }

    fn end(self) -> Result<()> {
        Compound::finish(self, b']')
    }
}

impl ser::SerializeTuple for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;

    fn serialize_element<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<()> {
        self.item(value)
    }

    fn end(self) -> Result<()> {
        Compound::finish(self, b']')
    }
}

impl ser::SerializeTupleStruct for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;

    fn serialize_field<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<()> {
        self.item(value)
    }

    fn end(self) -> Result<()> {
        Compound::finish(self, b']')
    }
}

impl ser::SerializeTupleVariant for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;

    fn serialize_field<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<()> {
        self.item(value)
    }

    fn end(self) -> Result<()> {
        Compound::finish(self, b']')
    }
}

impl ser::SerializeMap for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;

    fn serialize_key<T: ?Sized + Serialize>(&mut self, key: &T) -> Result<()> {
        self.key(key)
    }

    fn serialize_value<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<()> {
        self.value(value)
    }

    fn end(self) -> Result<()> {
        Compound::finish(self, b'}')
    }
}

impl ser::SerializeStruct for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;

    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<()> {
        self.field(key, value)
    }

    fn end(self) -> Result<()> {
        Compound::finish(self, b'}')
    }
}

impl ser::SerializeStructVariant for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;

    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<()> {
        self.field(key, value)
    }

    fn end(self) -> Result<()> {
        Compound::finish(self, b'}')
    }
}

/// A map key: a string, or a number or `bool` written as a string, as
/// serde_json writes keys; anything else is refused as serde_json
/// refuses it.
struct KeyText<'a, 'o>(&'a mut JsonText<'o>);

fn key_must_be_a_string() -> Error {
    Error("key must be a string".to_owned())
}

impl KeyText<'_, '_> {
    fn quoted(self, text: &str) -> Result<()> {
        json_escape::write_str(self.0.out, text);
        Ok(())
    }
}

impl ser::Serializer for KeyText<'_, '_> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = ser::Impossible<(), Error>;
    type SerializeTuple = ser::Impossible<(), Error>;
    type SerializeTupleStruct = ser::Impossible<(), Error>;
    type SerializeTupleVariant = ser::Impossible<(), Error>;
    type SerializeMap = ser::Impossible<(), Error>;
    type SerializeStruct = ser::Impossible<(), Error>;
    type SerializeStructVariant = ser::Impossible<(), Error>;

    fn serialize_str(self, value: &str) -> Result<()> {
        self.quoted(value)
    }

    fn serialize_char(self, value: char) -> Result<()> {
        self.quoted(value.encode_utf8(&mut [0; 4]))
    }

    fn serialize_bool(self, value: bool) -> Result<()> {
        self.quoted(if value { "true" } else { "false" })
    }

    integers!(|key, value| key.quoted(itoa::Buffer::new().format(value)));

    fn serialize_f32(self, value: f32) -> Result<()> {
        if !value.is_finite() {
            return Err(Error("float key must be finite".to_owned()));
        }
        self.quoted(zmij::Buffer::new().format_finite(value))
    }

    fn serialize_f64(self, value: f64) -> Result<()> {
        if !value.is_finite() {
            return Err(Error("float key must be finite".to_owned()));
        }
        self.quoted(zmij::Buffer::new().format_finite(value))
    }

    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<()> {
        self.quoted(variant)
    }

    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<()> {
        value.serialize(self)
    }

    fn serialize_bytes(self, _value: &[u8]) -> Result<()> {
        Err(key_must_be_a_string())
    }

    fn serialize_none(self) -> Result<()> {
        Err(key_must_be_a_string())
    }

    fn serialize_some<T: ?Sized + Serialize>(self, _value: &T) -> Result<()> {
        Err(key_must_be_a_string())
    }

    fn serialize_unit(self) -> Result<()> {
        Err(key_must_be_a_string())
    }

    fn serialize_unit_struct(self, _name: &'static str) -> Result<()> {
        Err(key_must_be_a_string())
    }

    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _value: &T,
    ) -> Result<()> {
        Err(key_must_be_a_string())
    }

    fn serialize_seq(self, _len: Option<usize>) -> Result<Self::SerializeSeq> {
        Err(key_must_be_a_string())
    }

    fn serialize_tuple(self, _len: usize) -> Result<Self::SerializeTuple> {
        Err(key_must_be_a_string())
    }

    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleStruct> {
        Err(key_must_be_a_string())
    }

    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleVariant> {
        Err(key_must_be_a_string())
    }

    fn serialize_map(self, _len: Option<usize>) -> Result<Self::SerializeMap> {
        Err(key_must_be_a_string())
    }

    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Self::SerializeStruct> {
        Err(key_must_be_a_string())
    }

    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStructVariant> {
        Err(key_must_be_a_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    #[derive(serde::Serialize)]
    enum Shape {
        Unit,
        Newtype(u8),
        Tuple(u8, &'static str),
        Struct { a: Option<u8>, b: Vec<u8> },
    }

    #[derive(serde::Serialize)]
    struct Everything {
        flag: bool,
        small: i8,
        big: u128,
        negative: i64,
        float: f64,
        not_a_number: f64,
        single: f32,
        letter: char,
        text: &'static str,
        none: Option<u8>,
        unit: (),
        empty_list: Vec<u8>,
        empty_map: BTreeMap<String, u8>,
        nested: Vec<Vec<u8>>,
        shapes: Vec<Shape>,
        numbered: BTreeMap<u32, &'static str>,
        bytes: serde_bytes_like::Bytes,
        empty_struct: Empty,
    }

    #[derive(serde::Serialize)]
    struct Empty {}

    mod serde_bytes_like {
        /// Serializes as bytes (serde's `serialize_bytes`).
        pub struct Bytes(pub &'static [u8]);
        impl serde::Serialize for Bytes {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_bytes(self.0)
            }
        }
    }

    fn everything() -> Everything {
        Everything {
            flag: true,
            small: -8,
            big: u128::MAX,
            negative: i64::MIN,
            float: 0.1396,
            not_a_number: f64::NAN,
            single: 16.19,
            letter: '"',
            text: "青禾县图书馆\t“年报”\u{1}\\",
            none: None,
            unit: (),
            empty_list: vec![],
            empty_map: BTreeMap::new(),
            nested: vec![vec![], vec![1, 2]],
            shapes: vec![
                Shape::Unit,
                Shape::Newtype(3),
                Shape::Tuple(4, "五"),
                Shape::Tuple(0, ""),
                Shape::Struct {
                    a: Some(6),
                    b: vec![],
                },
            ],
            numbered: [(1, "一"), (20, "二十")].into_iter().collect(),
            bytes: serde_bytes_like::Bytes(&[0, 255]),
            empty_struct: Empty {},
        }
    }

    #[test]
    fn compact_text_is_serde_jsons() {
        let mut out = Vec::new();
        everything()
            .serialize(&mut JsonText::compact(&mut out))
            .expect("written");
        let want = serde_json::to_string(&everything()).expect("printed");
        assert_eq!(String::from_utf8(out).expect("UTF-8"), want);
    }

    #[test]
    fn pretty_text_is_serde_jsons() {
        let mut out = Vec::new();
        everything()
            .serialize(&mut JsonText::pretty(&mut out, 0))
            .expect("written");
        let want = serde_json::to_string_pretty(&everything()).expect("printed");
        assert_eq!(String::from_utf8(out).expect("UTF-8"), want);
    }

    #[test]
    fn deep_nesting_is_indented_as_serde_json_indents_it() {
        // deeper than the line of spaces `new_line` copies from
        let mut value = serde_json::json!({"馆": [1, {}]});
        for depth in 0..40 {
            value = serde_json::json!([depth, value]);
        }
        let mut out = Vec::new();
        value
            .serialize(&mut JsonText::pretty(&mut out, 0))
            .expect("written");
        let want = serde_json::to_string_pretty(&value).expect("printed");
        assert_eq!(String::from_utf8(out).expect("UTF-8"), want);
    }

    #[test]
    fn a_key_that_is_no_string_or_number_is_refused() {
        let map: BTreeMap<Vec<u8>, u8> = [(vec![1], 1)].into_iter().collect();
        let mut out = Vec::new();
        let err = map
            .serialize(&mut JsonText::compact(&mut out))
            .expect_err("refused");
        assert_eq!(err.to_string(), "key must be a string");
    }
}
