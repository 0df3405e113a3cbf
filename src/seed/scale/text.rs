//! Finnish-looking text for the scale seed: titles and descriptions drawn from
//! [`super::words`] with Zipf-like weights, so that some words are in a large share of the
//! tasks and most in a handful, as in real text.

use rand::Rng;
use rand::rngs::StdRng;

use super::words::{COMMON, FILLER, RARE, SYLLABLES};

/// Draws indices `0..n` with weight `1 / (rank + 1)^s`.
pub struct Zipf {
    cumulative: Vec<f64>,
}

impl Zipf {
    /// A sampler over `n` ranks with exponent `s`.
    pub fn new(n: usize, s: f64) -> Self {
        let weights: Vec<f64> = (0..n.max(1))
            .map(|i| 1.0 / (i as f64 + 1.0).powf(s))
            .collect();
        let total: f64 = weights.iter().sum();
        let mut acc = 0.0;
        let cumulative = weights
            .iter()
            .map(|w| {
                acc += w / total;
                acc
            })
            .collect();
        Self { cumulative }
    }

    /// One rank.
    pub fn draw(&self, rng: &mut StdRng) -> usize {
        let x: f64 = rng.r#gen();
        self.cumulative
            .partition_point(|&c| c < x)
            .min(self.cumulative.len() - 1)
    }
}

/// Where one seed's text comes from: the common words, a long tail of made-up ones, and
/// the share of tasks that get a rare word.
pub struct Words {
    common: Zipf,
    tail: Vec<String>,
    tail_zipf: Zipf,
}

/// About one task in 2,500 carries each rare word.
const RARE_SHARE: f64 = 0.0004;

impl Words {
    /// A vocabulary with `tail` made-up words.
    pub fn new(rng: &mut StdRng, tail: usize) -> Self {
        let mut seen = std::collections::HashSet::new();
        let mut words = Vec::with_capacity(tail);
        while words.len() < tail {
            let syllables = rng.gen_range(3..=5);
            let word: String = (0..syllables)
                .map(|_| SYLLABLES[rng.gen_range(0..SYLLABLES.len())])
                .collect();
            if word.chars().count() >= 6 && seen.insert(word.clone()) {
                words.push(word);
            }
        }
        Self {
            common: Zipf::new(COMMON.len(), 1.0),
            tail_zipf: Zipf::new(words.len(), 1.1),
            tail: words,
        }
    }

    fn common_word(&self, rng: &mut StdRng) -> &'static str {
        let (_, forms) = COMMON[self.common.draw(rng)];
        forms[rng.gen_range(0..forms.len())]
    }

    fn tail_word(&self, rng: &mut StdRng) -> &str {
        &self.tail[self.tail_zipf.draw(rng)]
    }

    /// A title of two to four words, capitalised.
    pub fn title(&self, rng: &mut StdRng) -> String {
        let n = rng.gen_range(2..=4);
        let words: Vec<String> = (0..n)
            .map(|i| {
                if i == n - 1 && rng.gen_bool(0.3) {
                    self.tail_word(rng).to_owned()
                } else {
                    self.common_word(rng).to_owned()
                }
            })
            .collect();
        capitalise(&words.join(" "))
    }

    /// A description of two to four sentences; now and then with a rare word.
    pub fn description(&self, rng: &mut StdRng) -> String {
        let sentences = rng.gen_range(2..=4);
        let mut text = Vec::with_capacity(sentences);
        for _ in 0..sentences {
            let n = rng.gen_range(6..=12);
            let words: Vec<&str> = (0..n)
                .map(|_| match rng.gen_range(0..10) {
                    0..=3 => FILLER[rng.gen_range(0..FILLER.len())],
                    4..=7 => self.common_word(rng),
                    _ => self.tail_word(rng),
                })
                .collect();
            text.push(format!("{}.", capitalise(&words.join(" "))));
        }
        for rare in RARE {
            if rng.gen_bool(RARE_SHARE) {
                text.push(format!("Mukana myös {rare}."));
            }
        }
        text.join(" ")
    }
}

/// The text with its first letter in upper case.
pub fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use rand::SeedableRng;

    use super::*;

    #[test]
    fn text_is_finnish_looking_and_skewed() {
        let mut rng = StdRng::seed_from_u64(1);
        let words = Words::new(&mut rng, 500);
        let titles: Vec<String> = (0..2000).map(|_| words.title(&mut rng)).collect();
        assert!(
            titles
                .iter()
                .all(|t| t.chars().next().is_some_and(char::is_uppercase))
        );
        // The most common lemma is in far more titles than a mid-ranked one.
        let count = |w: &str| {
            titles
                .iter()
                .filter(|t| t.to_lowercase().contains(w))
                .count()
        };
        assert!(
            count("vapaaehto") > 5 * count("kuljet").max(1),
            "{}",
            count("vapaaehto")
        );
        let description = words.description(&mut rng);
        assert!(description.ends_with('.') && description.split(' ').count() >= 12);
    }
}
