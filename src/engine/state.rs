//! One state per entry of a target locale, worked out from what the checks found.
//!
//! A check run's findings already have `songngu.toml`'s `[severity]` applied (a code set
//! to `off` did not run, as far as anyone can tell), so the state read from them agrees
//! with what `check` shows: `status` counts it, `accept` guards on it, `export --only`
//! filters on it and `tmx` and `build` trust it, all from [`EntryState::of`].

use std::collections::HashMap;

use crate::diagnostic::{Diagnostic, Severity};
use crate::records::drift::DriftClass;

/// Where one entry of a target locale stands. Exactly one applies; when several findings
/// could each name a state, the first in this order wins (an untranslated copy whose
/// reference changed is, first of all, untranslated).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EntryState {
    /// The reference has it, the target does not.
    Missing,
    /// The target has it, the reference does not (any more).
    Obsolete,
    /// A copy of the reference, or still in the reference language.
    Untranslated,
    /// The reference changed since the translation was accepted.
    Drifted(DriftClass),
    /// Translated, not accepted yet, or edited since it was.
    Unaccepted,
    /// Accepted, and nothing changed since (or nothing the configuration asks about).
    Ok,
}

impl EntryState {
    /// The state the findings about one entry (in one locale's file) give it; `present`
    /// says whether the target has the entry at all, `in_reference` whether the reference
    /// does. Missing and obsolete are facts of the files, not of a check's opinion: an
    /// entry the target lacks is never counted as translated, whatever `[severity]` says.
    pub fn of<'d>(findings: impl IntoIterator<Item = &'d Diagnostic>, present: bool, in_reference: bool) -> EntryState {
        if !present {
            return EntryState::Missing;
        }
        if !in_reference {
            return EntryState::Obsolete;
        }
        let mut state = EntryState::Ok;
        for d in findings {
            let this = match d.code {
                "untranslated" => EntryState::Untranslated,
                "drifted" => EntryState::Drifted(d.drift.as_ref().map_or(DriftClass::Wording, |x| x.class)),
                "unaccepted" => EntryState::Unaccepted,
                _ => continue,
            };
            state = state.min(this);
        }
        state
    }

    pub fn as_str(self) -> &'static str {
        match self {
            EntryState::Missing => "missing",
            EntryState::Obsolete => "obsolete",
            EntryState::Untranslated => "untranslated",
            EntryState::Drifted(_) => "drifted",
            EntryState::Unaccepted => "unaccepted",
            EntryState::Ok => "ok",
        }
    }
}

/// An entry's state and the error-level findings about it.
#[derive(Debug, Clone)]
pub struct Verdict<'r> {
    pub state: EntryState,
    /// Error-level findings about the entry other than its drift (a drift is judged by
    /// its class and by whether the translation states the new facts): an unknown
    /// `{ -term }`, a variable the reference does not pass, a loop, a duplicate…
    pub errors: Vec<&'r Diagnostic>,
    /// Every finding about the entry (in that locale's file).
    pub findings: Vec<&'r Diagnostic>,
}

impl Verdict<'_> {
    /// The class of the entry's drift, when `check` reports one.
    pub fn state_drift(&self) -> Option<DriftClass> {
        match self.state {
            EntryState::Drifted(class) => Some(class),
            _ => None,
        }
    }
}

/// The findings of a check run by entry, to ask for each entry's [`Verdict`].
pub struct Verdicts<'r> {
    /// By id; the few findings of one id are told apart by locale and file when asked.
    by_id: HashMap<&'r str, Vec<&'r Diagnostic>>,
}

impl<'r> Verdicts<'r> {
    /// Indexes the findings of a check run (of the whole project or of some locales).
    pub fn new(diagnostics: &'r [Diagnostic]) -> Verdicts<'r> {
        let mut by_id: HashMap<&str, Vec<&Diagnostic>> = HashMap::new();
        for d in diagnostics {
            if let Some(id) = &d.id {
                by_id.entry(id).or_default().push(d);
            }
        }
        Verdicts { by_id }
    }

    /// The findings about entry `id` of `locale` in `file` (as shown, `locales/vi/x.ftl`).
    pub fn findings(&self, locale: &str, file: &str, id: &str) -> Vec<&'r Diagnostic> {
        let all = self.by_id.get(id).map_or(&[][..], Vec::as_slice);
        all.iter().copied().filter(|d| *d.locale == *locale && *d.file == *file).collect()
    }

    /// The verdict on an entry the target has and its reference has too.
    pub fn of(&self, locale: &str, file: &str, id: &str) -> Verdict<'r> {
        let findings = self.findings(locale, file, id);
        Verdict {
            state: EntryState::of(findings.iter().copied(), true, true),
            errors: findings.iter().copied().filter(|d| d.severity == Severity::Error && d.code != "drifted").collect(),
            findings,
        }
    }
}
