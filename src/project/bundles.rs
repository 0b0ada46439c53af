//! Bundles: the files an app loads together. Two ids may only clash, and a reference only
//! finds what it names, among files that are loaded together.
//!
//! - Every resource is loaded with the resources it depends on: the files that define what
//!   it refers to, and what those refer to, on and on (`build` lists them as its
//!   `dependencies`). A reference to an id the file defines itself stays in the file; one
//!   to an id several files define goes to the first of them in path order, as `build`
//!   serves it.
//! - `[bundles]` in `songngu.toml` names more: `browser = ["browser/**/*.ftl"]` says an
//!   app loads every resource those globs match together. A resource a glob matches
//!   resolves its references inside its bundles only; one that no glob matches, over the
//!   whole locale (its own dependencies are, by their definition, wherever its references
//!   lead).
//!
//! The locale-wide checks ask this through a [`Resolver`] over the locale's compact index
//! (integers, no strings), built once per locale. [`loaded_together`] lists the sets of
//! files this makes, for other runtimes to load.

use std::cell::OnceCell;
use std::collections::BTreeMap;

use crate::checks::{LocaleIndex, Name};

/// `[bundles]` compiled: each bundle's name and globs, matched against resource paths
/// (relative to `locales/<locale>/`, `/` between folders).
#[derive(Debug, Clone, Default)]
pub struct Configured {
    names: Vec<String>,
    /// Each glob with the bundle it belongs to, in the order written.
    globs: Vec<(usize, String)>,
    set: globset::GlobSet,
}

impl Configured {
    /// Compiles the globs: `*` and `?` stay inside a folder, `**` crosses folders,
    /// `{a,b}` is either. The error names the bundle and says what is wrong.
    pub fn new(bundles: &BTreeMap<String, Vec<String>>) -> Result<Configured, (String, String)> {
        let mut builder = globset::GlobSetBuilder::new();
        let mut globs = Vec::new();
        for (n, (name, list)) in bundles.iter().enumerate() {
            if list.is_empty() {
                return Err((
                    name.clone(),
                    format!("[bundles] `{name}` lists no files; give it globs such as \"news/*.ftl\""),
                ));
            }
            for glob in list {
                let compiled = globset::GlobBuilder::new(glob)
                    .literal_separator(true)
                    .build()
                    .map_err(|e| (name.clone(), format!("[bundles] `{name}`: `{glob}` is not a glob: {}", e.kind())))?;
                builder.add(compiled);
                globs.push((n, glob.clone()));
            }
        }
        let set = builder.build().map_err(|e| (String::new(), format!("[bundles]: {e}")))?;
        Ok(Configured { names: bundles.keys().cloned().collect(), globs, set })
    }

    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// Which bundles each of `resources` is in. A glob that matches none of them is an
    /// error (bundle, glob): most likely a typo, which would leave the files it meant out
    /// of their bundle without a word.
    pub fn membership<S: AsRef<str>>(&self, resources: &[S]) -> Result<Membership, (String, String)> {
        let words = self.names.len().div_ceil(64);
        let mut membership = Membership { names: self.names.clone(), words, bits: vec![0; words * resources.len()] };
        if self.is_empty() {
            return Ok(membership);
        }
        let mut matched = vec![false; self.globs.len()];
        let mut hits = Vec::new();
        for (r, resource) in resources.iter().enumerate() {
            self.set.matches_into(resource.as_ref(), &mut hits);
            for &g in &hits {
                matched[g] = true;
                let bundle = self.globs[g].0;
                membership.bits[r * words + bundle / 64] |= 1 << (bundle % 64);
            }
        }
        match matched.iter().position(|m| !m) {
            Some(g) => {
                let (bundle, glob) = &self.globs[g];
                let name = &self.names[*bundle];
                Err((name.clone(), format!("[bundles] `{name}`: `{glob}` matches no resource of any locale")))
            }
            None => Ok(membership),
        }
    }
}

/// For each file of a list, the configured bundles it is in: a bit per bundle. Empty (and
/// nothing allocated) when `songngu.toml` has no `[bundles]`.
#[derive(Debug, Clone, Default)]
pub struct Membership {
    names: Vec<String>,
    words: usize,
    bits: Vec<u64>,
}

impl Membership {
    fn row(&self, file: u32) -> &[u64] {
        let at = file as usize * self.words;
        self.bits.get(at..at + self.words).unwrap_or_default()
    }

    /// Whether `[bundles]` names the file: then it resolves inside its bundles.
    pub fn any(&self, file: u32) -> bool {
        self.row(file).iter().any(|w| *w != 0)
    }

    /// The first bundle that holds both files.
    pub fn shared(&self, a: u32, b: u32) -> Option<usize> {
        let (a, b) = (self.row(a), self.row(b));
        a.iter().zip(b).enumerate().find_map(|(w, (x, y))| {
            let both = x & y;
            (both != 0).then(|| w * 64 + both.trailing_zeros() as usize)
        })
    }

    /// The names of the bundles the file is in, in name order.
    pub fn names_of(&self, file: u32) -> Vec<&str> {
        let row = self.row(file);
        (0..self.names.len()).filter(|n| row[n / 64] & (1 << (n % 64)) != 0).map(|n| self.names[n].as_str()).collect()
    }

    pub fn name(&self, bundle: usize) -> &str {
        &self.names[bundle]
    }

    /// How many bundles `[bundles]` names.
    pub fn bundles(&self) -> usize {
        self.names.len()
    }

    /// Whether the file is in the bundle.
    pub fn contains(&self, file: u32, bundle: usize) -> bool {
        self.row(file).get(bundle / 64).is_some_and(|w| w & (1 << (bundle % 64)) != 0)
    }

    /// The rows of the given files of this list (`None`: a file it does not have), as a
    /// list of their own: a locale's files out of every resource of the project.
    pub fn select(&self, files: impl Iterator<Item = Option<usize>>) -> Membership {
        let mut selected = Membership { names: self.names.clone(), words: self.words, bits: Vec::new() };
        if self.words == 0 {
            return selected;
        }
        for file in files {
            match file {
                Some(f) => selected.bits.extend_from_slice(self.row(f as u32)),
                None => selected.bits.extend(std::iter::repeat_n(0, self.words)),
            }
        }
        selected
    }
}

/// Why two files are loaded together.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Together {
    /// Both are in this configured bundle.
    Bundle(usize),
    /// This file (one of the two, or a third) depends on both.
    LoadedBy(u32),
}

/// Which definition a reference gets, for one locale's index. Files are the index's.
pub struct Resolver<'a> {
    index: &'a LocaleIndex,
    configured: &'a Membership,
    /// The first definition of each name in the locale.
    first: nohash_hasher::IntMap<Name, u32>,
    /// The names more than one file defines: the first definition in each file, in file
    /// order. Few, in any project: most ids are defined once.
    spread: nohash_hasher::IntMap<Name, Vec<u32>>,
    /// For each file, the files that depend on it directly; made when first asked.
    users: OnceCell<Vec<Vec<u32>>>,
}

impl<'a> Resolver<'a> {
    /// `configured` has a row per file of `index`.
    pub fn new(index: &'a LocaleIndex, configured: &'a Membership) -> Resolver<'a> {
        let definitions = &index.definitions;
        let mut first: nohash_hasher::IntMap<Name, u32> =
            std::collections::HashMap::with_capacity_and_hasher(definitions.len(), Default::default());
        let mut spread: nohash_hasher::IntMap<Name, Vec<u32>> = Default::default();
        for (i, d) in definitions.iter().enumerate() {
            use std::collections::hash_map::Entry;
            let i = i as u32;
            let Entry::Occupied(earlier) = first.entry(d.key) else {
                first.insert(d.key, i);
                continue;
            };
            let earlier = *earlier.get();
            match spread.entry(d.key) {
                Entry::Occupied(mut list) => {
                    let last = *list.get().last().expect("never empty");
                    if definitions[last as usize].file != d.file {
                        list.get_mut().push(i);
                    }
                }
                // Defined twice in one file is that file's problem (`duplicate-id` reports
                // it there); a reference from elsewhere gets the first.
                Entry::Vacant(list) if definitions[earlier as usize].file != d.file => {
                    list.insert(vec![earlier, i]);
                }
                Entry::Vacant(_) => {}
            }
        }
        Resolver { index, configured, first, spread, users: OnceCell::new() }
    }

    fn file_of(&self, definition: u32) -> u32 {
        self.index.definitions[definition as usize].file
    }

    /// The definition a reference to `key` from `file` gets: the file's own, else the
    /// first in path order that the file is loaded with. `Err(None)`: no file of the
    /// locale defines it; `Err(Some(d))`: only files outside the file's bundles do (`d` is
    /// the first of them).
    pub fn resolve(&self, file: u32, key: Name) -> Result<u32, Option<u32>> {
        let Some(&first) = self.first.get(&key) else { return Err(None) };
        let confined = self.configured.any(file);
        let reachable = |d: u32| {
            let there = self.file_of(d);
            there == file || !confined || self.configured.shared(file, there).is_some()
        };
        match self.spread.get(&key) {
            None => reachable(first).then_some(first).ok_or(Some(first)),
            Some(list) => match list.iter().find(|&&d| self.file_of(d) == file) {
                Some(&own) => Ok(own),
                None => list.iter().copied().find(|&d| reachable(d)).ok_or(Some(first)),
            },
        }
    }

    /// The names defined in more than one file, each with the first definition in each of
    /// those files, in file order.
    pub fn spread(&self) -> impl Iterator<Item = (&Name, &Vec<u32>)> {
        self.spread.iter()
    }

    /// Each reference that leads to another file, as (from, to): a dependency.
    fn dependency_edges(&self) -> impl Iterator<Item = (u32, u32)> + '_ {
        self.index.uses.iter().filter_map(|u| {
            let from = self.file_of(u.from);
            let to = self.file_of(self.resolve(from, u.key).ok()?);
            (to != from).then_some((from, to))
        })
    }

    fn users(&self) -> &[Vec<u32>] {
        self.users.get_or_init(|| {
            let mut users = vec![Vec::new(); self.index.files.len()];
            for (from, to) in self.dependency_edges() {
                if users[to as usize].last() != Some(&from) {
                    users[to as usize].push(from);
                }
            }
            for list in &mut users {
                list.sort_unstable();
                list.dedup();
            }
            users
        })
    }

    /// For each file, the files it depends on directly (what its references get, in
    /// other files), in file order.
    pub fn dependencies(&self) -> Vec<Vec<u32>> {
        let mut depends: Vec<Vec<u32>> = vec![Vec::new(); self.index.files.len()];
        for (from, to) in self.dependency_edges() {
            depends[from as usize].push(to);
        }
        for list in &mut depends {
            list.sort_unstable();
            list.dedup();
        }
        depends
    }

    /// Whether an app loads files `a` and `b` together, and why: a configured bundle holds
    /// both, or some file depends on both (one of them, when it depends on the other).
    pub fn together(&self, a: u32, b: u32) -> Option<Together> {
        if let Some(bundle) = self.configured.shared(a, b) {
            return Some(Together::Bundle(bundle));
        }
        let users = self.users();
        // Everything that loads `a` (itself too), then the nearest of those that loads `b`.
        let mut loads_a = vec![false; users.len()];
        let mut todo = vec![a];
        loads_a[a as usize] = true;
        while let Some(f) = todo.pop() {
            for &user in &users[f as usize] {
                if !std::mem::replace(&mut loads_a[user as usize], true) {
                    todo.push(user);
                }
            }
        }
        let mut seen = vec![false; users.len()];
        let mut queue = std::collections::VecDeque::from([b]);
        seen[b as usize] = true;
        while let Some(f) = queue.pop_front() {
            if loads_a[f as usize] {
                return Some(Together::LoadedBy(f));
            }
            for &user in &users[f as usize] {
                if !std::mem::replace(&mut seen[user as usize], true) {
                    queue.push_back(user);
                }
            }
        }
        None
    }

    /// Why an app loads file `this` with `that`, as the end of the sentence "`id` is
    /// already defined in `that`…" said about `this`.
    pub fn why_together(&self, why: Together, this: u32, that: u32) -> String {
        match why {
            Together::Bundle(bundle) => format!(", and both files are in the bundle `{}`", self.bundle_name(bundle)),
            Together::LoadedBy(f) if f == this => ", a file this one depends on".to_string(),
            Together::LoadedBy(f) if f == that => ", which depends on this file".to_string(),
            Together::LoadedBy(f) => {
                let display = self.index.files.get(f as usize).map_or("another file", |f| f.display.as_str());
                format!("; {display} depends on both files")
            }
        }
    }

    /// The configured bundles' names of a file, for messages.
    pub fn bundles_of(&self, file: u32) -> Vec<&str> {
        self.configured.names_of(file)
    }

    pub fn bundle_name(&self, bundle: usize) -> &str {
        self.configured.name(bundle)
    }
}

/// Why an app loads a set of files together ([`loaded_together`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadedFor {
    /// One resource, with the resources it depends on.
    Resource(String),
    /// A bundle `[bundles]` names: the resources its globs match, with what they depend on.
    Bundle(String),
}

/// One set of files an app loads together, in one locale.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadedTogether {
    pub locale: String,
    pub loaded_for: LoadedFor,
    /// The resources (paths under `locales/<locale>/`), in path order: the order the
    /// checks take "the first definition" in, so a runtime given them in this order
    /// (keeping the first of two definitions, as Fluent runtimes do) serves what the
    /// checks judged.
    pub resources: Vec<String>,
}

/// Every set of files an app loads together, locale by locale, as `check` judges
/// duplicates and references: each resource with what it depends on, on and on, then each
/// `[bundles]` bundle (that has files in the locale) with what its files depend on. Two
/// files that `duplicate-id` says are loaded together are both in one of these sets. They
/// are what to load into another Fluent runtime to see whether it fails where `check`
/// says it would (`tests/oracle.rs`). Every file is read and parsed, one at a time;
/// nothing is written.
pub fn loaded_together(project: &crate::Project) -> Result<Vec<LoadedTogether>, crate::Error> {
    let config = &project.config;
    let walked: Vec<Vec<String>> = config
        .locales
        .iter()
        .map(|locale| project.resources_and_locks(locale).map(|(resources, _)| resources))
        .collect::<Result<_, _>>()?;
    // Every resource of any locale, in name order, as `check` matches `[bundles]` to them.
    let mut all: Vec<&String> = walked.iter().flatten().collect();
    all.sort();
    all.dedup();
    let configured = project.bundle_membership(&all)?;
    let mut out = Vec::new();
    for (locale, resources) in config.locales.iter().zip(&walked) {
        // The locale's index, file by file in path order, as `check` gathers it.
        let mut index = LocaleIndex { locale: locale.clone(), ..LocaleIndex::default() };
        for resource in resources {
            let file = project.load_file(locale, resource)?;
            let parsed = file.parse();
            index.extend(crate::engine::run::gather(&crate::ftl::model::FileModel::new(&file, &parsed)));
        }
        let membership = configured.select(resources.iter().map(|r| all.binary_search(&r).ok()));
        let resolver = Resolver::new(&index, &membership);
        let depends = resolver.dependencies();
        let loaded_with = |start: Vec<u32>| -> Vec<String> {
            let mut loaded = vec![false; resources.len()];
            let mut todo = start;
            while let Some(f) = todo.pop() {
                if let Some(seen) = loaded.get_mut(f as usize) {
                    if !std::mem::replace(seen, true) {
                        todo.extend(depends.get(f as usize).into_iter().flatten());
                    }
                }
            }
            resources.iter().zip(&loaded).filter(|(_, &l)| l).map(|(r, _)| r.clone()).collect()
        };
        for (f, resource) in resources.iter().enumerate() {
            out.push(LoadedTogether {
                locale: locale.clone(),
                loaded_for: LoadedFor::Resource(resource.clone()),
                resources: loaded_with(vec![f as u32]),
            });
        }
        for bundle in 0..membership.bundles() {
            let members: Vec<u32> = (0..resources.len() as u32).filter(|&f| membership.contains(f, bundle)).collect();
            if !members.is_empty() {
                out.push(LoadedTogether {
                    locale: locale.clone(),
                    loaded_for: LoadedFor::Bundle(membership.name(bundle).to_string()),
                    resources: loaded_with(members),
                });
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bundles(list: &[(&str, &[&str])]) -> BTreeMap<String, Vec<String>> {
        list.iter().map(|(n, g)| (n.to_string(), g.iter().map(|s| s.to_string()).collect())).collect()
    }

    #[test]
    fn each_resource_is_loaded_with_its_dependencies_and_each_bundle_with_its_files() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/duplicate-id/a-duplicate-inside-one-bundle-is-an-error");
        let project = crate::Project::open(&root).unwrap();
        let sets: Vec<(LoadedFor, Vec<String>)> =
            loaded_together(&project).unwrap().into_iter().map(|t| (t.loaded_for, t.resources)).collect();
        let set = |files: &[&str]| files.iter().map(|f| f.to_string()).collect::<Vec<_>>();
        let resource = |r: &str| LoadedFor::Resource(r.to_string());
        assert_eq!(
            sets,
            [
                (resource("app/about.ftl"), set(&["app/about.ftl"])),
                (resource("app/menu.ftl"), set(&["app/menu.ftl"])),
                // news.ftl uses `-country`, which only shared.ftl defines.
                (resource("site/news.ftl"), set(&["site/news.ftl", "site/shared.ftl"])),
                (resource("site/other.ftl"), set(&["site/other.ftl"])),
                (resource("site/shared.ftl"), set(&["site/shared.ftl"])),
                (LoadedFor::Bundle("app".into()), set(&["app/about.ftl", "app/menu.ftl"])),
            ]
        );
    }

    #[test]
    fn globs_match_resource_paths_and_one_that_matches_nothing_is_refused() {
        let configured = Configured::new(&bundles(&[
            ("browser", &["browser/**/*.ftl", "toolkit/*.ftl"]),
            ("news", &["news/*.ftl"]),
        ]))
        .unwrap();
        let resources = ["browser/a.ftl", "browser/x/b.ftl", "toolkit/c.ftl", "toolkit/x/d.ftl", "news/e.ftl"];
        let m = configured.membership(&resources).unwrap();
        assert_eq!(m.names_of(0), ["browser"]);
        assert_eq!(m.names_of(1), ["browser"]);
        assert_eq!(m.names_of(2), ["browser"]);
        // `*` stays in its folder.
        assert!(!m.any(3));
        assert_eq!(m.shared(0, 2), Some(0));
        assert_eq!(m.shared(0, 4), None);
        let (bundle, message) = configured.membership(&resources[..3]).unwrap_err();
        assert_eq!(bundle, "news");
        assert!(message.contains("`news/*.ftl` matches no resource"), "{message}");
        let (_, message) = Configured::new(&bundles(&[("x", &["a/[b.ftl"])])).unwrap_err();
        assert!(message.contains("`a/[b.ftl` is not a glob"), "{message}");
        assert!(Configured::new(&bundles(&[("x", &[])])).is_err());
    }
}
