//! The one type every finding is: [`Diagnostic`]. Human, JSON (and later SARIF and
//! GitHub) output all render it; nothing else carries findings.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// What `[severity]` in `songngu.toml` may say for a code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SeverityOverride {
    Error,
    Warning,
    Info,
    /// The check does not run.
    Off,
}

impl SeverityOverride {
    pub fn severity(self) -> Option<Severity> {
        match self {
            SeverityOverride::Error => Some(Severity::Error),
            SeverityOverride::Warning => Some(Severity::Warning),
            SeverityOverride::Info => Some(Severity::Info),
            SeverityOverride::Off => None,
        }
    }
}

/// One finding, at one place in one file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// Stable kebab-case code (`missing`, `not-nfc`…); `songngu explain CODE` documents it.
    pub code: &'static str,
    pub severity: Severity,
    /// The locale the finding is about (for `missing`, the locale that lacks the entry).
    /// Shared, as [`Diagnostic::file`] is, by every finding of a file (tens of thousands
    /// of findings are not as many copies of a few names).
    pub locale: Arc<str>,
    /// The file to look at, relative to the project root, with `/` separators.
    pub file: Arc<str>,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in Unicode code points.
    pub column: usize,
    /// The message or term (`-term`) the finding is about, if any.
    pub id: Option<String>,
    /// Borrowed when it is a fixed text (`not accepted yet`), as most are in a project
    /// nobody has accepted yet.
    pub message: std::borrow::Cow<'static, str>,
    /// For `syntax-error`: the Fluent parser's own words (`Expected one of "a-zA-Z"`),
    /// kept for tools and for whoever reports a bug; the message says it for a person.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parser: Option<String>,
    /// Byte span in the file that the human renderer underlines.
    #[serde(skip)]
    pub span: std::ops::Range<usize>,
    /// A short label for the underlined text.
    #[serde(skip)]
    pub label: Option<std::borrow::Cow<'static, str>>,
    /// For `drifted`: the class, the old and new reference text and their word diff.
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    pub drift: Option<Box<crate::records::drift::Drift>>,
    /// What to do about it, shown under the snippet.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    /// Another place the finding is about (where a duplicated id was first defined): a
    /// fact of the data, so that a cache knows which files a finding depends on, and an
    /// editor can point there.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub related: Option<Box<Related>>,
}

/// Another place a finding is about.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Related {
    /// Relative to the project root, with `/` separators.
    pub file: String,
    pub line: usize,
    pub column: usize,
    /// What is there (`first defined here`).
    pub message: String,
}

impl Diagnostic {
    /// Sort key: by file, then position, then code, so output is stable across runs.
    pub fn sort_key(&self) -> (&str, usize, usize, &str, &str) {
        (&self.file, self.line, self.column, self.code, &self.locale)
    }
}

/// Sorts findings by [`Diagnostic::sort_key`], keeping the order of equal ones. With tens
/// of thousands of findings, comparing their texts (file names alike for their first
/// forty bytes) was most of the sort: each file, code and locale is ranked once, then
/// only numbers are compared.
pub fn sort(diagnostics: &mut [Diagnostic]) {
    use rayon::prelude::*;
    // The keys are found on every core, a run of findings at a time: reading tens of
    // thousands of findings scattered in memory is most of the cost. A resource's few
    // findings (sorted while the resources are checked, on every core already) are one
    // run, without rayon.
    const RUN: usize = 2048;
    let all: &[Diagnostic] = diagnostics;
    let small = all.len() <= RUN;
    fn texts_of(run: &[Diagnostic], text: fn(&Diagnostic) -> &str) -> Vec<&str> {
        // Findings come grouped: most repeats are next to each other, most of them the
        // very same text (a file's name, shared by its findings), known without reading.
        let mut texts: Vec<&str> = run.iter().map(text).collect();
        texts.dedup_by(|a, b| std::ptr::eq(*a, *b) || a == b);
        texts
    }
    let ranks = |text: fn(&Diagnostic) -> &str| -> Vec<&str> {
        let mut texts: Vec<&str> = match small {
            true => texts_of(all, text),
            false => all.par_chunks(RUN).flat_map_iter(|run| texts_of(run, text)).collect(),
        };
        texts.sort_unstable();
        texts.dedup();
        texts
    };
    let files = ranks(|d| &d.file);
    let codes = ranks(|d| d.code);
    let locales = ranks(|d| &d.locale);
    fn rank(ranked: &[&str], text: &str) -> usize {
        ranked.binary_search(&text).unwrap_or_default()
    }
    /// `text`'s rank, the one before's when it is the very same text.
    fn remembered<'t>(last: &mut Option<(&'t str, usize)>, ranked: &[&str], text: &'t str) -> usize {
        match *last {
            Some((before, rank)) if std::ptr::eq(before, text) => rank,
            _ => last.insert((text, rank(ranked, text))).1,
        }
    }
    // Sorted by key and position, then put in that order in place (no two keys are
    // equal, so the order of equal findings is kept). Each key packed in one integer
    // (file, line and column in 32 bits each, code and locale in 16), which sorts several
    // times faster than a tuple of six.
    let bits = |n: usize, width: u32| (n.min((1 << width) - 1)) as u128;
    let keys_of = |r: usize| {
        // Findings come grouped by file, mostly with the code and locale of the one
        // before: the last rank of each is asked first, by address (the same text).
        let (mut file, mut code, mut locale) = (None, None, None);
        let (files, codes, locales) = (&files, &codes, &locales);
        let run = &all[r * RUN..all.len().min((r + 1) * RUN)];
        run.iter().enumerate().map(move |(k, d)| {
            let key = bits(remembered(&mut file, files, &d.file), 32) << 96
                | bits(d.line, 32) << 64
                | bits(d.column, 32) << 32
                | bits(remembered(&mut code, codes, d.code), 16) << 16
                | bits(remembered(&mut locale, locales, &d.locale), 16);
            (key, r * RUN + k)
        })
    };
    let mut keys: Vec<(u128, usize)> = match small {
        true => keys_of(0).collect(),
        false => (0..all.len().div_ceil(RUN)).into_par_iter().flat_map_iter(keys_of).collect(),
    };
    match small {
        true => keys.sort_unstable(),
        false => keys.par_sort_unstable(),
    }
    // The permutation applied by swaps, as `sort_by_cached_key` does: finding `n` goes to
    // place `k`; each place is filled once.
    let mut order: Vec<usize> = keys.into_iter().map(|key| key.1).collect();
    for k in 0..order.len() {
        let mut n = order[k];
        while n < k {
            n = order[n];
        }
        order[k] = n;
        diagnostics.swap(k, n);
    }
}

/// The findings of `lists`, one after another, in [`sort`]'s order, for lists that are
/// each in that order already and mostly about files of their own (a resource's
/// findings, sorted while the resources are checked): a list's findings about one file
/// are taken whole, in the order of their files; only a file with findings in more than
/// one list has its findings sorted again, among themselves.
pub fn sort_lists(lists: Vec<Vec<Diagnostic>>) -> Vec<Diagnostic> {
    debug_assert!(lists.iter().all(|list| list.is_sorted_by_key(Diagnostic::sort_key)), "a list is not in order");
    // Each list's runs of findings about one file: (list, length), in list order.
    let mut runs: Vec<(usize, usize, &str)> = Vec::new();
    for (n, list) in lists.iter().enumerate() {
        for run in list.chunk_by(|a, b| a.file == b.file) {
            runs.push((n, run.len(), &run[0].file));
        }
    }
    // By file; a file's runs in list order. A list's runs stay in its order, since it
    // is sorted by file.
    runs.sort_by(|a, b| a.2.cmp(b.2));
    let runs: Vec<(usize, usize, bool)> =
        runs.iter().enumerate().map(|(k, &(n, len, file))| (n, len, k > 0 && runs[k - 1].2 == file)).collect();
    let mut out = Vec::with_capacity(lists.iter().map(Vec::len).sum());
    let mut lists: Vec<std::vec::IntoIter<Diagnostic>> = lists.into_iter().map(Vec::into_iter).collect();
    let mut file_start = 0;
    for (k, &(n, len, same_file)) in runs.iter().enumerate() {
        if !same_file {
            file_start = out.len();
        }
        out.extend(lists[n].by_ref().take(len));
        // A file's runs from several lists: sorted among themselves, equal findings in
        // list order (a stable sort), as one sort of everything would have left them.
        let last_of_file = runs.get(k + 1).is_none_or(|next| !next.2);
        if last_of_file && same_file {
            out[file_start..].sort_by(|a: &Diagnostic, b| a.sort_key().cmp(&b.sort_key()));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// `text` as findings have it: mostly one text shared by many (by the findings of a
    /// file), sometimes a copy of its own (`tag` says which).
    fn shared(tag: u16, text: &'static str) -> Arc<str> {
        thread_local! {
            static SHARED: std::cell::RefCell<Vec<Arc<str>>> = const { std::cell::RefCell::new(Vec::new()) };
        }
        if tag.is_multiple_of(3) {
            return text.into();
        }
        SHARED.with_borrow_mut(|shared| match shared.iter().find(|s| &***s == text) {
            Some(s) => s.clone(),
            None => {
                shared.push(text.into());
                shared[shared.len() - 1].clone()
            }
        })
    }

    /// A finding of the property tests: its file, line, column, code and locale by
    /// number, and a tag for its message (and whether its names are shared).
    fn finding(
        &(file, line, column, code, locale, tag): &(usize, usize, usize, usize, usize, u16),
        files: &[&'static str],
        codes: &[&'static str],
    ) -> Diagnostic {
        Diagnostic {
            code: codes[code],
            severity: Severity::Info,
            locale: shared(tag, ["vi", "en"][locale]),
            file: shared(tag >> 1, files[file]),
            line,
            column,
            id: None,
            message: tag.to_string().into(),
            parser: None,
            span: 0..0,
            label: None,
            drift: None,
            help: None,
            related: None,
        }
    }

    proptest! {
        /// The ranked sort puts findings in the order a plain stable sort by
        /// `sort_key` does, equal keys included.
        #[test]
        fn sort_is_the_stable_sort_by_key(found in proptest::collection::vec(
            (0..4usize, 1..4usize, 1..3usize, 0..3usize, 0..2usize, any::<u16>()), 0..60)
        ) {
            const FILES: [&str; 4] = ["locales/vi/b.ftl", "locales/en/a.ftl", "locales/vi/a.ftl", "a.ftl"];
            const CODES: [&str; 3] = ["missing", "drifted", "unaccepted"];
            let diagnostics: Vec<Diagnostic> = found
                .iter()
                .map(|found| finding(found, &FILES, &CODES))
                .collect();
            let mut expected = diagnostics.clone();
            expected.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
            let mut sorted = diagnostics;
            sort(&mut sorted);
            prop_assert_eq!(sorted, expected);
        }

        /// Lists each in order, put together by `sort_lists`, come out as one stable sort
        /// of all of them one after another: files in one list or in several, equal
        /// findings in different lists.
        #[test]
        fn sorted_lists_come_out_as_one_sort(lists in proptest::collection::vec(proptest::collection::vec(
            (0..5usize, 1..4usize, 1..3usize, 0..2usize, 0..2usize, any::<u16>()), 0..20), 0..6)
        ) {
            const FILES: [&str; 5] = ["locales/vi/b.ftl", "locales/en/a.ftl", "locales/vi/a.ftl", "a.ftl", "b.ftl"];
            const CODES: [&str; 2] = ["missing", "drifted"];
            let lists: Vec<Vec<Diagnostic>> = lists
                .iter()
                .map(|list| {
                    let mut list: Vec<Diagnostic> = list
                        .iter()
                        .map(|found| finding(found, &FILES, &CODES))
                        .collect();
                    sort(&mut list);
                    list
                })
                .collect();
            let mut expected: Vec<Diagnostic> = lists.concat();
            expected.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
            prop_assert_eq!(sort_lists(lists), expected);
        }
    }
}
