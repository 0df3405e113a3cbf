//! A printable page of the volunteering record (`GET /me/record.html`), for a volunteer who
//! wants it on paper or as a PDF. Every value is escaped; the page loads nothing external.

use html_escape::encode_text as esc;

use crate::signups::notify::format_hours;
use crate::signups::record::Record;

/// Renders the record as a self-contained HTML page (Finnish and English headings).
pub fn render(record: &Record) -> String {
    let mut rows = String::new();
    for e in &record.entries {
        rows.push_str(&format!(
            "<tr><td>{}</td><td>{}</td><td>{}</td><td class=\"n\">{}</td></tr>\n",
            e.completed_on,
            esc(&e.title),
            esc(&e.association),
            e.hours.map(format_hours).unwrap_or_default(),
        ));
    }
    if rows.is_empty() {
        rows.push_str(
            "<tr><td colspan=\"4\">Ei vielä suoritettuja tehtäviä · No completed tasks yet</td></tr>\n",
        );
    }
    let hours = record.totals.hours.map(format_hours).unwrap_or_default();
    format!(
        r#"<!DOCTYPE html>
<html lang="fi">
<head>
<meta charset="utf-8">
<title>Vapaaehtoistyötodistus · Volunteering record – {name}</title>
<style>
body {{ font-family: system-ui, sans-serif; max-width: 48rem; margin: 2rem auto; color: #111; }}
table {{ border-collapse: collapse; width: 100%; }}
th, td {{ border-bottom: 1px solid #ccc; padding: .4rem; text-align: left; }}
.n {{ text-align: right; }}
.code {{ font-family: monospace; font-size: 1.2rem; }}
@media print {{ body {{ margin: 0; }} }}
</style>
</head>
<body>
<h1>Vapaaehtoistyötodistus · Volunteering record</h1>
<p><strong>{name}</strong></p>
<table>
<thead><tr><th>Päivä · Date</th><th>Tehtävä · Task</th><th>Yhdistys · Association</th><th class="n">Tunnit · Hours</th></tr></thead>
<tbody>
{rows}</tbody>
</table>
<p>Yhteensä · Total: {tasks} tehtävää · tasks, {hours} h, {associations} yhdistystä · associations</p>
<p>Tarkistuskoodi · Verification code: <span class="code">{code}</span><br>
Tarkista · Check: {url}</p>
</body>
</html>
"#,
        name = esc(&record.display_name),
        tasks = record.totals.tasks,
        associations = record.totals.associations,
        code = esc(&record.verification.code),
        url = esc(&record.verification.url),
    )
}
