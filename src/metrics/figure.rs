//! The steps of weighing one labelled figure of a prose line
//! (`metrics::line_mentions`): what the line has settled so far, and each
//! rule that may leave the figure out, in the order they are asked.

use super::*;

/// What one line's figures have settled, as they are read left to right.
pub(super) struct LineState {
    /// Where the sentence and clause around the figure start.
    pub(super) marks: Marks,
    /// Found as the labelled figures ask.
    pub(super) qualifiers: LineQualifiers,
    /// The subjects of the line (微信, 微博), found as labels ask.
    pub(super) subjects: WordIndex,
    /// Mentions of this line with their spans, for the 其中 rule.
    pub(super) found: Found,
    /// Labels carried from one figure to the next.
    pub(super) carry: Carried,
    /// Where the last sentence whose figure was another body's starts
    /// (全省公共图书馆共206家…): the next sentence, when it has no subject
    /// of its own (接待读者2432.3万人次…), speaks of that body too.
    body_sentence: Option<usize>,
    /// A sentence found to speak of that body: all its figures are its.
    carried_sentence: Option<usize>,
}

/// One labelled figure of a line and where it stands.
pub(super) struct Figure<'m> {
    /// The figure as the number scan found it.
    pub(super) m: &'m QuantityMatch,
    /// Its clause, sentence, and where the figure before it ends.
    pub(super) span: FigureSpan,
    /// Its label and how it was found.
    pub(super) label: FigureLabel,
}

/// What becomes of one labelled figure.
pub(super) enum Outcome {
    /// Not a figure of the year (a ratio, a part): left out quietly.
    Skip,
    /// Perhaps not the library's own figure of the year: left out, and
    /// the warning says why.
    Doubt(DoubtReason),
    /// A mention of this key, with its value in the key's base unit.
    Mention(MetricKey, Decimal),
}

impl LineState {
    /// A line not yet read.
    pub(super) fn new() -> LineState {
        LineState {
            marks: Marks::default(),
            qualifiers: LineQualifiers::default(),
            subjects: WordIndex::new(&SUBJECT_WORDS),
            found: Found::default(),
            carry: Carried::default(),
            body_sentence: None,
            carried_sentence: None,
        }
    }

    /// Where figure `m` stands, `previous_end` being where the figure
    /// before it ends: its sentence, and its clause, which starts after any
    /// figure, year or date before it in the clause. Figures in a
    /// parenthesis that closes before this one are its breakdown
    /// (荣誉（国家级1项、省级3项）共9项): the label stands before the
    /// parenthesis. The marks then stand at the figure: `marks.clause` is
    /// its whole clause, where qualifiers (2019 年, 人均) are looked for.
    pub(super) fn figure_span(
        &mut self,
        text: &str,
        words: &str,
        m: &QuantityMatch,
        previous_end: usize,
    ) -> FigureSpan {
        self.marks.advance(text, m.span.start);
        let sentence = self.marks.sentence;
        let clause = breakdown_start(words, sentence, previous_end, m.span.start)
            .unwrap_or_else(|| self.marks.clause.max(previous_end));
        FigureSpan {
            clause,
            sentence,
            previous_end,
        }
    }

    /// A change (较上年增加6场) is no figure of the year, but its label may
    /// carry to the level it reaches: kept as the label left out.
    pub(super) fn carry_change_label(&mut self, words: &str, m: &QuantityMatch, span: FigureSpan) {
        self.carry.left_out =
            before_label(words, span.clause, span.sentence, m, &mut self.subjects)
                .filter(|label| !label.after)
                .map(|label| (label, m.span.end));
    }

    /// Whether the figure is a part of the figure before it (其中…), no
    /// figure of its own: left out, unless the part is the library's own
    /// (全市共建成城市书房41家，其中市图书馆直接管理的9家): then the whole was
    /// a larger body's, and its figures are taken out of `out` instead.
    pub(super) fn is_part_of_larger(
        &mut self,
        words: &str,
        figure: &Figure<'_>,
        line: u32,
        out: &mut Vec<Mention>,
        warnings: &mut Vec<Warning>,
    ) -> bool {
        let (m, sentence, key) = (figure.m, figure.span.sentence, figure.label.label.key);
        let Some(qizhong) = part_of_previous(words, sentence, m.span.start, key, &mut self.found)
        else {
            return false;
        };
        if !names_the_library(&words[qizhong..m.span.start]) {
            return true;
        }
        drop_the_larger_bodys(out, &mut self.found, key, sentence, line, warnings);
        false
    }

    /// Weighs a labelled figure that is no part of the one before it
    /// through each rule that may leave it out, in order; `earlier` are
    /// the line's figures before it.
    pub(super) fn weigh(
        &mut self,
        words: &str,
        figure: Figure<'_>,
        earlier: &[QuantityMatch],
        context: &Context<'_>,
    ) -> Outcome {
        let Figure { m, span, label } = figure;
        let FigureLabel {
            label,
            carried_label,
            changed_label,
            ..
        } = label;
        let sentence = span.sentence;
        if self.speaks_of_other_body(words, m, sentence, &label) {
            return Outcome::Doubt(DoubtReason::OtherBody);
        }
        // 新增图书2.36万册（其中…电子图书1.24万册）: a figure inside a
        // parenthesis is weighed with the clause the parenthesis belongs
        // to (the marks stand at this figure).
        let whole_clause = self.marks.clause;
        let weighed_clause =
            enclosing_clause(words, sentence, whole_clause).unwrap_or(whole_clause);
        let end = weighed_end(m, &label, changed_label);
        match self
            .qualifiers
            .verdict(words, sentence, weighed_clause, end, label.key, context)
        {
            Some(Verdict::Skip) => return Outcome::Skip,
            Some(Verdict::Doubt(reason)) => {
                if reason.is_another_bodys() {
                    self.body_sentence = Some(sentence);
                }
                if !label.after && !carried_label {
                    self.carry.left_out = Some((label, m.span.end));
                }
                return Outcome::Doubt(reason);
            }
            None => {}
        }
        // 外借5.6万册次（含分馆）: more than the library's own.
        if let Some(word) = includes_others(words, m.span.end, label.key)
            .filter(|_| !NETWORK_KEYS.contains(&label.key))
        {
            let word = word.to_owned();
            return Outcome::Doubt(DoubtReason::Includes { word });
        }
        let serial_row = is_serial_row(words, span.clause, &label, context);
        let quantity = match read_past_row_code(words, m, &label, serial_row) {
            Ok(quantity) => quantity,
            Err(reason) => return Outcome::Doubt(reason),
        };
        if !label.after
            && !carried_label
            && !serial_row
            && shares_a_list(words, span.clause, &label, earlier)
        {
            return Outcome::Doubt(DoubtReason::ListOfItems);
        }
        // 馆藏总量180 383册: the number stops at the space and would read
        // as 180; a cut value is worse than none.
        if m.quantity.unit.is_none()
            && let Some(why) = figure_runs_on(words, m.number.end)
        {
            return Outcome::Doubt(why);
        }
        let key = redirected_key(label.key, m.quantity.unit);
        match in_base_unit(key, &quantity, &words[label.span.clone()]) {
            Some(value) => Outcome::Mention(key, value),
            None => Outcome::Doubt(self.unit_misfit(m, label)),
        }
    }

    /// Whether the figure's sentence speaks of the body the sentence
    /// before it did (another body's), having no subject of its own before
    /// the label; such a sentence's figures are all that body's.
    fn speaks_of_other_body(
        &mut self,
        words: &str,
        m: &QuantityMatch,
        sentence: usize,
        label: &Label,
    ) -> bool {
        let label_start = if label.after {
            m.span.start
        } else {
            label.span.start.min(m.span.start)
        };
        let carried = self.carried_sentence == Some(sentence)
            || self.body_sentence.is_some_and(|body| {
                body < sentence
                    && has_no_subject(&words[sentence..label_start.max(sentence)])
                    && follows_directly(words, body, sentence)
            });
        if carried {
            self.body_sentence = Some(sentence);
            self.carried_sentence = Some(sentence);
        }
        carried
    }

    /// The reason for a figure whose unit does not fit its key. A share
    /// before a sum (购书经费占支出的16.4%，达77.4万元) hands its label on
    /// to the sum, and a count of kinds its label to the volumes after it.
    fn unit_misfit(&mut self, m: &QuantityMatch, label: Label) -> DoubtReason {
        let unit = m.quantity.unit.map_or("no unit", Unit::symbol);
        let reason = DoubtReason::UnitMisfit {
            unit: unit.to_owned(),
        };
        if m.quantity.unit == Some(Unit::Percent) && !label.after {
            self.carry.left_out = Some((label, m.span.end));
        } else if m.quantity.unit == Some(Unit::Kind) && !label.after {
            self.carry.titles = Some((label, m.span.end));
        }
        reason
    }
}

/// Where the words weighed for a figure's qualifiers end. A figure read
/// with its label after it keeps the words it was read with (新增 in
/// 新增5个服务点) among those weighed; for a figure a change leads to
/// (由上年的11个增加到14个), the words of the figure changed from (上年)
/// are not this one's.
fn weighed_end(m: &QuantityMatch, label: &Label, changed_label: bool) -> usize {
    if label.after {
        m.span.end
    } else if changed_label {
        label.span.end
    } else {
        m.number.start.max(label.span.start)
    }
}

/// Whether the figure is a serial row's (一、从业人员117人) of a report
/// that holds an official form with a code column.
fn is_serial_row(words: &str, clause: usize, label: &Label, context: &Context<'_>) -> bool {
    !label.after
        && after_serial(words, clause, label.span.start)
        && context.forms.is_some_and(FormProbe::has_coded_form)
}

/// The figure's quantity. In a flattened form the row's code (11) may run
/// into its value (7 people): a serial row whose figure follows its item
/// with nothing between is read past a known code, or not at all.
fn read_past_row_code(
    words: &str,
    m: &QuantityMatch,
    label: &Label,
    serial_row: bool,
) -> Result<Quantity, DoubtReason> {
    let mut quantity = m.quantity;
    if serial_row && label.span.end == m.number.start {
        let value = scope::after_row_code(&words[label.span.clone()], &words[m.number.clone()])
            .flatten()
            .and_then(crate::numeral::parse_prefix);
        let Some((value, _)) = value else {
            return Err(DoubtReason::RowCodeRunsIn);
        };
        quantity.value = value;
    }
    Ok(quantity)
}

/// The key a figure's unit says it is (其中本年新增12.3TB: the unit says
/// what was added), by `UNIT_REDIRECTS`; else its label's.
fn redirected_key(key: MetricKey, unit: Option<Unit>) -> MetricKey {
    unit.and_then(|unit| {
        UNIT_REDIRECTS
            .iter()
            .find(|(from, to_unit, _)| *from == key && *to_unit == unit)
    })
    .map_or(key, |&(_, _, to)| to)
}
