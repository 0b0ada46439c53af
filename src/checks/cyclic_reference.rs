//! `cyclic-reference`: messages or terms that refer to each other in a loop.

use std::collections::{BTreeMap, BTreeSet};

use super::{Check, CheckInfo, LocaleCx};
use crate::diagnostic::{Diagnostic, Severity};

pub struct CyclicReference;

pub(crate) static INFO: CheckInfo = CheckInfo {
    code: "cyclic-reference",
    severity: Severity::Error,
    summary: "messages or terms that refer to each other in a loop",
    doc: "\
## What it finds
A message or term whose references lead back to itself: `a` uses `b` and `b` uses `a`,
or a term that uses itself.

## Why it matters
A runtime cannot resolve the loop: readers see `{a}` or `{???}` instead of the text, and
Python's runtime fails on it altogether. `songngu build` refuses to ship it.

## Example
    news-title = { news-headline }
    news-headline = { news-title }

## How to fix
Write the text out in one of the entries, so the chain of references ends.",
};

impl Check for CyclicReference {
    fn info(&self) -> &'static CheckInfo {
        &INFO
    }

    fn check_locale(&self, cx: &LocaleCx<'_>, out: &mut Vec<Diagnostic>) {
        let index = cx.index;
        let from = |u: &super::Use| index.definitions[u.from as usize].key;
        // Only a reference to an entry that refers on can be on a loop: the many
        // references to plain terms are left out of the graph.
        let refers_on: nohash_hasher::IntSet<super::Name> = index.uses.iter().map(from).collect();
        let looped = on_cycles(index.uses.iter().filter(|u| refers_on.contains(&u.key)).map(|u| (from(u), u.key)));
        let mut reported = BTreeSet::new();
        for used in &index.uses {
            if looped.contains(&from(used)) && looped.contains(&used.key) && reported.insert(used.from) {
                let file = index.definitions[used.from as usize].file;
                let (Some((site, to)), Some((_, from))) = (cx.site(file, used.offset), cx.definition(used.from)) else {
                    continue;
                };
                out.push(INFO.at_site(&index.locale, &site, Some(from.clone()), describe(&from, &to)).label("loop"));
            }
        }
    }
}

/// The ids that lie on a loop of references (`from` → `to` edges): a strongly connected
/// component of more than one id, or an id that refers to itself. Tarjan's algorithm from
/// `petgraph`, so a long chain costs linear time, not a search per id.
pub fn on_cycles<T: Ord + Copy>(edges: impl Iterator<Item = (T, T)>) -> BTreeSet<T> {
    let mut graph = petgraph::Graph::<T, ()>::new();
    let mut nodes = BTreeMap::new();
    let mut looped = BTreeSet::new();
    for (from, to) in edges {
        if from == to {
            looped.insert(from);
        }
        let a = *nodes.entry(from).or_insert_with(|| graph.add_node(from));
        let b = *nodes.entry(to).or_insert_with(|| graph.add_node(to));
        graph.add_edge(a, b, ());
    }
    for component in petgraph::algo::tarjan_scc(&graph) {
        if component.len() > 1 {
            looped.extend(component.iter().map(|&n| graph[n]));
        }
    }
    looped
}

/// The finding's message for a reference from `from` to `to` on a loop.
pub fn describe(from: &str, to: &str) -> String {
    if from == to {
        format!("`{from}` refers to itself")
    } else {
        format!("`{from}` refers to `{to}`, which leads back to `{from}`")
    }
}
