//! When a task happens, in the terms a volunteer's profile uses for when they are free
//! (`accounts::profile::AVAILABILITY_SLOTS`): matching compares the two, and the search
//! index keeps a task's slots as terms so that the comparison is a query.
//!
//! - A **fixed** task falls in one slot by its start in Finnish time: `weekends` on a
//!   Saturday or Sunday, otherwise `weekday_daytime` when it starts before 16:00 and
//!   `weekday_evenings` from then on; and also in `school_holidays` when it starts in one
//!   ([`school_holiday`]).
//! - A **flexible** or **ongoing** task is done when the volunteer chooses, so it fits
//!   every slot.
//!
//! `remote_only` is not a time: it is matched against the task's remote flags instead.

use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike, Weekday};
use chrono_tz::Europe::Helsinki;

/// Weekdays, starting before [`EVENING_FROM`].
pub const WEEKDAY_DAYTIME: &str = "weekday_daytime";
/// Weekdays, starting at or after [`EVENING_FROM`].
pub const WEEKDAY_EVENINGS: &str = "weekday_evenings";
/// Saturdays and Sundays.
pub const WEEKENDS: &str = "weekends";
/// Finnish school holidays ([`school_holiday`]).
pub const SCHOOL_HOLIDAYS: &str = "school_holidays";
/// The hour (Finnish time) from which a weekday start counts as evening: school days end
/// by then.
pub const EVENING_FROM: u32 = 16;

/// The slots a task with this schedule falls in (see the module documentation).
pub fn slots(schedule_type: &str, starts_at: Option<NaiveDateTime>) -> Vec<&'static str> {
    if schedule_type != "fixed" {
        return vec![WEEKDAY_DAYTIME, WEEKDAY_EVENINGS, WEEKENDS, SCHOOL_HOLIDAYS];
    }
    let Some(starts_at) = starts_at else {
        return Vec::new();
    };
    let local = starts_at.and_utc().with_timezone(&Helsinki);
    let mut out = vec![match local.weekday() {
        Weekday::Sat | Weekday::Sun => WEEKENDS,
        _ if local.hour() < EVENING_FROM => WEEKDAY_DAYTIME,
        _ => WEEKDAY_EVENINGS,
    }];
    if school_holiday(local.date_naive()) {
        out.push(SCHOOL_HOLIDAYS);
    }
    out
}

/// Whether `day` falls in a Finnish school holiday, by the dates common to every
/// municipality: summer (1 June – 10 August), Christmas (22 December – 6 January), the
/// autumn break (ISO week 42) and the winter break (ISO weeks 8–10, which cover every
/// region's week). An approximation: each municipality sets its own exact dates.
pub fn school_holiday(day: NaiveDate) -> bool {
    let (month, date) = (day.month(), day.day());
    let summer = month == 6 || month == 7 || (month == 8 && date <= 10);
    let christmas = (month == 12 && date >= 22) || (month == 1 && date <= 6);
    let week = day.iso_week().week();
    summer || christmas || week == 42 || (8..=10).contains(&week)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> Option<NaiveDateTime> {
        Some(NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").expect("a time"))
    }

    #[test]
    fn a_fixed_task_falls_in_the_slot_of_its_start_in_finnish_time() {
        // Tuesday 2027-03-16, 13:00 UTC is 15:00 in Helsinki (winter time): daytime.
        assert_eq!(slots("fixed", at("2027-03-16 13:00")), [WEEKDAY_DAYTIME]);
        // 14:30 UTC is 16:30 in Helsinki: evening.
        assert_eq!(slots("fixed", at("2027-03-16 14:30")), [WEEKDAY_EVENINGS]);
        // Friday 22:30 UTC in summer time is Saturday 01:30 in Helsinki: weekend, and
        // in the summer holiday.
        assert_eq!(
            slots("fixed", at("2027-06-04 22:30")),
            [WEEKENDS, SCHOOL_HOLIDAYS]
        );
    }

    #[test]
    fn flexible_and_ongoing_tasks_fit_every_slot() {
        for schedule in ["flexible", "ongoing"] {
            assert_eq!(slots(schedule, None).len(), 4);
        }
        assert!(slots("fixed", None).is_empty());
    }

    #[test]
    fn school_holidays_cover_summer_christmas_and_the_breaks() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).expect("a date");
        assert!(school_holiday(day(2027, 7, 1)));
        assert!(school_holiday(day(2027, 8, 10)));
        assert!(!school_holiday(day(2027, 8, 11)));
        assert!(school_holiday(day(2026, 12, 24)));
        assert!(school_holiday(day(2027, 1, 6)));
        assert!(school_holiday(day(2027, 10, 20))); // week 42
        assert!(school_holiday(day(2027, 3, 1))); // week 9
        assert!(!school_holiday(day(2027, 4, 14)));
    }
}
