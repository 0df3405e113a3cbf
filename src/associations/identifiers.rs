//! Identifiers of an association: business ID (Y-tunnus), register number, slug, and the
//! normalised forms of phone numbers and URLs on its card.

/// Checks a Finnish business ID (`1234567-8`) including its check digit, and returns it in
/// canonical form. An old six-digit ID is zero-padded to seven digits, as PRH does.
pub fn business_id(raw: &str) -> Option<String> {
    let (digits, check) = raw.trim().split_once('-')?;
    if !(6..=7).contains(&digits.len())
        || check.len() != 1
        || !digits.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let digits = format!("{digits:0>7}");
    let check = check.parse::<u32>().ok()?;
    const WEIGHTS: [u32; 7] = [7, 9, 10, 5, 8, 4, 2];
    let sum: u32 = digits
        .bytes()
        .zip(WEIGHTS)
        .map(|(d, w)| u32::from(d - b'0') * w)
        .sum();
    let expected = match sum % 11 {
        0 => 0,
        1 => return None,
        r => 11 - r,
    };
    (check == expected).then(|| format!("{digits}-{check}"))
}

/// Checks an association register number (yhdistysrekisterinumero): 1–7 digits, written
/// plain (`123456`) or grouped with dots (`123.456`). Returned as plain digits so that both
/// spellings match when importing.
pub fn register_number(raw: &str) -> Option<String> {
    let raw = raw.trim();
    let grouped_ok = raw.split('.').enumerate().all(|(i, group)| {
        !group.is_empty()
            && group.bytes().all(|b| b.is_ascii_digit())
            && (i == 0 || group.len() == 3)
    });
    let digits: String = raw.chars().filter(char::is_ascii_digit).collect();
    (grouped_ok && (1..=7).contains(&digits.len()) && !digits.trim_start_matches('0').is_empty())
        .then(|| digits.trim_start_matches('0').to_owned())
}

/// A URL-safe slug from a name: lower case, å/ä/ö folded, other characters to `-`.
pub fn slugify(name: &str) -> String {
    let mut slug = String::with_capacity(name.len());
    for c in name.to_lowercase().chars() {
        let folded = match c {
            'å' | 'ä' | 'á' | 'à' | 'â' => 'a',
            'ö' | 'ø' | 'ó' | 'ò' | 'ô' => 'o',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'ü' | 'ú' | 'ù' => 'u',
            'š' => 's',
            'ž' => 'z',
            c if c.is_ascii_alphanumeric() => c,
            _ => '-',
        };
        if folded == '-' && (slug.is_empty() || slug.ends_with('-')) {
            continue;
        }
        slug.push(folded);
    }
    let mut slug: String = slug.trim_end_matches('-').chars().take(80).collect();
    while slug.ends_with('-') {
        slug.pop();
    }
    if slug.is_empty() {
        "yhdistys".to_owned()
    } else {
        slug
    }
}

/// Normalises a phone number to E.164 (`+358401234567`); Finnish numbers may be written in
/// the national form (`040 123 4567`).
pub fn phone(raw: &str) -> Option<String> {
    // "+358 (0)5 …" writes the national trunk prefix in brackets; it is not dialled.
    let raw = raw.replace("(0)", "");
    let compact: String = raw
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '(' | ')' | '.'))
        .collect();
    let international = if let Some(rest) = compact.strip_prefix('+') {
        rest.to_owned()
    } else if let Some(rest) = compact.strip_prefix("00") {
        rest.to_owned()
    } else if let Some(rest) = compact.strip_prefix('0') {
        format!("358{rest}")
    } else {
        return None;
    };
    (international.bytes().all(|b| b.is_ascii_digit()) && (8..=15).contains(&international.len()))
        .then(|| format!("+{international}"))
}

/// Accepts an absolute http(s) URL with a host.
pub fn web_url(raw: &str) -> Option<String> {
    let url = url::Url::parse(raw.trim()).ok()?;
    (matches!(url.scheme(), "http" | "https")
        && url.host_str().is_some_and(|h| !h.is_empty())
        && raw.len() <= 500)
        .then(|| url.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn business_ids_are_checked_with_their_check_digit() {
        assert_eq!(business_id("0737546-2").as_deref(), Some("0737546-2"));
        assert_eq!(business_id("1572860-0").as_deref(), Some("1572860-0"));
        assert_eq!(business_id("737546-2").as_deref(), Some("0737546-2"));
        assert_eq!(business_id("0737546-3"), None);
        assert_eq!(business_id("07375462"), None);
        assert_eq!(business_id("abcdefg-1"), None);
    }

    #[test]
    fn register_numbers_accept_plain_and_grouped_forms() {
        assert_eq!(register_number("123.456").as_deref(), Some("123456"));
        assert_eq!(register_number("123456").as_deref(), Some("123456"));
        assert_eq!(register_number("1.234.567").as_deref(), Some("1234567"));
        assert_eq!(register_number("12.34"), None);
        assert_eq!(register_number("12345678"), None);
        assert_eq!(register_number("ry 123"), None);
        assert_eq!(register_number("0"), None);
    }

    #[test]
    fn slugs_fold_finnish_letters() {
        assert_eq!(
            slugify("Lappeenrannan Nuorisoseura ry"),
            "lappeenrannan-nuorisoseura-ry"
        );
        assert_eq!(
            slugify("Kymenlaakson Sää- ja Ympäristöyhdistys"),
            "kymenlaakson-saa-ja-ymparistoyhdistys"
        );
        assert_eq!(
            slugify("Åbo Akademis Vänner r.f."),
            "abo-akademis-vanner-r-f"
        );
        assert_eq!(slugify("!!!"), "yhdistys");
    }

    #[test]
    fn phones_become_e164() {
        assert_eq!(phone("040 123 4567").as_deref(), Some("+358401234567"));
        assert_eq!(phone("+358 (0)5 123 456").as_deref(), Some("+3585123456"));
        assert_eq!(phone("+358 5 123 4567").as_deref(), Some("+35851234567"));
        assert_eq!(phone("00358401234567").as_deref(), Some("+358401234567"));
        assert_eq!(phone("soita"), None);
    }

    #[test]
    fn only_absolute_web_urls() {
        assert!(web_url("https://yhdistys.fi/").is_some());
        assert!(web_url("javascript:alert(1)").is_none());
        assert!(web_url("yhdistys.fi").is_none());
    }
}
