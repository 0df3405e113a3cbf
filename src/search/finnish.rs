//! Finnish text analysis: words are lower-cased, stemmed with Snowball's Finnish stemmer,
//! and then normalised by a few suffix rules so that forms the stemmer leaves apart meet.
//!
//! Snowball maps `tapahtuma`, `tapahtumaan` and `tapahtumassa` together, but leaves `nuori`
//! (`nuori`), `nuoret` (`nuore`), `nuorten` (`nuort`) and `nuorille` (`nuor`) apart, and
//! `vapaaehtoinen` (`vapaaehtoin`) apart from `vapaaehtoisia` (`vapaaehtois`). The rules,
//! applied to the stem with the original word at hand:
//!
//! 1. `-inen` words: the stem's `in` becomes `is`, the stem of every other form
//!    (`vapaaehtoinen` → `vapaaehtois`, `ihminen` → `ihmis`).
//! 2. A genitive plural's `t` goes: `-sten` (`ihmisten` → `ihmis`) and, after a consonant,
//!    `-ten` (`nuorten` → `nuor`).
//! 3. One final vowel goes when at least three letters stay (`nuori`, `nuore` → `nuor`;
//!    `kirjasto` → `kirjast`), so the base form meets the inflected ones.
//! 4. `-us`/`-ys`/`-os` words inflect on `-uks-`/`-yks-`/`-oks-` (`koulutus`,
//!    `koulutuksen`; `yhdistys`, `yhdistyksiä`): a stem of six or more letters ending so
//!    loses the `k` (`koulutuks` → `koulutus`). Shorter stems keep it (`oksa`, `juoksu`).
//!
//! Last, `ä`, `ö` and `å` fold to `a`, `o`, `a`, so that a query typed without them still
//! matches (`aanestys` finds `äänestys`); the rules run on the unfolded word.
//!
//! Consonant gradation (`lapsi` / `lasten`, `käsi` / `kädet`) is not undone: that needs a
//! dictionary (a morphological analyser such as Voikko), which this deliberately does
//! without.

use std::mem;

use tantivy::tokenizer::{
    LowerCaser, RemoveLongFilter, SimpleTokenizer, TextAnalyzer, Token, TokenFilter, TokenStream,
    Tokenizer,
};

/// The name the analyser is registered under.
pub const ANALYZER: &str = "fi_stem";
/// The name of the analyser that keeps words whole (lower-cased), for prefixes and typos.
pub const WORDS: &str = "fi_words";
/// Longer tokens are dropped: no Finnish word people search for is longer.
const MAX_TOKEN_BYTES: usize = 60;

/// The analyser for searchable text (see the module documentation).
pub fn analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
        .filter(LowerCaser)
        .filter(FinnishStem)
        .build()
}

/// The analyser of whole words: split and lower-cased, nothing else.
pub fn words_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
        .filter(LowerCaser)
        .build()
}

/// The index term of one lower-cased word.
pub fn term_of(word: &str) -> String {
    let stemmer = frostem::Stemmer::new(frostem::Algorithm::Finnish);
    normalise(word, &stemmer.stem(word))
}

/// Every index term of one lower-cased word: its term, and for an ambiguous form a second
/// reading (see [`second_reading`]).
pub fn terms_of(word: &str) -> Vec<String> {
    let stemmer = frostem::Stemmer::new(frostem::Algorithm::Finnish);
    let mut terms = vec![normalise(word, &stemmer.stem(word))];
    if let Some(other) = second_reading(word, &stemmer)
        && other != terms[0]
    {
        terms.push(other);
    }
    terms
}

/// `-ista`/`-istä` is either the partitive of an `-inen` word (`vapaaehtoista`,
/// `ihmistä`: stem `-is-`) or an elative plural (`taloista`: stem `talo`), and only a
/// dictionary can tell which. Snowball always reads the elative, so the partitive reading
/// is added as a second term at the same position; for a real elative it is a harmless
/// extra term.
fn second_reading(word: &str, stemmer: &frostem::Stemmer) -> Option<String> {
    let base = word
        .strip_suffix("ista")
        .or_else(|| word.strip_suffix("istä"))?;
    if base.chars().count() < 3 {
        return None;
    }
    let partitive_stem = format!("{base}is");
    Some(normalise(&partitive_stem, &stemmer.stem(&partitive_stem)))
}

/// The words of a text, lower-cased, as the whole-word analyser splits them.
pub fn split_words(text: &str) -> Vec<String> {
    let mut analyzer = words_analyzer();
    let mut stream = analyzer.token_stream(text);
    let mut out = Vec::new();
    while stream.advance() {
        out.push(stream.token().text.clone());
    }
    out
}

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'ä' | 'ö' | 'å')
}

/// The suffix rules of the module documentation, then the folding.
fn normalise(word: &str, stem: &str) -> String {
    let mut s: Vec<char> = stem.chars().collect();
    let ends = |s: &[char], suffix: &str| {
        let suffix: Vec<char> = suffix.chars().collect();
        s.ends_with(&suffix)
    };
    if word.ends_with("inen") && ends(&s, "in") {
        let n = s.len();
        s[n - 1] = 's';
    } else {
        // A genitive plural's `t`: `-sten` (`ihmist`), or `-ten` after a consonant (`nuort`).
        let sten = word.ends_with("sten") && ends(&s, "st") && s.len() > 4;
        let ten = word.ends_with("ten")
            && ends(&s, "t")
            && s.len() >= 4
            && s.get(s.len() - 2).is_some_and(|c| !is_vowel(*c));
        if sten || ten {
            s.pop();
        }
    }
    if s.len() >= 4 && s.last().is_some_and(|c| is_vowel(*c)) {
        s.pop();
    }
    // `-us`/`-ys`/`-os` words inflect on `-uks-`/`-yks-`/`-oks-`: the `k` goes.
    let n = s.len();
    if n >= 6 && ends(&s, "ks") && matches!(s[n - 3], 'u' | 'y' | 'o') {
        s.remove(n - 2);
    }
    s.into_iter()
        .map(|c| match c {
            'ä' | 'å' => 'a',
            'ö' => 'o',
            other => other,
        })
        .collect()
}

/// The token filter that turns lower-cased words into index terms.
#[derive(Clone, Copy)]
struct FinnishStem;

impl TokenFilter for FinnishStem {
    type Tokenizer<T: Tokenizer> = FinnishStemFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> FinnishStemFilter<T> {
        FinnishStemFilter { inner: tokenizer }
    }
}

#[derive(Clone)]
struct FinnishStemFilter<T> {
    inner: T,
}

impl<T: Tokenizer> Tokenizer for FinnishStemFilter<T> {
    type TokenStream<'a> = FinnishStemStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        FinnishStemStream {
            tail: self.inner.token_stream(text),
            stemmer: frostem::Stemmer::new(frostem::Algorithm::Finnish),
            pending: None,
        }
    }
}

struct FinnishStemStream<T> {
    tail: T,
    stemmer: frostem::Stemmer,
    /// A second reading of the current word, given next at the same position.
    pending: Option<String>,
}

impl<T: TokenStream> TokenStream for FinnishStemStream<T> {
    fn advance(&mut self) -> bool {
        if let Some(mut other) = self.pending.take() {
            mem::swap(&mut self.tail.token_mut().text, &mut other);
            return true;
        }
        if !self.tail.advance() {
            return false;
        }
        let token = self.tail.token_mut();
        let mut term = normalise(&token.text, &self.stemmer.stem(&token.text));
        self.pending = second_reading(&token.text, &self.stemmer).filter(|t| *t != term);
        mem::swap(&mut token.text, &mut term);
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meet(words: &[&str]) {
        let terms: Vec<String> = words.iter().map(|w| term_of(w)).collect();
        assert!(
            terms.iter().all(|t| t == &terms[0]),
            "{words:?} gave {terms:?}"
        );
    }

    #[test]
    fn the_forms_the_issue_names_meet() {
        meet(&[
            "nuori", "nuoret", "nuorten", "nuorille", "nuoria", "nuorelle",
        ]);
        meet(&[
            "vapaaehtoinen",
            "vapaaehtoisia",
            "vapaaehtoisen",
            "vapaaehtoiset",
            "vapaaehtoisten",
            "vapaaehtoisena",
        ]);
    }

    #[test]
    fn other_common_families_meet() {
        meet(&["tapahtuma", "tapahtumaan", "tapahtumassa", "tapahtumien"]);
        meet(&["ihminen", "ihmiset", "ihmisten", "ihmisille"]);
        meet(&["ikäihminen", "ikäihmisille", "ikäihmisten"]);
        meet(&["kirjasto", "kirjastossa", "kirjastoon", "kirjastot"]);
        meet(&["koira", "koirat", "koirien", "koirille"]);
        meet(&["leiri", "leirillä", "leirit", "leirien"]);
        meet(&["ohjaaja", "ohjaajat", "ohjaajia", "ohjaajien"]);
        meet(&["yhdistys", "yhdistyksen", "yhdistyksiä", "yhdistykset"]);
        meet(&["koulutus", "koulutuksen", "koulutukseen", "koulutuksia"]);
        meet(&["siivous", "siivouksen", "siivoukseen"]);
        meet(&["pelastus", "pelastuksen", "pelastukset"]);
    }

    #[test]
    fn a_partitive_of_an_inen_word_also_reads_as_one() {
        assert!(terms_of("vapaaehtoista").contains(&term_of("vapaaehtoinen")));
        assert!(terms_of("ihmistä").contains(&term_of("ihminen")));
        // An elative plural keeps its own reading first.
        assert_eq!(terms_of("taloista")[0], term_of("talo"));
        assert_eq!(terms_of("nuoret"), [term_of("nuoret")]);
        let mut a = analyzer();
        let mut stream = a.token_stream("Etsimme vapaaehtoista");
        let mut tokens = Vec::new();
        while stream.advance() {
            tokens.push((stream.token().text.clone(), stream.token().position));
        }
        assert_eq!(
            tokens,
            [
                (term_of("etsimme"), 0),
                (terms_of("vapaaehtoista")[0].clone(), 1),
                (term_of("vapaaehtoinen"), 1)
            ]
        );
    }

    #[test]
    fn different_words_stay_apart() {
        assert_ne!(term_of("koira"), term_of("kirja"));
        assert_ne!(term_of("leiri"), term_of("lehti"));
        // Short stems keep their vowel, so that they do not collapse together.
        assert_eq!(term_of("työ"), "tyo");
        assert_ne!(term_of("juoksu"), term_of("juosta"));
        assert_ne!(term_of("oksa"), term_of("osa"));
    }

    #[test]
    fn umlauts_fold_after_the_rules() {
        assert_eq!(term_of("äänestys"), term_of("aanestys"));
        assert_eq!(term_of("kesäleiri"), term_of("kesaleiri"));
    }

    #[test]
    fn the_analyzer_applies_the_same_rules_to_text() {
        let mut a = analyzer();
        let mut stream = a.token_stream("Nuorten KESÄLEIRI, vapaaehtoisia!");
        let mut terms = Vec::new();
        while stream.advance() {
            terms.push(stream.token().text.clone());
        }
        assert_eq!(
            terms,
            [
                term_of("nuorten"),
                term_of("kesäleiri"),
                term_of("vapaaehtoisia")
            ]
        );
        assert_eq!(split_words("Nuorten KESÄLEIRI"), ["nuorten", "kesäleiri"]);
    }
}
