//! Bulk import of associations from a CSV file (`talkoot import-associations`).
//!
//! A region starts with thousands of associations already known from the register, so an
//! administrator loads them from a spreadsheet instead of typing them in. Every row goes
//! through the same checks as `POST /associations` ([`card::check`]); good rows become
//! `verified` associations without an owner (claimable by their real people), bad rows are
//! reported by line number. Rows are recognised by business ID or register number, so the
//! same file (or a corrected version of it) can be run again without creating duplicates.
//!
//! The file is read and its header checked completely before the database is touched: a
//! file that cannot be read changes nothing.

use std::collections::HashMap;
use std::fmt;

use chrono::Utc;
use diesel::prelude::*;
use indicatif::ProgressBar;

use crate::associations::card::{self, CardInput};
use crate::associations::identifiers;
use crate::associations::model::VERIFIED;
use crate::audit::{self, Action, Entry, TargetKind};
use crate::db::schema::associations;
use crate::db::{self, DbConnection};
use crate::error::{AppError, FieldError};

/// Rows committed per transaction: big enough to be fast, small enough that a SQLite import
/// holds the write lock only briefly while the server keeps serving, and that a failure
/// late in a big file keeps the work already done (a re-run skips it as duplicates).
pub const BATCH_SIZE: usize = 500;

/// The columns an import file may have, by header name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Column {
    Name,
    RegisterNumber,
    BusinessId,
    MunicipalityCode,
    FieldOfActivity,
    Email,
    Website,
    Phone,
    Summary,
    Description,
}

impl Column {
    const ALL: [Column; 10] = [
        Column::Name,
        Column::RegisterNumber,
        Column::BusinessId,
        Column::MunicipalityCode,
        Column::FieldOfActivity,
        Column::Email,
        Column::Website,
        Column::Phone,
        Column::Summary,
        Column::Description,
    ];

    /// The header name, which is also the field name in `card::check`'s errors.
    fn name(self) -> &'static str {
        match self {
            Column::Name => "name",
            Column::RegisterNumber => "register_number",
            Column::BusinessId => "business_id",
            Column::MunicipalityCode => "municipality_code",
            Column::FieldOfActivity => "field_of_activity",
            Column::Email => "email",
            Column::Website => "website",
            Column::Phone => "phone",
            Column::Summary => "summary",
            Column::Description => "description",
        }
    }

    fn from_name(name: &str) -> Option<Column> {
        Column::ALL.into_iter().find(|c| c.name() == name)
    }
}

/// One data row as read: its line in the file and its non-empty cells.
#[derive(Debug, Clone)]
struct Row {
    line: u64,
    cells: HashMap<Column, String>,
    /// Set when the row has a different number of cells than the header.
    shape_error: Option<String>,
}

impl Row {
    fn cell(&self, column: Column) -> Option<&str> {
        self.cells.get(&column).map(String::as_str)
    }

    /// The row as an API input: a missing cell is "not given", exactly like a field left
    /// out of a JSON body, so that the API's rules apply unchanged.
    fn card_input(&self) -> CardInput {
        let given = |c: Column| self.cell(c).map(|v| Some(v.to_owned()));
        CardInput {
            name: given(Column::Name),
            register_number: given(Column::RegisterNumber),
            business_id: given(Column::BusinessId),
            municipality_code: given(Column::MunicipalityCode),
            field_of_activity: given(Column::FieldOfActivity),
            email: given(Column::Email),
            website: given(Column::Website),
            phone: given(Column::Phone),
            summary: given(Column::Summary),
            description: given(Column::Description),
            ..CardInput::default()
        }
    }
}

/// A parsed import file whose header is known to be right; the input of [`run`].
#[derive(Debug, Clone)]
pub struct ImportFile {
    rows: Vec<Row>,
}

impl ImportFile {
    /// Number of data rows (the header not counted), for sizing a progress bar.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// True when the file has a header but no data rows.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }
}

/// Finnish spreadsheet programs save "CSV" with semicolons; accept that when the header
/// line has semicolons and no commas.
fn delimiter(bytes: &[u8]) -> u8 {
    let first_line = bytes.split(|&b| b == b'\n').next().unwrap_or_default();
    if first_line.contains(&b';') && !first_line.contains(&b',') {
        b';'
    } else {
        b','
    }
}

/// Maps header positions to columns, or says everything that is wrong with the header.
fn parse_header(names: &[String]) -> Result<Vec<Column>, Vec<FieldError>> {
    let mut columns = Vec::new();
    let mut unknown = Vec::new();
    let mut repeated = Vec::new();
    for raw in names {
        let name = raw.trim_start_matches('\u{feff}').trim().to_lowercase();
        match Column::from_name(&name) {
            Some(c) if columns.contains(&c) => repeated.push(name),
            Some(c) => columns.push(c),
            None => unknown.push(if name.is_empty() {
                "(empty)".to_owned()
            } else {
                name
            }),
        }
    }
    let mut errors = Vec::new();
    let header_error = |code: &str, message: String| FieldError::new("header", code, message);
    if names.iter().all(|n| n.trim().is_empty()) {
        errors.push(header_error(
            "missing",
            "The file is empty; its first line must name the columns.".into(),
        ));
        return Err(errors);
    }
    if !unknown.is_empty() {
        let known: Vec<&str> = Column::ALL.iter().map(|c| c.name()).collect();
        errors.push(header_error(
            "unknown_column",
            format!(
                "Unknown column(s): {}. The columns are: {}.",
                unknown.join(", "),
                known.join(", ")
            ),
        ));
    }
    if !repeated.is_empty() {
        errors.push(header_error(
            "repeated_column",
            format!("Column(s) given twice: {}.", repeated.join(", ")),
        ));
    }
    let missing: Vec<&str> = [Column::Name, Column::MunicipalityCode]
        .into_iter()
        .filter(|c| !columns.contains(c))
        .map(Column::name)
        .collect();
    if !missing.is_empty() {
        errors.push(header_error(
            "missing_column",
            format!("Required column(s) missing: {}.", missing.join(", ")),
        ));
    }
    if !columns.contains(&Column::BusinessId) && !columns.contains(&Column::RegisterNumber) {
        errors.push(header_error(
            "missing_column",
            "Give a business_id or a register_number column (or both): they recognise an \
             association when the file is imported again."
                .into(),
        ));
    }
    if errors.is_empty() {
        Ok(columns)
    } else {
        Err(errors)
    }
}

/// The line a record starts on. The csv crate positions a record where reading it began,
/// which is before any blank lines that precede it; those are counted here.
fn start_line(bytes: &[u8], position: &csv::Position) -> u64 {
    let start = usize::try_from(position.byte()).unwrap_or(usize::MAX);
    let blank_lines = bytes
        .get(start..)
        .unwrap_or_default()
        .iter()
        .take_while(|b| matches!(b, b'\r' | b'\n'))
        .filter(|&&b| b == b'\n')
        .count();
    position.line() + blank_lines as u64
}

/// Turns one CSV record into a row; empty cells are left out.
fn to_row(bytes: &[u8], record: &csv::StringRecord, columns: &[Column]) -> Row {
    let line = record.position().map_or(0, |p| start_line(bytes, p));
    let cells = columns
        .iter()
        .zip(record.iter())
        .filter(|(_, value)| !value.is_empty())
        .map(|(c, value)| (*c, value.to_owned()))
        .collect();
    let shape_error = (record.len() != columns.len()).then(|| {
        format!(
            "The row has {} cell(s) but the header has {} column(s).",
            record.len(),
            columns.len()
        )
    });
    Row {
        line,
        cells,
        shape_error,
    }
}

/// Why the file as a whole could not be read, with the line where reading stopped.
fn read_error(bytes: &[u8], e: &csv::Error) -> AppError {
    let line = e.position().map_or(0, |p| start_line(bytes, p));
    match e.kind() {
        csv::ErrorKind::Utf8 { .. } => AppError::BadRequest(format!(
            "line {line} is not UTF-8 text; save the file as UTF-8 CSV"
        )),
        _ => AppError::BadRequest(format!("cannot read the file: {e}")),
    }
}

/// Parses a whole import file (UTF-8, with or without a BOM, comma- or
/// semicolon-separated). A wrong header is a `Validation` error naming every problem at
/// once; text that is not UTF-8 is a `BadRequest`. Bad data rows are not errors here: they
/// are reported by [`run`].
pub fn read(bytes: &[u8]) -> Result<ImportFile, AppError> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter(bytes))
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(bytes);
    let names: Vec<String> = reader
        .headers()
        .map_err(|e| read_error(bytes, &e))?
        .iter()
        .map(str::to_owned)
        .collect();
    let columns = parse_header(&names).map_err(AppError::Validation)?;
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| read_error(bytes, &e))?;
        // Spreadsheets leave rows of empty cells (",,,,") at the end; they are not data.
        if record.iter().any(|cell| !cell.is_empty()) {
            rows.push(to_row(bytes, &record, &columns));
        }
    }
    Ok(ImportFile { rows })
}

/// How to run an import.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Check and report everything, write nothing.
    pub dry_run: bool,
    /// Rows per transaction; see [`BATCH_SIZE`].
    pub batch_size: usize,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            dry_run: false,
            batch_size: BATCH_SIZE,
        }
    }
}

/// The identifier by which a row was recognised as a duplicate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum IdKind {
    BusinessId,
    RegisterNumber,
}

impl fmt::Display for IdKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            IdKind::BusinessId => "business ID",
            IdKind::RegisterNumber => "register number",
        })
    }
}

/// What a duplicate row duplicates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Original {
    /// An earlier row of the same file.
    Line(u64),
    /// An association already in the database, by slug.
    Existing(String),
}

/// A row skipped because its association is already known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Duplicate {
    pub line: u64,
    pub kind: IdKind,
    /// The identifier in normalised form.
    pub value: String,
    pub original: Original,
}

/// One reason a row was rejected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    /// The column (or `row` for the row as a whole).
    pub field: String,
    /// The cell as written, so the administrator can find it; `None` when empty.
    pub value: Option<String>,
    pub message: String,
}

/// A rejected row with every reason at once, so one round of corrections is enough.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invalid {
    pub line: u64,
    pub errors: Vec<RowError>,
}

/// What an import did (or, in a dry run, would do); its `Display` is the CLI's output.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    pub dry_run: bool,
    /// Data rows in the file.
    pub rows: usize,
    /// Rows imported (in a dry run: that would be imported).
    pub imported: usize,
    pub duplicates: Vec<Duplicate>,
    pub invalid: Vec<Invalid>,
}

/// Longest cell value quoted in a report line.
const QUOTE_MAX: usize = 60;

/// A cell value in quotes, shortened, with line breaks escaped so that every reason stays
/// on its own line of the report.
fn quoted(value: &str) -> String {
    if value.chars().count() > QUOTE_MAX {
        let head: String = value.chars().take(QUOTE_MAX).collect();
        format!("{:?}", format!("{head}…"))
    } else {
        format!("{value:?}")
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.invalid.is_empty() {
            writeln!(f, "invalid rows (not imported):")?;
            for row in &self.invalid {
                for e in &row.errors {
                    match &e.value {
                        Some(v) => writeln!(
                            f,
                            "  line {}: {} {}: {}",
                            row.line,
                            e.field,
                            quoted(v),
                            e.message
                        )?,
                        None => writeln!(f, "  line {}: {}: {}", row.line, e.field, e.message)?,
                    }
                }
            }
        }
        if !self.duplicates.is_empty() {
            writeln!(f, "duplicates (skipped):")?;
            for d in &self.duplicates {
                match &d.original {
                    Original::Line(line) => writeln!(
                        f,
                        "  line {}: {} {} is already on line {line}",
                        d.line, d.kind, d.value
                    )?,
                    Original::Existing(slug) => writeln!(
                        f,
                        "  line {}: {} {} is already in the database ({slug})",
                        d.line, d.kind, d.value
                    )?,
                }
            }
        }
        let verb = if self.dry_run {
            "dry run, nothing written: would import"
        } else {
            "imported"
        };
        writeln!(
            f,
            "{verb} {}, duplicates {}, invalid {} ({} rows)",
            self.imported,
            self.duplicates.len(),
            self.invalid.len(),
            self.rows
        )
    }
}

/// Progress of a run: the report so far and the identifiers imported from this file.
struct Run {
    report: Report,
    seen: HashMap<(IdKind, String), u64>,
    write: bool,
}

/// A row's identifiers in normalised form; an unparsable one is left out here and
/// reported by `card::check`.
fn identifiers_of(row: &Row) -> Vec<(IdKind, String)> {
    [
        (
            IdKind::BusinessId,
            row.cell(Column::BusinessId)
                .and_then(identifiers::business_id),
        ),
        (
            IdKind::RegisterNumber,
            row.cell(Column::RegisterNumber)
                .and_then(identifiers::register_number),
        ),
    ]
    .into_iter()
    .filter_map(|(kind, value)| value.map(|v| (kind, v)))
    .collect()
}

/// The slug of an association that already has this identifier.
fn existing(
    conn: &mut DbConnection,
    kind: IdKind,
    value: &str,
) -> Result<Option<String>, AppError> {
    let query = associations::table.select(associations::slug).into_boxed();
    let query = match kind {
        IdKind::BusinessId => query.filter(associations::business_id.eq(value)),
        IdKind::RegisterNumber => query.filter(associations::register_number.eq(value)),
    };
    Ok(query.first(conn).optional()?)
}

impl Run {
    /// The first identifier of the row that is already known, earlier in the file first.
    fn duplicate(&self, conn: &mut DbConnection, row: &Row) -> Result<Option<Duplicate>, AppError> {
        let ids = identifiers_of(row);
        let found = |kind: IdKind, value: &str, original| Duplicate {
            line: row.line,
            kind,
            value: value.to_owned(),
            original,
        };
        for (kind, value) in &ids {
            if let Some(line) = self.seen.get(&(*kind, value.clone())) {
                return Ok(Some(found(*kind, value, Original::Line(*line))));
            }
        }
        for (kind, value) in &ids {
            if let Some(slug) = existing(conn, *kind, value)? {
                return Ok(Some(found(*kind, value, Original::Existing(slug))));
            }
        }
        Ok(None)
    }

    /// Checks one row and imports it unless it is a duplicate or invalid. Only database
    /// failures are errors; everything wrong with the row goes into the report.
    fn row(&mut self, conn: &mut DbConnection, row: &Row) -> Result<(), AppError> {
        if let Some(message) = &row.shape_error {
            self.reject(row, vec![FieldError::new("row", "shape", message)]);
            return Ok(());
        }
        if let Some(duplicate) = self.duplicate(conn, row)? {
            self.report.duplicates.push(duplicate);
            return Ok(());
        }
        let mut errors = Vec::new();
        if row.cell(Column::BusinessId).is_none() && row.cell(Column::RegisterNumber).is_none() {
            errors.push(FieldError::new(
                "business_id",
                "required",
                "Give a business ID or a register number, so that a re-import recognises the \
                 association.",
            ));
        }
        match card::check(conn, row.card_input(), None) {
            Ok(changes) if errors.is_empty() => {
                if self.write {
                    card::insert(conn, changes, VERIFIED, true)?;
                }
                for id in identifiers_of(row) {
                    self.seen.insert(id, row.line);
                }
                self.report.imported += 1;
            }
            Ok(_) => self.reject(row, errors),
            Err(AppError::Validation(more)) => {
                errors.extend(more);
                self.reject(row, errors);
            }
            Err(e) => return Err(e),
        }
        Ok(())
    }

    fn reject(&mut self, row: &Row, errors: Vec<FieldError>) {
        let errors = errors
            .into_iter()
            .map(|e| RowError {
                value: Column::from_name(&e.field)
                    .and_then(|c| row.cell(c))
                    .map(str::to_owned),
                field: e.field,
                message: e.message,
            })
            .collect();
        self.report.invalid.push(Invalid {
            line: row.line,
            errors,
        });
    }

    fn batch(
        &mut self,
        conn: &mut DbConnection,
        rows: &[Row],
        progress: &ProgressBar,
    ) -> Result<(), AppError> {
        for row in rows {
            self.row(conn, row)?;
            progress.inc(1);
        }
        Ok(())
    }
}

/// Imports the rows of `file`, committing every `options.batch_size` rows, and returns the
/// report. A dry run makes the same checks (including duplicates within the file) but
/// inserts nothing. Should the database fail midway, the batches committed before stay and
/// the error says where it stopped; running the file again skips them as duplicates.
pub fn run(
    conn: &mut DbConnection,
    file: &ImportFile,
    options: Options,
    progress: &ProgressBar,
) -> Result<Report, AppError> {
    let mut run = Run {
        report: Report {
            dry_run: options.dry_run,
            rows: file.rows.len(),
            ..Report::default()
        },
        seen: HashMap::new(),
        write: !options.dry_run,
    };
    // One id for the whole run, so that its batches read together in the audit trail.
    let run_id = uuid::Uuid::now_v7().to_string();
    for rows in file.rows.chunks(options.batch_size.max(1)) {
        let committed = run.report.imported;
        let result = if options.dry_run {
            run.batch(conn, rows, progress)
        } else {
            db::write_tx(conn, |conn| {
                run.batch(conn, rows, progress)?;
                let (first, last) = (
                    rows.first().map_or(0, |r| r.line),
                    rows.last().map_or(0, |r| r.line),
                );
                audit::record(
                    conn,
                    Utc::now().naive_utc(),
                    Entry::new(
                        None,
                        Action::AssociationsImported,
                        TargetKind::Batch,
                        &run_id,
                    )
                    .detail(format!(
                        "lines {first}-{last}: {} imported",
                        run.report.imported - committed
                    )),
                )
            })
        };
        if let Err(e) = result {
            let line = rows.first().map_or(0, |r| r.line);
            return Err(AppError::internal(format!(
                "the import stopped in the batch starting on line {line} ({e}); \
                 {committed} association(s) before it were imported, and running the file \
                 again skips them"
            )));
        }
    }
    progress.finish_and_clear();
    Ok(run.report)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header_errors(bytes: &str) -> Vec<FieldError> {
        match read(bytes.as_bytes()) {
            Err(AppError::Validation(errors)) => errors,
            other => panic!("expected a header error, got {other:?}"),
        }
    }

    #[test]
    fn quoted_cells_bom_blank_lines_and_any_column_order_are_read() {
        let file = read(
            "\u{feff}Municipality_Code,name,business_id\n\
             405,\"Lappeenrannan Nuoret, ry\",0737546-2\n\
             \n\
             286,\"Kouvolan \"\"Sää\"\" ry\n toinen rivi\",\n\
             091,Helsingin seura,1572860-0\r\n\
             ,,\r\n\
             \r\n\
             398,Lahden seura,2013001-3\r\n"
                .as_bytes(),
        )
        .expect("readable");
        assert_eq!(file.len(), 4);
        let first = &file.rows[0];
        assert_eq!(first.line, 2);
        assert_eq!(first.cell(Column::Name), Some("Lappeenrannan Nuoret, ry"));
        assert_eq!(first.cell(Column::MunicipalityCode), Some("405"));
        let second = &file.rows[1];
        assert_eq!(second.line, 4);
        assert_eq!(
            second.cell(Column::Name),
            Some("Kouvolan \"Sää\" ry\n toinen rivi")
        );
        assert_eq!(second.cell(Column::BusinessId), None);
        assert_eq!(file.rows[2].line, 6);
        assert_eq!(file.rows[3].line, 9);
        assert_eq!(file.rows[3].cell(Column::BusinessId), Some("2013001-3"));
    }

    #[test]
    fn semicolon_files_from_spreadsheets_are_read() {
        let file = read("name;municipality_code;register_number\nSeura;405;123.456\n".as_bytes())
            .expect("readable");
        assert_eq!(file.rows[0].cell(Column::RegisterNumber), Some("123.456"));
    }

    #[test]
    fn a_row_with_too_many_cells_is_a_row_problem_not_a_file_problem() {
        let file = read("name,municipality_code,business_id\nA,405,0737546-2,extra\n".as_bytes())
            .expect("readable");
        assert!(file.rows[0].shape_error.is_some());
    }

    #[test]
    fn unknown_columns_are_listed_once_together_with_missing_ones() {
        let errors = header_errors("nimi,kunta,name,kunta\n");
        let codes: Vec<&str> = errors.iter().map(|e| e.code.as_str()).collect();
        assert_eq!(
            codes,
            ["unknown_column", "missing_column", "missing_column"],
            "{errors:?}"
        );
        assert!(errors[0].message.contains("nimi, kunta, kunta"));
        assert_eq!(
            errors.iter().filter(|e| e.code == "unknown_column").count(),
            1
        );
    }

    #[test]
    fn repeated_columns_and_empty_files_are_refused() {
        let errors = header_errors("name,name,municipality_code,business_id\n");
        assert_eq!(errors[0].code, "repeated_column");
        let errors = header_errors("");
        assert_eq!(errors[0].code, "missing");
    }

    #[test]
    fn text_that_is_not_utf8_is_refused_with_its_line() {
        let mut bytes = b"name,municipality_code,business_id\nSeura,405,0737546-2\n".to_vec();
        bytes.extend_from_slice(b"Ty\xf6v\xe4en seura,405,1572860-0\n");
        match read(&bytes) {
            Err(AppError::BadRequest(message)) => assert!(message.contains("line 3"), "{message}"),
            other => panic!("expected a read error, got {other:?}"),
        }
    }

    #[test]
    fn the_report_names_lines_fields_and_values() {
        let report = Report {
            dry_run: false,
            rows: 4,
            imported: 2,
            duplicates: vec![Duplicate {
                line: 5,
                kind: IdKind::BusinessId,
                value: "0737546-2".into(),
                original: Original::Line(2),
            }],
            invalid: vec![Invalid {
                line: 3,
                errors: vec![RowError {
                    field: "email".into(),
                    value: Some("ei-osoite".into()),
                    message: "This is not an email address.".into(),
                }],
            }],
        };
        assert_eq!(
            report.to_string(),
            "invalid rows (not imported):\n  \
             line 3: email \"ei-osoite\": This is not an email address.\n\
             duplicates (skipped):\n  \
             line 5: business ID 0737546-2 is already on line 2\n\
             imported 2, duplicates 1, invalid 1 (4 rows)\n"
        );
    }
}
