//! What a typed query means: its words, each turned into the index terms it may match.
//!
//! A word matches its own term (see [`finnish`]). The last word, when the query does not
//! end in a space, is still being typed: it also matches every word of the index that
//! starts with it (search as you type). A word of 5 or more letters that the index does
//! not hold may be a typo: when the exact query finds little, it matches the words within
//! edit distance 1 (2 from 9 letters), and the answer says which word it took instead.
//! Expansions are ORed as scored term queries, so a hit on a closer word still ranks by
//! BM25 (tantivy's own prefix and fuzzy queries give every hit the same score).

use std::collections::BTreeMap;
use std::sync::OnceLock;

use levenshtein_automata::{DFA, Distance, LevenshteinAutomatonBuilder, SINK_STATE};
use serde::Serialize;
use tantivy::query::{BooleanQuery, BoostQuery, Occur, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{Searcher, Term};

use crate::search::finnish;

/// The exact words finding fewer hits than this try the typo fallback ([`correct`]).
pub const FEW: usize = 3;
/// At most this many words of a query count.
const MAX_WORDS: usize = 8;
/// Characters of a word that count.
const MAX_WORD_CHARS: usize = 40;
/// A prefix expands to at most this many words (the most common first).
const MAX_EXPANSIONS: usize = 50;
/// A typed prefix shorter than this matches only its own term (one letter would match
/// half the dictionary).
const MIN_PREFIX_CHARS: usize = 2;

/// One word of the query and the terms it may match.
#[derive(Debug, Clone)]
pub struct QueryWord {
    pub typed: String,
    pub terms: Vec<String>,
    /// Whether, as a prefix, it matched words of the index (so it is no typo).
    pub expanded: bool,
}

/// A word the search took in place of one the index does not hold.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Correction {
    pub word: String,
    pub corrected_to: String,
}

/// The words of `q`, lower-cased; the last one flagged when it is still being typed.
pub fn words(q: &str) -> (Vec<String>, bool) {
    let words: Vec<String> = finnish::split_words(q)
        .into_iter()
        .take(MAX_WORDS)
        .map(|w| w.chars().take(MAX_WORD_CHARS).collect())
        .collect();
    let typing = !q.ends_with(char::is_whitespace);
    (words, typing)
}

/// The words of `q` with their own terms, and the last one's prefix expansions.
pub fn expand(searcher: &Searcher, words_field: Field, q: &str) -> Vec<QueryWord> {
    let (words, typing) = words(q);
    let count = words.len();
    words
        .into_iter()
        .enumerate()
        .map(|(i, typed)| {
            let mut terms = finnish::terms_of(&typed);
            let mut expanded = false;
            if typing && i + 1 == count && typed.chars().count() >= MIN_PREFIX_CHARS {
                for word in prefixed(searcher, words_field, &typed) {
                    expanded = true;
                    terms.extend(finnish::terms_of(&word));
                }
            }
            terms.sort();
            terms.dedup();
            QueryWord {
                typed,
                terms,
                expanded,
            }
        })
        .collect()
}

/// One clause per word, each required: the word matches one of its terms in any of the
/// fields, a field's hits scored by BM25 times its boost.
pub fn word_clauses(words: &[QueryWord], fields: &[(Field, f32)]) -> Vec<(Occur, Box<dyn Query>)> {
    words
        .iter()
        .map(|word| {
            let mut alternatives: Vec<(Occur, Box<dyn Query>)> = Vec::new();
            for t in &word.terms {
                for (field, boost) in fields {
                    let query: Box<dyn Query> = Box::new(TermQuery::new(
                        Term::from_field_text(*field, t),
                        IndexRecordOption::WithFreqs,
                    ));
                    let query = if (*boost - 1.0).abs() > f32::EPSILON {
                        Box::new(BoostQuery::new(query, *boost))
                    } else {
                        query
                    };
                    alternatives.push((Occur::Should, query));
                }
            }
            (
                Occur::Must,
                Box::new(BooleanQuery::new(alternatives)) as Box<dyn Query>,
            )
        })
        .collect()
}

/// An exact term of a raw (untokenised) field, for filters.
pub fn term(field: Field, value: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        Term::from_field_text(field, value),
        IndexRecordOption::Basic,
    ))
}

/// Widens each word that the index does not hold (5+ letters, not a prefix that found
/// words) to the words within reach, and says which word it took.
pub fn correct(
    searcher: &Searcher,
    words_field: Field,
    words: &mut [QueryWord],
) -> Vec<Correction> {
    let mut corrections = Vec::new();
    for word in words.iter_mut() {
        if word_frequency(searcher, words_field, &word.typed) > 0 || word.expanded {
            continue;
        }
        let similar = similar(searcher, words_field, &word.typed);
        if let Some(best) = similar.first() {
            corrections.push(Correction {
                word: word.typed.clone(),
                corrected_to: best.clone(),
            });
            for w in &similar {
                word.terms.extend(finnish::terms_of(w));
            }
            word.terms.sort();
            word.terms.dedup();
        }
    }
    corrections
}

/// How many documents hold the whole word `word` (0 when none: a typo candidate).
pub fn word_frequency(searcher: &Searcher, words_field: Field, word: &str) -> u64 {
    let term = Term::from_field_text(words_field, word);
    searcher.doc_freq(&term).unwrap_or(0)
}

/// Words of the index starting with `prefix`, the most common first.
fn prefixed(searcher: &Searcher, field: Field, prefix: &str) -> Vec<String> {
    let mut upper = prefix.to_owned();
    upper.push(char::MAX);
    let mut found: BTreeMap<String, u64> = BTreeMap::new();
    for segment in searcher.segment_readers() {
        let Ok(inverted) = segment.inverted_index(field) else {
            continue;
        };
        let Ok(mut stream) = inverted.terms().range().ge(prefix).lt(&upper).into_stream() else {
            continue;
        };
        while stream.advance() {
            if let Ok(word) = std::str::from_utf8(stream.key()) {
                *found.entry(word.to_owned()).or_default() += u64::from(stream.value().doc_freq);
            }
        }
    }
    most_common(found, MAX_EXPANSIONS)
}

/// Words of the index within the allowed edit distance of `word`, the most common first;
/// empty for words under 5 letters.
pub fn similar(searcher: &Searcher, field: Field, word: &str) -> Vec<String> {
    let letters = word.chars().count();
    let distance = match letters {
        0..5 => return Vec::new(),
        5..9 => 1,
        _ => 2,
    };
    let dfa = builder(distance).build_dfa(word);
    let mut found: BTreeMap<String, u64> = BTreeMap::new();
    for segment in searcher.segment_readers() {
        let Ok(inverted) = segment.inverted_index(field) else {
            continue;
        };
        let Ok(mut stream) = inverted.terms().search(Levenshtein(&dfa)).into_stream() else {
            continue;
        };
        while stream.advance() {
            if let Ok(w) = std::str::from_utf8(stream.key())
                && w != word
            {
                *found.entry(w.to_owned()).or_default() += u64::from(stream.value().doc_freq);
            }
        }
    }
    most_common(found, 10)
}

/// The automaton builders for edit distances 1 and 2 (transpositions count as one edit),
/// built once: building one precomputes tables, which costs far more than a lookup.
fn builder(distance: u8) -> &'static LevenshteinAutomatonBuilder {
    static ONE: OnceLock<LevenshteinAutomatonBuilder> = OnceLock::new();
    static TWO: OnceLock<LevenshteinAutomatonBuilder> = OnceLock::new();
    let cell = if distance <= 1 { &ONE } else { &TWO };
    cell.get_or_init(|| LevenshteinAutomatonBuilder::new(distance, true))
}

fn most_common(found: BTreeMap<String, u64>, limit: usize) -> Vec<String> {
    let mut found: Vec<(String, u64)> = found.into_iter().collect();
    // Most documents first; alphabetical among equals, so the choice is stable.
    found.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    found.into_iter().take(limit).map(|(w, _)| w).collect()
}

/// A Levenshtein automaton over the bytes of the term dictionary.
struct Levenshtein<'a>(&'a DFA);

impl tantivy_fst::Automaton for Levenshtein<'_> {
    type State = u32;

    fn start(&self) -> u32 {
        self.0.initial_state()
    }

    fn is_match(&self, state: &u32) -> bool {
        matches!(self.0.distance(*state), Distance::Exact(_))
    }

    fn can_match(&self, state: &u32) -> bool {
        *state != SINK_STATE
    }

    fn accept(&self, state: &u32, byte: u8) -> u32 {
        self.0.transition(*state, byte)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn words_are_split_lowered_and_bounded() {
        let (words, typing) = super::words("Nuoret & \"OR\" ääni:* ");
        assert_eq!(words, ["nuoret", "or", "ääni"]);
        assert!(!typing);
        let (words, typing) = super::words("a b c d e f g h i j vapaaeh");
        assert_eq!(words.len(), 8);
        assert!(typing);
    }
}
