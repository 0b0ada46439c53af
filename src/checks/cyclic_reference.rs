//! `cyclic-reference`: a pattern (a value or an attribute) whose references lead back to
//! itself.

use std::collections::BTreeMap;

use super::{Check, CheckInfo, LocaleCx, Name};
use crate::diagnostic::{Diagnostic, Severity};

pub struct CyclicReference;

pub(crate) static INFO: CheckInfo = CheckInfo {
    code: "cyclic-reference",
    severity: Severity::Error,
    summary: "a text whose references lead back to itself",
    doc: "\
## What it finds
A text that, through its references, ends up needing itself: `a` uses `b` and `b` uses
`a`, or a term that uses itself. A message's value and each of its attributes are
separate texts: an attribute that repeats its own message's value
(`.title = { about-title }` inside `about-title`), or another attribute of the same
message (`.tooltip = { expander.label }`), is no loop, since each text is complete once
the one it uses is. The finding shows the way round, text by text:
`a.title` → `b` → `a.title`.

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
        let refers_on: nohash_hasher::IntSet<Name> = index.uses.iter().map(from).collect();
        // Each pattern is its entry and, for an attribute, the attribute's name.
        let attribute_of = |u: &super::Use| -> Option<Option<Name>> {
            let Some(n) = u.part.checked_sub(1) else { return Some(None) };
            let at = index.attributes.binary_search_by_key(&u.from, |(d, _)| *d).ok()?;
            index.attributes[at].1.get(n as usize).map(|&a| Some(a))
        };
        // A pattern is a definition (the one a reference gets: the file's own, else one
        // of a file it is loaded with) with its part. Two files that no app loads
        // together may define the same id; their entries are not one.
        let resolver = cx.resolver();
        let mut uses = Vec::new();
        let mut edges = Vec::new();
        for u in index.uses.iter().filter(|u| refers_on.contains(&u.key)) {
            // A part a damaged cache names wrongly is no edge (the index is checked whole
            // before it is trusted; this only keeps a bad one from panicking).
            let Some(part) = attribute_of(u) else { continue };
            let Ok(to) = resolver.resolve(index.definitions[u.from as usize].file, u.key) else { continue };
            uses.push(u);
            edges.push(((u.from, part), (to, u.attribute)));
        }
        for way in loops(&edges) {
            let first = uses[way.edges[0]];
            let file = index.definitions[first.from as usize].file;
            let (Some((site, _)), Some((_, id))) = (cx.site(file, first.offset), cx.definition(first.from)) else {
                continue;
            };
            // Each step named by the reference that takes it, as written.
            let name = |edge: usize| -> Option<String> {
                let u = uses[edge];
                let file = index.definitions[u.from as usize].file;
                let (site, key) = cx.site(file, u.offset)?;
                Some(match u.attribute {
                    Some(_) => format!("{key}.{}", cx.attribute_after(&site, file)?),
                    None => key,
                })
            };
            let Some(names) = way.names(name) else { continue };
            out.push(INFO.at_site(&index.locale, &site, Some(id), describe(&names)).label("loop"));
        }
    }
}

/// One way round a loop of patterns, as edges (indices into the list given to [`loops`]):
/// the first is where the loop is reported, each edge leads to the source of the next,
/// and the last back to the source of the first. The middle of a long way is left out:
/// `gap` is where (the edges before it, then the last ones).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Way {
    pub edges: Vec<usize>,
    pub gap: Option<usize>,
}

impl Way {
    /// The names of the patterns it goes through, the first again at the end, `…` for
    /// the part left out; `None` when a name cannot be read back.
    pub fn names(&self, mut name: impl FnMut(usize) -> Option<String>) -> Option<Vec<String>> {
        let last = *self.edges.last()?;
        let mut names = vec![name(last)?];
        for (k, &edge) in self.edges.iter().enumerate() {
            if self.gap == Some(k) {
                names.push(GAP.to_string());
            }
            names.push(name(edge)?);
        }
        Some(names)
    }
}

/// What stands for the patterns left out of a long way round.
const GAP: &str = "…";

/// At most this many steps of a way round are named.
const SHOWN: usize = 8;

/// Loops as large as this are walked from each of their patterns for the shortest way
/// round; a larger one (hostile input: a chain of a million messages closed in a ring)
/// from one pattern of it for all, so that the time stays linear.
const WALKED_FROM_EACH: usize = 64;

/// Every pattern on a loop of `edges` (from → to), once, in the order of the first of its
/// edges that stays on the loop, with a way round from there: the shortest when the loop
/// is small. A pattern is on a loop when its strongly connected component has more than
/// one pattern or an edge to itself: Kosaraju's algorithm from `petgraph`, linear and
/// without recursion (its Tarjan recurses once per step of a chain, and a chain of
/// 200,000 references overflowed the stack).
pub fn loops<T: Ord + Copy>(edges: &[(T, T)]) -> Vec<Way> {
    let mut graph = petgraph::Graph::<(), ()>::new();
    let mut nodes = BTreeMap::new();
    let mut ends = Vec::with_capacity(edges.len());
    for &(from, to) in edges {
        let a = *nodes.entry(from).or_insert_with(|| graph.add_node(()));
        let b = *nodes.entry(to).or_insert_with(|| graph.add_node(()));
        graph.add_edge(a, b, ());
        ends.push((a.index(), b.index()));
    }
    // Each node's component and its place in it, for components that hold a loop.
    let mut component = vec![None; graph.node_count()];
    let components = petgraph::algo::kosaraju_scc(&graph);
    for (c, members) in components.iter().enumerate() {
        for (place, n) in members.iter().enumerate() {
            component[n.index()] = Some((c, place));
        }
    }
    let same = |e: usize| {
        let (a, b) = ends[e];
        match (component[a], component[b]) {
            (Some((c, _)), Some((d, _))) => c == d && (a == b || components[c].len() > 1),
            _ => false,
        }
    };
    // The edges on loops, by component, as (from, to, edge) in places within it.
    let mut inside: BTreeMap<usize, Vec<(usize, usize, usize)>> = BTreeMap::new();
    let mut reported = vec![false; graph.node_count()];
    let mut firsts = Vec::new();
    for e in (0..edges.len()).filter(|&e| same(e)) {
        let (a, b) = ends[e];
        let (c, from) = component[a].expect("on a loop");
        let (_, to) = component[b].expect("on a loop");
        inside.entry(c).or_default().push((from, to, e));
        if !std::mem::replace(&mut reported[a], true) {
            firsts.push((c, from, to, e));
        }
    }
    // The ways, found for each component in turn (its walks made once).
    let mut ways: Vec<(usize, Way)> = Vec::with_capacity(firsts.len());
    let mut by_component: BTreeMap<usize, Vec<(usize, usize, usize, usize)>> = BTreeMap::new();
    for (order, &(c, from, to, e)) in firsts.iter().enumerate() {
        by_component.entry(c).or_default().push((order, from, to, e));
    }
    for (c, starts) in by_component {
        let size = components[c].len();
        let inside = &inside[&c];
        if size <= WALKED_FROM_EACH {
            for (order, from, to, e) in starts {
                let toward = walks(size, inside, from, true);
                let (head, _) = follow(&toward, to, from, size);
                ways.push((order, shortened(e, head, Vec::new(), true)));
            }
        } else {
            // From one pattern of the loop, `root`: to it and from it.
            let root = 0;
            let toward = walks(size, inside, root, true);
            let away = walks(size, inside, root, false);
            for (order, from, to, e) in starts {
                let (head, there) = follow(&toward, to, root, SHOWN);
                // The last edges, walked back from `from` to the root.
                let (mut tail, back) = follow(&away, from, root, SHOWN);
                if tail.is_empty() {
                    // `from` is the root: some edge of the loop into it ends the way.
                    tail.extend(inside.iter().find(|(_, to, _)| *to == root).map(|&(_, _, e)| e));
                }
                tail.reverse();
                ways.push((order, shortened(e, head, tail, there && back)));
            }
        }
    }
    ways.sort_by_key(|(order, _)| *order);
    ways.into_iter().map(|(_, way)| way).collect()
}

/// A breadth-first walk over a component's loop edges (places within it) from or, with
/// `toward`, to `root`: for each place, the edge that takes it one step nearer (`None` for
/// the root and for places not reached).
fn walks(size: usize, inside: &[(usize, usize, usize)], root: usize, toward: bool) -> Vec<Option<(usize, usize)>> {
    let mut next: Vec<Option<(usize, usize)>> = vec![None; size];
    let mut seen = vec![false; size];
    // Each place's edges the walk goes along: into it when walking toward the root.
    let mut along: Vec<Vec<(usize, usize)>> = vec![Vec::new(); size];
    for &(from, to, e) in inside {
        if toward {
            along[to].push((from, e));
        } else {
            along[from].push((to, e));
        }
    }
    let mut queue = std::collections::VecDeque::from([root]);
    seen[root] = true;
    while let Some(place) = queue.pop_front() {
        for &(other, e) in &along[place] {
            if !seen[other] {
                seen[other] = true;
                // Toward the root: from `other` the edge leads to `place`. Away from it:
                // `other` is reached from `place`.
                next[other] = Some((e, place));
                queue.push_back(other);
            }
        }
    }
    next
}

/// The edges from `start` along a walk's steps toward `end`, at most `limit` of them, and
/// whether they reach it.
fn follow(steps: &[Option<(usize, usize)>], start: usize, end: usize, limit: usize) -> (Vec<usize>, bool) {
    let mut edges = Vec::new();
    let mut at = start;
    while at != end && edges.len() < limit {
        let Some((e, next)) = steps[at] else { break };
        edges.push(e);
        at = next;
    }
    (edges, at == end)
}

/// The way made of `first`, `head` (on from its end) and `tail` (the last edges, back to
/// where `first` starts); `whole` when they meet, so nothing between them is unknown. No
/// more than [`SHOWN`] steps are kept: the first ones, a gap, the last two.
fn shortened(first: usize, head: Vec<usize>, tail: Vec<usize>, whole: bool) -> Way {
    let mut front = vec![first];
    front.extend(head);
    if whole && front.len() + tail.len() <= SHOWN {
        front.extend(tail);
        return Way { edges: front, gap: None };
    }
    let mut back = if whole { front.iter().chain(&tail).copied().collect() } else { tail };
    let back = back.split_off(back.len().saturating_sub(2));
    front.truncate(SHOWN - 2);
    let gap = front.len();
    front.extend(back);
    Way { edges: front, gap: Some(gap) }
}

/// The finding's message for a way round a loop: its patterns' names, the first again at
/// the end (`a.title`, `b`, `a.title`), `…` where some are left out.
pub fn describe(names: &[String]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| if n == GAP { n.clone() } else { format!("`{n}`") }).collect();
    match quoted.as_slice() {
        [only, again] if only == again => format!("{only} refers to itself"),
        [first, ..] => format!("{first} leads back to itself: {}", quoted.join(" → ")),
        [] => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ways(edges: &[(u32, u32)]) -> Vec<Vec<u32>> {
        // Each way as the patterns it goes to (ends of its edges), GAP as u32::MAX.
        loops(edges)
            .into_iter()
            .map(|way| {
                let mut to = vec![edges[*way.edges.last().unwrap()].1];
                for (k, &e) in way.edges.iter().enumerate() {
                    if way.gap == Some(k) {
                        to.push(u32::MAX);
                    }
                    to.push(edges[e].1);
                }
                to
            })
            .collect()
    }

    #[test]
    fn each_pattern_on_a_loop_gets_its_shortest_way_round() {
        assert_eq!(ways(&[(1, 1)]), [vec![1, 1]]);
        assert_eq!(ways(&[(1, 2), (2, 1)]), [vec![1, 2, 1], vec![2, 1, 2]]);
        // 3 reaches the loop but is not on it.
        assert_eq!(ways(&[(3, 1), (1, 2), (2, 1)]), [vec![1, 2, 1], vec![2, 1, 2]]);
        // Two loops through 1: each pattern's own shortest way.
        assert_eq!(
            ways(&[(1, 2), (2, 1), (1, 3), (3, 4), (4, 1)]),
            [vec![1, 2, 1], vec![2, 1, 2], vec![3, 4, 1, 3], vec![4, 1, 3, 4]]
        );
        assert!(ways(&[(1, 2), (2, 3)]).is_empty());
    }

    #[test]
    fn a_long_way_round_is_shown_with_a_gap() {
        // Rings longer than what is shown, small and large.
        for n in [20u32, 5_000] {
            let ring: Vec<(u32, u32)> = (0..n).map(|k| (k, (k + 1) % n)).collect();
            let found = ways(&ring);
            assert_eq!(found.len(), n as usize);
            for (k, way) in found.iter().enumerate() {
                let k = k as u32;
                assert_eq!((way[0], way[1], *way.last().unwrap()), (k, (k + 1) % n, k), "{way:?}");
                assert!(way.contains(&u32::MAX) && way.len() <= SHOWN + 2, "{way:?}");
            }
        }
    }
}

/// The check agrees with a Fluent runtime: a message's value or attribute is reported
/// exactly when `fluent-bundle` fails on it with a cyclic reference.
#[cfg(test)]
mod runtime {
    use std::collections::BTreeSet;

    const TEXT: &str = "\
about = About
    .title = { about }
card = { $number }
    .label = { $type } { card }
expander =
    .tip = Show all
    .down = { expander.tip }
line = Verified
    .title = { line.label }
    .label = { line }
title = Signing
    .title = { headline }
headline = See { title.title }
badge =
    .x = { badge.y }
    .y = { badge.x }
caption = { caption }
link = { link.title }
    .title = Read { link }
";

    /// The patterns (`id` or `id.attribute`) the check reports.
    fn reported() -> BTreeSet<String> {
        let file = crate::ftl::file::SourceFile::from_bytes("en", "a.ftl", "a.ftl".into(), TEXT.as_bytes().to_vec());
        let parsed = file.parse();
        let model = crate::ftl::model::FileModel::new(&file, &parsed);
        let index = crate::engine::run::gather(&model);
        let load = |_: &super::super::IndexedFile| {
            Some(crate::ftl::file::Located::from_bytes("a.ftl".into(), TEXT.as_bytes().to_vec()))
        };
        let bundles = Default::default();
        let cx = super::LocaleCx::new(&index, &load, &bundles);
        let mut found = Vec::new();
        super::Check::check_locale(&super::CyclicReference, &cx, &mut found);
        found.iter().map(|d| d.message.split('`').nth(1).expect("a name").to_string()).collect()
    }

    /// The patterns `fluent-bundle` reports a cyclic reference in.
    fn cyclic_at_run_time() -> BTreeSet<String> {
        use fluent_bundle::{FluentBundle, FluentError, FluentResource};
        let resource = FluentResource::try_new(TEXT.to_string()).expect("it parses");
        let mut bundle = FluentBundle::new(vec!["en".parse().expect("a language")]);
        bundle.add_resource(resource).expect("no duplicates");
        let mut cyclic = BTreeSet::new();
        for line in TEXT.lines().filter(|l| !l.starts_with(' ')) {
            let id = line.split(" =").next().expect("an id");
            let message = bundle.get_message(id).expect("a message");
            let mut patterns: Vec<(String, _)> = message.value().map(|p| (id.to_string(), p)).into_iter().collect();
            patterns.extend(message.attributes().map(|a| (format!("{id}.{}", a.id()), a.value())));
            for (name, pattern) in patterns {
                let mut errors = Vec::new();
                bundle.format_pattern(pattern, None, &mut errors);
                let is_cyclic = |e: &FluentError| {
                    matches!(e, FluentError::ResolverError(fluent_bundle::resolver::ResolverError::Cyclic))
                };
                if errors.iter().any(is_cyclic) {
                    cyclic.insert(name);
                }
            }
        }
        cyclic
    }

    #[test]
    fn the_check_reports_what_the_runtime_finds_cyclic() {
        let expected: BTreeSet<String> =
            ["title.title", "headline", "badge.x", "badge.y", "caption", "link", "link.title"].map(String::from).into();
        assert_eq!(cyclic_at_run_time(), expected);
        assert_eq!(reported(), expected);
    }
}
