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
        let looped = on_cycles(cx.index.uses.iter().map(|u| (u.from.as_str(), u.key.as_str())));
        let mut reported = BTreeSet::new();
        for used in &cx.index.uses {
            if looped.contains(used.from.as_str()) && looped.contains(used.key.as_str()) && reported.insert(&used.from)
            {
                out.push(
                    INFO.at_site(
                        &cx.index.locale,
                        &used.site,
                        Some(used.from.clone()),
                        super::cyclic_reference::describe(&used.from, &used.key),
                    )
                    .label("loop"),
                );
            }
        }
    }
}

/// The ids that lie on a loop of references (`from` → `to` edges): a strongly connected
/// component of more than one id, or an id that refers to itself. Tarjan's algorithm from
/// `petgraph`, so a long chain costs linear time, not a search per id.
pub fn on_cycles<'a>(edges: impl Iterator<Item = (&'a str, &'a str)>) -> BTreeSet<&'a str> {
    let mut graph = petgraph::Graph::<&str, ()>::new();
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
