//! A synthetic newsroom archive: N announcements in English and Vietnamese, with shared
//! terms, figures and dates, for the benchmarks (`benches/newsroom`) and a test that keeps
//! the generator honest (`tests/newsroom_corpus.rs`).
//!
//! Generation is in two steps so that the benchmark can time the real `songngu ingest`
//! between them: [`write_sources`] writes `songngu.toml`, the shared terms and
//! `source/*.md`; after ingest, [`write_translations`] writes each announcement's
//! translation with the ids ingest gave its reference. Announcement `i` draws from its own
//! random stream (seed and `i`), so the second step regenerates the first step's text
//! exactly, and any announcement can be made without the ones before it.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use songngu::commands::ingest::{escape, Terms};

/// How many announcements are written in Vietnamese first (English is their translation).
pub const VIETNAMESE_ORIGIN_EVERY: u64 = 10;

/// SplitMix64 (Steele, Lea and Flood 2014), written out because a corpus must be the same
/// for one seed forever; `rand`'s value streams may change between its versions.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64, stream: u64) -> Rng {
        let mut rng = Rng(seed ^ stream.wrapping_mul(0xD1B5_4A32_D192_ED03));
        rng.next();
        rng
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `low..=high`.
    pub fn range(&mut self, low: u64, high: u64) -> u64 {
        low + self.next() % (high - low + 1)
    }

    /// A number in `low..=high`, small ones more often: `power` 3 gives a mean a quarter
    /// of the way up, 4 a fifth (most news items are short, a few are long).
    pub fn skewed(&mut self, low: u64, high: u64, power: i32) -> u64 {
        let u = (self.next() >> 11) as f64 / (1u64 << 53) as f64;
        low + ((high - low + 1) as f64 * u.powi(power)) as u64
    }

    pub fn chance(&mut self, one_in: u64) -> bool {
        self.next().is_multiple_of(one_in)
    }
}

/// Shared terms: (id, English, Vietnamese).
pub const TERMS: &[(&str, &str, &str)] = &[
    ("-un", "United Nations", "Liên hợp quốc"),
    ("-mofa", "Ministry of Foreign Affairs", "Bộ Ngoại giao"),
    ("-mps", "Ministry of Public Security", "Bộ Công an"),
    ("-vna", "Vietnam News Agency", "Thông tấn xã Việt Nam"),
    ("-na", "National Assembly", "Quốc hội"),
    ("-pm", "Prime Minister", "Thủ tướng"),
    ("-asean", "ASEAN", "ASEAN"),
    ("-hanoi", "Hanoi", "Hà Nội"),
    ("-hcmc", "Ho Chi Minh City", "Thành phố Hồ Chí Minh"),
    ("-moh", "Ministry of Health", "Bộ Y tế"),
    ("-moet", "Ministry of Education and Training", "Bộ Giáo dục và Đào tạo"),
    ("-sbv", "State Bank of Vietnam", "Ngân hàng Nhà nước Việt Nam"),
];

/// Words of the two languages, paired by meaning only loosely: what matters is the shape of
/// the text (word lengths, Vietnamese syllables with their diacritics, in NFC).
const ENGLISH: &[&str] = &[
    "the",
    "of",
    "and",
    "to",
    "in",
    "a",
    "for",
    "on",
    "with",
    "by",
    "at",
    "from",
    "as",
    "that",
    "this",
    "government",
    "ministry",
    "province",
    "city",
    "people",
    "country",
    "delegation",
    "minister",
    "president",
    "committee",
    "conference",
    "meeting",
    "agreement",
    "cooperation",
    "development",
    "economic",
    "social",
    "international",
    "national",
    "regional",
    "security",
    "policy",
    "programme",
    "project",
    "investment",
    "growth",
    "trade",
    "export",
    "import",
    "market",
    "enterprise",
    "business",
    "industry",
    "agriculture",
    "education",
    "health",
    "hospital",
    "school",
    "student",
    "teacher",
    "worker",
    "farmer",
    "village",
    "district",
    "official",
    "leader",
    "representative",
    "partner",
    "relations",
    "support",
    "implementation",
    "strategy",
    "infrastructure",
    "transport",
    "railway",
    "highway",
    "airport",
    "seaport",
    "energy",
    "electricity",
    "climate",
    "environment",
    "flood",
    "storm",
    "disaster",
    "recovery",
    "assistance",
    "budget",
    "revenue",
    "tax",
    "bank",
    "credit",
    "inflation",
    "price",
    "rice",
    "coffee",
    "seafood",
    "textile",
    "electronics",
    "tourism",
    "visitor",
    "culture",
    "heritage",
    "festival",
    "sports",
    "technology",
    "digital",
    "innovation",
    "research",
    "science",
    "law",
    "decree",
    "resolution",
    "regulation",
    "court",
    "police",
    "crime",
    "fraud",
    "announced",
    "approved",
    "signed",
    "discussed",
    "reported",
    "stressed",
    "affirmed",
    "welcomed",
    "agreed",
    "proposed",
    "completed",
    "launched",
    "opened",
    "expected",
    "increased",
    "reduced",
    "reached",
    "continued",
    "important",
    "comprehensive",
    "sustainable",
    "effective",
    "strategic",
    "practical",
    "new",
    "major",
    "first",
    "second",
    "annual",
    "monthly",
    "local",
    "central",
    "public",
    "private",
    "foreign",
    "domestic",
    "will",
    "has",
    "have",
    "was",
    "were",
    "is",
    "are",
    "also",
    "further",
    "more",
    "than",
    "about",
    "over",
];

const VIETNAMESE: &[&str] = &[
    "của",
    "và",
    "cho",
    "trong",
    "với",
    "tại",
    "về",
    "các",
    "những",
    "đã",
    "sẽ",
    "được",
    "đang",
    "chính phủ",
    "bộ",
    "tỉnh",
    "thành phố",
    "nhân dân",
    "đất nước",
    "đoàn",
    "bộ trưởng",
    "chủ tịch",
    "ủy ban",
    "hội nghị",
    "cuộc họp",
    "hiệp định",
    "hợp tác",
    "phát triển",
    "kinh tế",
    "xã hội",
    "quốc tế",
    "quốc gia",
    "khu vực",
    "an ninh",
    "chính sách",
    "chương trình",
    "dự án",
    "đầu tư",
    "tăng trưởng",
    "thương mại",
    "xuất khẩu",
    "nhập khẩu",
    "thị trường",
    "doanh nghiệp",
    "kinh doanh",
    "công nghiệp",
    "nông nghiệp",
    "giáo dục",
    "y tế",
    "bệnh viện",
    "trường học",
    "sinh viên",
    "giáo viên",
    "công nhân",
    "nông dân",
    "làng",
    "huyện",
    "quan chức",
    "lãnh đạo",
    "đại diện",
    "đối tác",
    "quan hệ",
    "hỗ trợ",
    "triển khai",
    "chiến lược",
    "cơ sở hạ tầng",
    "giao thông",
    "đường sắt",
    "đường cao tốc",
    "sân bay",
    "cảng biển",
    "năng lượng",
    "điện",
    "khí hậu",
    "môi trường",
    "lũ lụt",
    "bão",
    "thiên tai",
    "phục hồi",
    "hỗ trợ",
    "ngân sách",
    "thu ngân sách",
    "thuế",
    "ngân hàng",
    "tín dụng",
    "lạm phát",
    "giá",
    "gạo",
    "cà phê",
    "thủy sản",
    "dệt may",
    "điện tử",
    "du lịch",
    "du khách",
    "văn hóa",
    "di sản",
    "lễ hội",
    "thể thao",
    "công nghệ",
    "số",
    "đổi mới sáng tạo",
    "nghiên cứu",
    "khoa học",
    "luật",
    "nghị định",
    "nghị quyết",
    "quy định",
    "tòa án",
    "công an",
    "tội phạm",
    "lừa đảo",
    "công bố",
    "phê duyệt",
    "ký kết",
    "thảo luận",
    "báo cáo",
    "nhấn mạnh",
    "khẳng định",
    "hoan nghênh",
    "nhất trí",
    "đề xuất",
    "hoàn thành",
    "khởi động",
    "khai mạc",
    "dự kiến",
    "tăng",
    "giảm",
    "đạt",
    "tiếp tục",
    "quan trọng",
    "toàn diện",
    "bền vững",
    "hiệu quả",
    "chiến lược",
    "thiết thực",
    "mới",
    "lớn",
    "đầu tiên",
    "hằng năm",
    "hằng tháng",
    "địa phương",
    "trung ương",
    "công",
    "tư nhân",
    "nước ngoài",
    "trong nước",
    "cũng",
    "thêm",
    "hơn",
    "khoảng",
    "trên",
    "người",
    "việc",
    "tháng",
    "ngày",
];

/// One announcement, in the words of both languages.
pub struct Announcement {
    pub slug: String,
    /// "en" or "vi": the language it is written in.
    pub origin: &'static str,
    pub date: (u16, u8, u8),
    /// (is a heading, English text, Vietnamese text), the title first.
    pub blocks: Vec<(bool, String, String)>,
}

/// Announcement `index` of the corpus made from `seed`.
pub fn announcement(seed: u64, index: u64) -> Announcement {
    let mut rng = Rng::new(seed, index);
    let a = ENGLISH[rng.range(15, ENGLISH.len() as u64 - 1) as usize];
    let b = ENGLISH[rng.range(15, ENGLISH.len() as u64 - 1) as usize];
    let slug = format!("{a}-{b}-{index:05}");
    let origin = if index % VIETNAMESE_ORIGIN_EVERY == VIETNAMESE_ORIGIN_EVERY - 1 { "vi" } else { "en" };
    let date = (rng.range(2015, 2026) as u16, rng.range(1, 12) as u8, rng.range(1, 28) as u8);
    let mut blocks = vec![sentence_pair(&mut rng, 6, 14, false)];
    let paragraphs = rng.skewed(5, 30, 4);
    for _ in 0..paragraphs {
        if rng.chance(12) {
            blocks.push(sentence_pair(&mut rng, 3, 7, true));
        }
        blocks.push(paragraph(&mut rng));
    }
    Announcement { slug, origin, date, blocks }
}

/// A paragraph of 40–120 English words, a few sentences, with its Vietnamese version.
fn paragraph(rng: &mut Rng) -> (bool, String, String) {
    let words = rng.skewed(40, 120, 3);
    let (mut en, mut vi) = (String::new(), String::new());
    let mut written = 0;
    while written < words {
        let length = rng.range(8, 20).min(words - written).max(3);
        let (_, e, v) = sentence_pair(rng, length, length, false);
        for (out, s) in [(&mut en, e), (&mut vi, v)] {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&s);
        }
        written += length;
    }
    (false, en, vi)
}

/// A sentence of `low..=high` words (a heading has no final stop), in both languages: the
/// same terms and the same figures in the same order.
fn sentence_pair(rng: &mut Rng, low: u64, high: u64, heading: bool) -> (bool, String, String) {
    let words = rng.range(low, high);
    let (mut en, mut vi) = (Vec::new(), Vec::new());
    for _ in 0..words {
        match rng.next() % 24 {
            0 => {
                let (_, e, v) = TERMS[rng.range(0, TERMS.len() as u64 - 1) as usize];
                en.push(e.to_string());
                vi.push(v.to_string());
            }
            1 => {
                let n = match rng.next() % 3 {
                    0 => rng.range(2, 99),
                    1 => rng.range(100, 999),
                    _ => rng.range(1990, 2030),
                };
                en.push(n.to_string());
                vi.push(n.to_string());
            }
            _ => {
                add_word(&mut en, ENGLISH[rng.range(0, ENGLISH.len() as u64 - 1) as usize]);
                add_word(&mut vi, VIETNAMESE[rng.range(0, VIETNAMESE.len() as u64 - 1) as usize]);
                // Vietnamese takes more syllables than English words.
                if rng.chance(4) {
                    add_word(&mut vi, VIETNAMESE[rng.range(0, VIETNAMESE.len() as u64 - 1) as usize]);
                }
            }
        }
    }
    let finish = |words: Vec<String>| {
        let mut text = words.join(" ");
        if let Some(first) = text.chars().next() {
            let upper: String = first.to_uppercase().collect();
            text.replace_range(..first.len_utf8(), &upper);
        }
        if !heading {
            text.push('.');
        }
        text
    };
    (heading, finish(en), finish(vi))
}

/// Adds a word to a sentence, unless it would repeat the syllable before it (`của của`):
/// a slip `doubled-word` reports, which generated text has no reason to make. The random
/// draws are the same either way.
fn add_word(words: &mut Vec<String>, word: &str) {
    let last = words.last().and_then(|w| w.split(' ').next_back());
    if last.is_some_and(|last| word.split(' ').next().is_some_and(|first| first.eq_ignore_ascii_case(last))) {
        return;
    }
    words.push(word.to_string());
}

fn write(path: &Path, text: &str) -> std::io::Result<()> {
    std::fs::create_dir_all(path.parent().expect("a file has a folder"))?;
    std::fs::write(path, text)
}

/// Writes `songngu.toml`, the shared terms in both languages and `count` announcements
/// under `source/`, in an empty folder.
pub fn write_sources(root: &Path, count: u64, seed: u64) -> std::io::Result<()> {
    write(&root.join("songngu.toml"), "reference = \"en\"\nlocales = [\"en\", \"vi\"]\n")?;
    for (locale, pick) in [("en", 1), ("vi", 2)] {
        let mut text = String::from("### Terms shared by every announcement.\n");
        for term in TERMS {
            let value = if pick == 1 { term.1 } else { term.2 };
            text.push_str(&format!("\n{} = {value}\n", term.0));
        }
        write(&root.join(format!("locales/{locale}/shared.ftl")), &text)?;
    }
    for index in 0..count {
        let a = announcement(seed, index);
        let vi = a.origin == "vi";
        let (y, m, d) = a.date;
        let title = if vi { &a.blocks[0].2 } else { &a.blocks[0].1 };
        let mut text = format!(
            "+++\ntitle = \"{}\"\ndate = {y:04}-{m:02}-{d:02}\nlang = \"{}\"\n+++\n",
            title.replace('\\', "\\\\").replace('"', "\\\""),
            a.origin
        );
        for (heading, en, vi_text) in &a.blocks[1..] {
            text.push('\n');
            if *heading {
                text.push_str("## ");
            }
            text.push_str(if vi { vi_text } else { en });
            text.push('\n');
        }
        write(&root.join(format!("source/{}.md", a.slug)), &text)?;
    }
    Ok(())
}

/// The terms of a locale, as `ingest` finds them in `shared.ftl`.
fn terms(locale: &str) -> Terms {
    Terms::new(
        TERMS.iter().map(|(id, en, vi)| (if locale == "en" { *en } else { *vi }.to_string(), id.to_string())).collect(),
    )
}

/// Writes the translation of each ingested announcement: the same ids as its reference,
/// in the same order, in the other language. Returns the files written.
pub fn write_translations(root: &Path, count: u64, seed: u64) -> std::io::Result<Vec<PathBuf>> {
    let (en_terms, vi_terms) = (terms("en"), terms("vi"));
    let mut written = Vec::new();
    for index in 0..count {
        let a = announcement(seed, index);
        let (reference, target) = if a.origin == "vi" { ("vi", "en") } else { ("en", "vi") };
        let ids = ids_of(&std::fs::read_to_string(root.join(format!("locales/{reference}/{}.ftl", a.slug)))?);
        let texts: Vec<&str> =
            a.blocks.iter().map(|(_, en, vi)| if target == "en" { en } else { vi }.as_str()).collect();
        let terms = if target == "en" { &en_terms } else { &vi_terms };
        let (y, m, d) = a.date;
        let date = songngu::project::announcement::Date { year: y, month: m, day: d }.display(target);
        let mut out = String::new();
        let mut block = 1;
        for id in &ids {
            let pattern = if id.ends_with("-title") {
                terms.pattern(texts[0])
            } else if id.ends_with("-date") {
                escape(&date)
            } else {
                block += 1;
                terms.pattern(texts[block - 1])
            };
            if !out.is_empty() {
                out.push('\n');
            }
            out.push_str(&format!("{id} = {pattern}\n"));
        }
        let path = root.join(format!("locales/{target}/{}.ftl", a.slug));
        write(&path, &out)?;
        written.push(path);
    }
    Ok(written)
}

/// The message ids of an ingested resource, in order.
fn ids_of(text: &str) -> Vec<String> {
    text.lines()
        .filter(|l| l.starts_with(|c: char| c.is_ascii_alphabetic()))
        .filter_map(|l| l.split_once(" = ").map(|(id, _)| id.to_string()))
        .collect()
}
