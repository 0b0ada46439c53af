//! The project's glossary: TBX (TBX-Basic `<martif>` and TBX v3 `<tbx>`), or CSV as a
//! convenience, read into concepts with their terms per language; and written out again
//! (`songngu glossary`), the project's Fluent terms included.
//!
//! A concept is one thing named in several languages ("United Nations" / "Liên hợp
//! quốc"). Each term has a status: preferred or admitted renderings are allowed, a
//! deprecated one is forbidden (`glossary` reports it as an error). A concept marked "do
//! not translate" must appear unchanged in every translation.

use std::path::{Path, PathBuf};

use quick_xml::escape::escape;
use quick_xml::events::Event;
use quick_xml::Reader;

use crate::error::Error;

/// How a term may be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    Preferred,
    Admitted,
    /// Deprecated, superseded or forbidden: never to be used.
    Deprecated,
}

impl Status {
    /// The TBX `administrativeStatus` value.
    fn tbx(self) -> &'static str {
        match self {
            Status::Preferred => "preferredTerm-admn-sts",
            Status::Admitted => "admittedTerm-admn-sts",
            Status::Deprecated => "deprecatedTerm-admn-sts",
        }
    }

    /// From a TBX `administrativeStatus` (or a CSV note): anything deprecated, superseded
    /// or forbidden is [`Status::Deprecated`].
    fn of(text: &str) -> Option<Status> {
        let text = text.to_lowercase();
        if ["deprecated", "superseded", "forbidden", "notrecommended", "not recommended"]
            .iter()
            .any(|w| text.contains(w))
        {
            Some(Status::Deprecated)
        } else if text.contains("admitted") {
            Some(Status::Admitted)
        } else if text.contains("preferred") {
            Some(Status::Preferred)
        } else {
            None
        }
    }
}

/// One term of a concept, in one language.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Term {
    /// The language, as written (`en`, `vi`, `en-US`).
    pub lang: String,
    pub text: String,
    pub status: Status,
    /// Its words as the `glossary` check matches them ([`words`]), found once.
    pub words: Vec<String>,
}

impl Term {
    pub fn new(lang: &str, text: &str, status: Status) -> Term {
        Term { lang: lang.to_string(), text: text.to_string(), status, words: words(text) }
    }
}

/// A text's words, NFC and lower case: runs of letters and digits (a Vietnamese syllable
/// is a word; `Wi-Fi` is two). What glossary terms are matched on, whole.
pub fn words(text: &str) -> Vec<String> {
    use unicode_normalization::UnicodeNormalization;
    let folded: String = text.nfc().flat_map(char::to_lowercase).collect();
    folded.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_string).collect()
}

/// One thing the glossary names, in each language.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Concept {
    pub id: String,
    pub terms: Vec<Term>,
    /// Must appear unchanged in every translation (a brand, a code).
    pub do_not_translate: bool,
    /// A note for translators (a definition, where it is used).
    pub note: Option<String>,
}

/// Every concept of the glossary files a project names, in their order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Glossary {
    pub concepts: Vec<Concept>,
    /// The files it was read from, as shown to people.
    pub files: Vec<String>,
}

impl Glossary {
    /// Reads the glossary files (TBX by default, CSV for a `.csv` file), relative to the
    /// project root; a file that cannot be read or parsed is refused with its place.
    /// `languages` are the project's reference and other locale, in that order, for a
    /// CSV file without a header naming its columns' languages.
    pub fn read(root: &Path, files: &[PathBuf], languages: (&str, &str)) -> Result<Glossary, Error> {
        let mut glossary = Glossary::default();
        for file in files {
            let path = root.join(file);
            let shown = file.to_string_lossy().replace('\\', "/");
            let bytes = std::fs::read(&path).map_err(|e| Error::io(&path, e))?;
            let text = String::from_utf8(bytes)
                .map_err(|_| Error::Usage(format!("{shown}: the glossary is not UTF-8 text")))?;
            let text = crate::text::without_bom(&text);
            let is_csv = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("csv"));
            let concepts = if is_csv { read_csv(text, languages) } else { read_tbx(text) }
                .map_err(|why| Error::Usage(format!("{shown}: {why}")))?;
            glossary.concepts.extend(concepts);
            glossary.files.push(shown);
        }
        Ok(glossary)
    }

    pub fn is_empty(&self) -> bool {
        self.concepts.is_empty()
    }
}

/// The project's glossary and then each Fluent term of its files (`-un`, in every locale
/// that defines it, as its value's text), for `songngu glossary`.
pub fn with_fluent_terms(project: &crate::project::Project) -> Result<Vec<Concept>, Error> {
    let mut concepts = project.glossary.concepts.clone();
    let mut terms: std::collections::BTreeMap<String, Concept> = std::collections::BTreeMap::new();
    for locale in &project.config.locales {
        for resource in project.resources_of(locale)? {
            let file = project.load_file(locale, &resource)?;
            let parsed = file.parse();
            let model = crate::ftl::model::FileModel::new(&file, &parsed);
            for (key, entry) in model.firsts().filter(|(key, _)| key.starts_with('-')) {
                let Some(value) = entry.value else { continue };
                let text = crate::ftl::model::plain_text(value).split_whitespace().collect::<Vec<_>>().join(" ");
                if text.is_empty() {
                    continue;
                }
                let concept = terms.entry(key.to_string()).or_insert_with(|| Concept {
                    id: key.to_string(),
                    note: Some(format!("Fluent term {{ {key} }}")),
                    ..Concept::default()
                });
                if !concept.terms.iter().any(|t| t.lang == *locale) {
                    concept.terms.push(Term::new(locale, &text, Status::Preferred));
                }
            }
        }
    }
    // The reference language's term first, as a termbase expects its source.
    let reference = project.config.reference.as_str();
    for mut concept in terms.into_values() {
        concept.terms.sort_by_key(|t| t.lang != reference);
        concepts.push(concept);
    }
    Ok(concepts)
}

/// The concepts of a TBX document: TBX-Basic (`martif`, `termEntry`, `langSet`, `tig`)
/// or TBX v3 (`tbx`, `conceptEntry`, `langSec`, `termSec`). Elements it does not know are
/// passed over.
pub fn read_tbx(text: &str) -> Result<Vec<Concept>, String> {
    let mut reader = Reader::from_str(text);
    let mut concepts = Vec::new();
    let mut concept: Option<Concept> = None;
    let mut lang: Option<String> = None;
    // The element whose text is being read, and its `type` attribute.
    let mut reading: Option<(Vec<u8>, String)> = None;
    let mut content = String::new();
    let mut seen_root = false;
    // Elements open: a file that ends inside one was cut short.
    let mut depth = 0usize;
    loop {
        let position = reader.buffer_position();
        let event = reader.read_event().map_err(|e| format!("not well-formed XML near byte {position}: {e}"))?;
        match event {
            Event::Start(e) => {
                depth += 1;
                let name = e.local_name().as_ref().to_vec();
                if !seen_root {
                    if name != b"martif" && name != b"tbx" {
                        return Err("not a TBX file (its root element is neither <martif> nor <tbx>)".into());
                    }
                    seen_root = true;
                }
                let attribute = |key: &[u8]| -> Option<String> {
                    e.attributes().flatten().find(|a| a.key.local_name().as_ref() == key).and_then(|a| {
                        a.normalized_value(quick_xml::XmlVersion::Implicit1_0).ok().map(|v| v.into_owned())
                    })
                };
                match name.as_slice() {
                    b"termEntry" | b"conceptEntry" => {
                        concept = Some(Concept {
                            id: attribute(b"id").unwrap_or_else(|| format!("c{}", concepts.len() + 1)),
                            ..Concept::default()
                        });
                    }
                    b"langSet" | b"langSec" => lang = attribute(b"lang"),
                    b"term" | b"termNote" | b"descrip" | b"note" | b"admin" => {
                        reading = Some((name, attribute(b"type").unwrap_or_default()));
                        content.clear();
                    }
                    _ => {}
                }
            }
            Event::Text(t) if reading.is_some() => {
                content.push_str(&t.xml10_content().map_err(|e| e.to_string())?);
            }
            Event::CData(t) if reading.is_some() => {
                content.push_str(&t.xml10_content().map_err(|e| e.to_string())?);
            }
            Event::GeneralRef(r) if reading.is_some() => {
                let name = r.decode().map_err(|e| e.to_string())?;
                match r.resolve_char_ref() {
                    Ok(Some(c)) => content.push(c),
                    _ => match quick_xml::escape::resolve_predefined_entity(&name) {
                        Some(resolved) => content.push_str(resolved),
                        None => return Err(format!("unknown entity `&{name};` near byte {position}")),
                    },
                }
            }
            Event::End(e) => {
                depth = depth.saturating_sub(1);
                let name = e.local_name().as_ref().to_vec();
                if let Some((element, kind)) = reading.as_ref().filter(|(element, _)| *element == name) {
                    let text = content.split_whitespace().collect::<Vec<_>>().join(" ");
                    if let Some(concept) = concept.as_mut() {
                        let kind = kind.to_lowercase();
                        let lowered = text.to_lowercase().replace(['-', '_'], " ");
                        let no_translation = lowered.contains("do not translate")
                            || lowered.contains("donottranslate")
                            || lowered.split_whitespace().any(|w| w == "dnt");
                        match element.as_slice() {
                            b"term" if !text.is_empty() => concept.terms.push(Term::new(
                                lang.as_deref().unwrap_or_default(),
                                &text,
                                Status::Preferred,
                            )),
                            b"termNote"
                                if kind.contains("administrativestatus") || kind.contains("normativeauthorization") =>
                            {
                                if let (Some(status), Some(term)) = (Status::of(&text), concept.terms.last_mut()) {
                                    term.status = status;
                                }
                            }
                            _ if no_translation => concept.do_not_translate = true,
                            b"descrip" | b"note" if !text.is_empty() && concept.note.is_none() => {
                                concept.note = Some(text)
                            }
                            _ => {}
                        }
                    }
                    reading = None;
                }
                match name.as_slice() {
                    b"termEntry" | b"conceptEntry" => {
                        if let Some(done) = concept.take().filter(|c| !c.terms.is_empty()) {
                            concepts.push(done);
                        }
                    }
                    b"langSet" | b"langSec" => lang = None,
                    _ => {}
                }
            }
            Event::Eof if depth > 0 => {
                return Err("not well-formed XML: the file ends before its elements are closed (cut short?)".into())
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !seen_root {
        return Err("not a TBX file (no <martif> or <tbx> element)".into());
    }
    if let Some(term) = concepts.iter().flat_map(|c| &c.terms).find(|t| t.lang.is_empty()) {
        return Err(format!("the term `{}` has no language (its <langSet> or <langSec> needs xml:lang)", term.text));
    }
    Ok(concepts)
}

/// The concepts of a CSV glossary: `source,target,note` per row, the first two in the
/// project's reference and other language (or a header row naming the languages:
/// `en,vi,note`). Several renderings are separated by `|` (in the source column, the
/// first is the preferred term and the others admitted); a note saying `deprecated`
/// (or `forbidden`) makes the target a forbidden rendering, one saying `do not translate`
/// marks the concept so.
pub fn read_csv(text: &str, (source_lang, target_lang): (&str, &str)) -> Result<Vec<Concept>, String> {
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text.as_bytes());
    let mut languages = (source_lang.to_string(), target_lang.to_string());
    let mut concepts = Vec::new();
    for (n, row) in reader.records().enumerate() {
        let row = row.map_err(|e| format!("line {}: {e}", n + 1))?;
        let cell = |i: usize| row.get(i).map(str::trim).unwrap_or_default();
        if n == 0 && ["source", "src"].contains(&cell(0).to_lowercase().as_str()) {
            continue;
        }
        if n == 0 && cell(2).eq_ignore_ascii_case("note") && !cell(0).contains(' ') && cell(0).len() <= 8 {
            // A header naming the columns' languages.
            languages = (cell(0).to_string(), cell(1).to_string());
            continue;
        }
        if cell(0).is_empty() {
            continue;
        }
        let note = cell(2);
        let status = Status::of(note).unwrap_or(Status::Preferred);
        let lowered = note.to_lowercase();
        let mut concept = Concept {
            id: format!("row{}", n + 1),
            do_not_translate: lowered.contains("do not translate") || lowered.split_whitespace().any(|w| w == "dnt"),
            note: (!note.is_empty()).then(|| note.to_string()),
            terms: Vec::new(),
        };
        // The first source term is the preferred one; any other (`State President|President`)
        // an admitted rendering.
        for (i, term) in cell(0).split('|').map(str::trim).filter(|t| !t.is_empty()).enumerate() {
            let status = if i == 0 { Status::Preferred } else { Status::Admitted };
            concept.terms.push(Term::new(&languages.0, term, status));
        }
        for rendering in cell(1).split('|').map(str::trim).filter(|t| !t.is_empty()) {
            concept.terms.push(Term::new(&languages.1, rendering, status));
        }
        // Rows of one source term are one concept: its renderings, and the deprecated
        // ones on a row of their own.
        let source = cell(0).split('|').next().unwrap_or_default().trim();
        match concepts.iter_mut().find(|c: &&mut Concept| c.terms.first().is_some_and(|t| t.text == source)) {
            Some(same) => {
                for term in concept.terms.into_iter().skip(1) {
                    if !same.terms.contains(&term) {
                        same.terms.push(term);
                    }
                }
                same.do_not_translate |= concept.do_not_translate;
            }
            None => concepts.push(concept),
        }
    }
    Ok(concepts)
}

/// The glossary as TBX-Basic (the dialect most tools read), with `extra` concepts (the
/// project's Fluent terms) after its own.
pub fn write_tbx(concepts: &[Concept], source_lang: &str) -> String {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(&format!(
        "<martif type=\"TBX-Basic\" xml:lang=\"{}\">\n  <martifHeader><fileDesc><sourceDesc><p>songngu glossary</p></sourceDesc></fileDesc></martifHeader>\n  <text>\n    <body>\n",
        escape(source_lang)
    ));
    for concept in concepts {
        out.push_str(&format!("      <termEntry id=\"{}\">\n", escape(concept.id.as_str())));
        if let Some(note) = &concept.note {
            out.push_str(&format!("        <descrip type=\"definition\">{}</descrip>\n", escape(note.as_str())));
        }
        if concept.do_not_translate {
            out.push_str("        <note>do not translate</note>\n");
        }
        let mut languages: Vec<&str> = Vec::new();
        for term in &concept.terms {
            if !languages.contains(&term.lang.as_str()) {
                languages.push(&term.lang);
            }
        }
        for lang in languages {
            out.push_str(&format!("        <langSet xml:lang=\"{}\">\n", escape(lang)));
            for term in concept.terms.iter().filter(|t| t.lang == lang) {
                out.push_str(&format!(
                    "          <tig>\n            <term>{}</term>\n            <termNote type=\"administrativeStatus\">{}</termNote>\n          </tig>\n",
                    escape(term.text.as_str()),
                    term.status.tbx()
                ));
            }
            out.push_str("        </langSet>\n");
        }
        out.push_str("      </termEntry>\n");
    }
    out.push_str("    </body>\n  </text>\n</martif>\n");
    out
}

/// The glossary as CSV: `source,target,note` in the two languages, several renderings
/// joined by `|`, a forbidden one on a row of its own noted `deprecated`.
pub fn write_csv(concepts: &[Concept], (source_lang, target_lang): (&str, &str)) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let _ = writer.write_record([source_lang, target_lang, "note"]);
    let base = |lang: &str| lang.split('-').next().unwrap_or(lang).to_lowercase();
    for concept in concepts {
        let in_lang = |lang: &str, deprecated: bool| -> Vec<&str> {
            concept
                .terms
                .iter()
                .filter(|t| base(&t.lang) == base(lang) && (t.status == Status::Deprecated) == deprecated)
                .map(|t| t.text.as_str())
                .collect()
        };
        let sources = in_lang(source_lang, false);
        let Some(source) = sources.first() else { continue };
        let mut note = concept.note.clone().unwrap_or_default();
        if concept.do_not_translate {
            note = if note.is_empty() { "do not translate".into() } else { format!("do not translate; {note}") };
        }
        let _ = writer.write_record([*source, &in_lang(target_lang, false).join("|"), &note]);
        let forbidden = in_lang(target_lang, true);
        if !forbidden.is_empty() {
            let _ = writer.write_record([*source, &forbidden.join("|"), "deprecated"]);
        }
    }
    String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASIC: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX-Basic" xml:lang="en"><text><body>
  <termEntry id="un">
    <descrip type="definition">The organisation</descrip>
    <langSet xml:lang="en"><tig><term>United Nations</term></tig></langSet>
    <langSet xml:lang="vi">
      <tig><term>Liên hợp quốc</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
      <tig><term>LHQ</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig>
    </langSet>
  </termEntry>
  <termEntry id="vna"><note>Do not translate</note>
    <langSet xml:lang="en"><tig><term>VNA</term></tig></langSet>
  </termEntry>
</body></text></martif>"#;

    #[test]
    fn tbx_basic_reads_terms_statuses_and_do_not_translate() {
        let concepts = read_tbx(BASIC).unwrap();
        assert_eq!(concepts.len(), 2);
        let un = &concepts[0];
        assert_eq!(un.id, "un");
        assert_eq!(un.note.as_deref(), Some("The organisation"));
        let vi: Vec<(&str, Status)> =
            un.terms.iter().filter(|t| t.lang == "vi").map(|t| (t.text.as_str(), t.status)).collect();
        assert_eq!(vi, [("Liên hợp quốc", Status::Preferred), ("LHQ", Status::Deprecated)]);
        assert!(concepts[1].do_not_translate);
    }

    #[test]
    fn tbx_v3_reads_the_same() {
        let v3 = r#"<tbx type="TBX-Basic" style="dca" xml:lang="en"><text><body>
  <conceptEntry id="un">
    <langSec xml:lang="en"><termSec><term>United Nations</term></termSec></langSec>
    <langSec xml:lang="vi"><termSec><term>Liên hợp quốc</term></termSec>
      <termSec><term>LHQ</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></termSec></langSec>
  </conceptEntry></body></text></tbx>"#;
        let concepts = read_tbx(v3).unwrap();
        assert_eq!(concepts[0].terms.len(), 3);
        assert_eq!(concepts[0].terms[2].status, Status::Deprecated);
    }

    #[test]
    fn what_is_written_reads_back() {
        let concepts = read_tbx(BASIC).unwrap();
        assert_eq!(read_tbx(&write_tbx(&concepts, "en")).unwrap(), concepts);
        let csv = write_csv(&concepts, ("en", "vi"));
        assert!(csv.starts_with("en,vi,note\n"), "{csv}");
        let back = read_csv(&csv, ("en", "vi")).unwrap();
        assert_eq!(back.len(), 2, "{back:?}");
        assert!(back[0].terms.iter().any(|t| t.text == "LHQ" && t.status == Status::Deprecated));
        assert!(back[0].terms.iter().any(|t| t.text == "Liên hợp quốc" && t.status == Status::Preferred));
    }

    #[test]
    fn broken_files_are_refused_not_guessed() {
        assert!(read_tbx("<html><body/></html>").unwrap_err().contains("not a TBX file"));
        assert!(read_tbx("<martif><text><body><termEntry>").unwrap_err().contains("not well-formed"));
        assert!(read_tbx("<martif><text><body><termEntry><langSet><tig><term>x</term></tig></langSet></termEntry></body></text></martif>")
            .unwrap_err()
            .contains("no language"));
        assert!(read_tbx("<martif><a></b></martif>").unwrap_err().contains("not well-formed"));
    }
}
